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
    {
      name: 'three errors in another class: one finding that counts them and names all three',
      status: 400,
      headers: API,
      body: { errors: [{ status: '500' }, { status: '422' }, { status: '503' }, { status: '502' }] },
      findings: [
        {
          severity: 'warning',
          pointer: '/errors/0/status',
          message:
            '3 errors have a "status" of another class than the HTTP status 400: /errors/0/status, /errors/2/status and /errors/3/status',
        },
      ],
    },
    {
      name: 'thirty numeric statuses: one finding, the first three named and the rest counted',
      status: 422,
      headers: API,
      body: { errors: Array.from({ length: 30 }, () => ({ status: 422, title: 'Invalid' })) },
      findings: [
        {
          severity: 'warning',
          pointer: '/errors/0/status',
          message:
            '30 errors have a "status" that is not a string: /errors/0/status, /errors/1/status, /errors/2/status and 27 more',
        },
      ],
    },
    {
      name: 'numeric statuses and statuses of another class stay apart',
      status: 400,
      headers: API,
      body: { errors: [{ status: 400 }, { status: '500' }, { status: 422 }] },
      findings: [
        {
          severity: 'warning',
          pointer: '/errors/0/status',
          message: '2 errors have a "status" that is not a string: /errors/0/status and /errors/2/status',
        },
        { severity: 'warning', pointer: '/errors/1/status', message: 'errors[1].status is "500"' },
      ],
    },
  ],
});
