import rule from '../../../../src/core/rules/jsonapi/error-status';
import { ruleTester } from '../../../helpers/ruleTester';

const API = { 'Content-Type': 'application/vnd.api+json' };

ruleTester(rule, {
  valid: [
    {
      name: 'single error agrees',
      status: 422,
      headers: API,
      body: { errors: [{ status: '422', title: 'Invalid' }] },
    },
    {
      name: 'several errors of the same class',
      status: 400,
      headers: API,
      body: { errors: [{ status: '422' }, { status: '403' }] },
    },
    { name: 'no status member', status: 500, headers: API, body: { errors: [{ title: 'x' }] } },
  ],
  invalid: [
    {
      name: 'numeric status',
      status: 404,
      headers: API,
      body: { errors: [{ status: 404 }] },
      findings: [
        { severity: 'warning', pointer: '/errors/0/status', message: ['a number (404)', 'not a string'] },
      ],
    },
    {
      name: 'single error disagrees',
      status: 404,
      headers: API,
      body: { errors: [{ status: '500' }] },
      findings: [{ severity: 'warning', pointer: '/errors/0/status', message: ['"500"', '404'] }],
    },
    {
      name: 'one of several errors in another class',
      status: 400,
      headers: API,
      body: { errors: [{ status: '422' }, { status: '500' }] },
      findings: [{ severity: 'warning', pointer: '/errors/1/status', message: ['another class'] }],
    },
  ],
});
