import rule from '../../../../src/core/rules/body/empty-error';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: '404 with a JSON body',
      status: 404,
      headers: { 'Content-Type': 'application/json' },
      body: { error: 'not found' },
    },
    { name: '404 body not captured', status: 404 },
    { name: '404 to HEAD', method: 'HEAD', status: 404, body: null },
    { name: '204 success with no body', status: 204, body: null },
    { name: '500 with a binary body', status: 500, rawBody: { kind: 'binary', size: 12 } },
  ],
  invalid: [
    {
      name: '500 with an empty body',
      method: 'POST',
      status: 500,
      body: null,
      findings: [{ severity: 'warning', message: ['500', 'POST', 'empty'] }],
    },
    {
      name: '404 with only whitespace',
      status: 404,
      body: '\r\n  \n',
      findings: [{ severity: 'warning', message: ['404', 'GET'] }],
    },
    {
      name: '403 with a zero-byte binary body',
      status: 403,
      rawBody: { kind: 'binary', size: 0 },
      findings: [{ severity: 'warning', message: '403' }],
    },
  ],
});
