import rule from '../../../../src/core/rules/body/status-mismatch';
import { ruleTester } from '../../../helpers/ruleTester';

const json = { 'Content-Type': 'application/json' };

ruleTester(rule, {
  valid: [
    {
      name: 'matching status',
      status: 500,
      headers: json,
      body: { status: 500, error: 'Internal Server Error' },
    },
    {
      name: 'Google-style status name is not numeric',
      status: 404,
      headers: json,
      body: { error: { code: 404, message: 'x', status: 'NOT_FOUND' } },
    },
    { name: 'matching numeric string', status: 404, headers: json, body: { statusCode: '404' } },
    { name: 'JSend status word', status: 200, headers: json, body: { status: 'success' } },
    {
      name: 'app error code below 400 (Facebook-style)',
      status: 400,
      headers: json,
      body: { error: { code: 190, type: 'OAuthException' } },
    },
    {
      name: 'JSON-RPC negative code',
      status: 200,
      headers: json,
      body: { error: { code: -32601, message: 'Method not found' } },
    },
    { name: 'out-of-range number', status: 200, headers: json, body: { status: 1 } },
    { name: 'non-integer', status: 200, headers: json, body: { status: 200.5 } },
    { name: 'four-digit string', status: 200, headers: json, body: { status: '2000' } },
    {
      name: 'nested status elsewhere is ignored',
      status: 200,
      headers: json,
      body: { job: { status: 500 } },
    },
    { name: 'array body', status: 200, headers: json, body: [{ status: 500 }] },
    { name: 'failed request', status: 0, headers: json, body: { status: 500 } },
  ],
  invalid: [
    {
      name: 'status number differs',
      status: 200,
      headers: json,
      body: { status: 404, message: 'User not found' },
      findings: [{ severity: 'warning', pointer: '/status', message: ['404', '200'] }],
    },
    {
      name: 'statusCode as a numeric string',
      status: 200,
      headers: json,
      body: { statusCode: '500' },
      findings: [{ severity: 'warning', pointer: '/statusCode', message: ['"500"', '200'] }],
    },
    {
      name: 'Google error served with the wrong status',
      status: 200,
      headers: json,
      body: { error: { code: 403, message: 'denied', status: 'PERMISSION_DENIED' } },
      findings: [{ severity: 'warning', pointer: '/error/code', message: ['403', '200'] }],
    },
    {
      name: 'error.status number differs',
      status: 500,
      headers: json,
      body: { error: { status: 400, detail: 'bad' } },
      findings: [{ severity: 'warning', pointer: '/error/status', message: ['400', '500'] }],
    },
  ],
});
