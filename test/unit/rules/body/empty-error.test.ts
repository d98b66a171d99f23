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
    {
      name: '401 to HEAD with a challenge',
      method: 'HEAD',
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer' },
      body: null,
    },
  ],
  invalid: [
    {
      name: '500 with an empty body',
      method: 'POST',
      status: 500,
      body: null,
      findings: [{ severity: 'warning', message: ['500', 'POST', 'empty', 'RFC 9110 §15.6'] }],
    },
    {
      name: '404 with only whitespace',
      status: 404,
      body: '\r\n  \n',
      findings: [{ severity: 'warning', message: ['404', 'GET', 'RFC 9110 §15.5'] }],
    },
    {
      name: '403 with a zero-byte binary body',
      status: 403,
      rawBody: { kind: 'binary', size: 0 },
      findings: [{ severity: 'warning', message: '403' }],
    },
    {
      name: '401 with WWW-Authenticate is only a note',
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token"' },
      body: null,
      findings: [{ severity: 'info', message: ['401', 'WWW-Authenticate', 'RFC 9110 §15.5'] }],
    },
    {
      name: '401 without a challenge stays a warning',
      status: 401,
      body: null,
      findings: [{ severity: 'warning', message: ['401', 'nothing tells the client'] }],
    },
    {
      name: '405 with Allow is only a note',
      method: 'DELETE',
      status: 405,
      headers: { Allow: 'GET, HEAD' },
      body: null,
      findings: [{ severity: 'info', message: ['405', 'DELETE', 'Allow'] }],
    },
    {
      name: '405 without Allow stays a warning',
      method: 'DELETE',
      status: 405,
      body: null,
      findings: [{ severity: 'warning', message: ['405', 'DELETE'] }],
    },
    {
      name: '412 Precondition Failed is only a note',
      method: 'PUT',
      status: 412,
      requestHeaders: { 'If-Match': '"v1"' },
      body: null,
      findings: [{ severity: 'info', message: ['412', 'PUT', 'preconditions'] }],
    },
    {
      name: '503 with an empty body cites §15.6',
      status: 503,
      headers: { 'Retry-After': '30' },
      body: null,
      findings: [{ severity: 'warning', message: ['503', 'RFC 9110 §15.6'] }],
    },
  ],
});
