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
    {
      name: 'webhook delivery record: a resource whose status is the remote answer',
      status: 200,
      headers: json,
      body: { id: 9, status: 502, delivered_at: '2024-05-01T10:00:00Z', url: 'https://hooks.example.com' },
    },
    {
      name: 'resource with a message member is still a resource',
      status: 200,
      headers: json,
      body: { id: 'dlv_1', status: 500, message: 'endpoint answered 500' },
    },
    { name: 'progress value without an error envelope', status: 200, headers: json, body: { status: 100 } },
    {
      name: 'progress 100 with a message is not a final status',
      status: 200,
      headers: json,
      body: { status: 100, message: 'done' },
    },
    {
      name: 'bare statusCode without envelope members',
      status: 200,
      headers: json,
      body: { statusCode: 404 },
    },
    {
      name: 'Facebook Graph 400 with its own error.code 506 (other class, no status member)',
      status: 400,
      headers: json,
      body: {
        error: {
          message: 'Duplicate status message',
          type: 'OAuthException',
          code: 506,
          fbtrace_id: 'AbCdEf',
        },
      },
    },
    {
      name: 'error.code in another class without a status member (soft-error territory)',
      status: 200,
      headers: json,
      body: { error: { code: 404, message: 'not found' } },
    },
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
      body: { statusCode: '500', message: 'Internal server error' },
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
    {
      name: 'problem details status differs (title makes it an envelope)',
      status: 400,
      headers: { 'Content-Type': 'application/problem+json' },
      body: { type: 'about:blank', title: 'Not Found', status: 404 },
      findings: [{ severity: 'warning', pointer: '/status', message: ['404', '400'] }],
    },
    {
      name: 'Spring Boot error echoing another status',
      status: 200,
      headers: json,
      body: { timestamp: '2024-05-01T10:00:00Z', status: 500, error: 'Internal Server Error', path: '/x' },
      findings: [{ severity: 'warning', pointer: '/status', message: ['500', '200'] }],
    },
    {
      name: 'error.code in the same class as the status',
      status: 400,
      headers: json,
      body: { error: { code: 404, message: 'no such user' } },
      findings: [{ severity: 'warning', pointer: '/error/code', message: ['404', '400'] }],
    },
    {
      name: 'top-level status matches, error.status does not',
      status: 500,
      headers: json,
      body: { status: 500, error: { status: 503, message: 'upstream' } },
      findings: [{ severity: 'warning', pointer: '/error/status', message: ['503', '500'] }],
    },
  ],
});
