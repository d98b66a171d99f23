import rule from '../../../../src/core/rules/body/soft-error';
import { ruleTester } from '../../../helpers/ruleTester';

const json = { 'Content-Type': 'application/json' };

ruleTester(rule, {
  valid: [
    { name: 'ok: true', headers: json, body: { ok: true, channel: 'C1' } },
    { name: 'success: true', headers: json, body: { success: true } },
    { name: 'JSend success', headers: json, body: { status: 'success', data: {} } },
    { name: 'error: null', headers: json, body: { error: null, data: [] } },
    { name: 'error: empty string', headers: json, body: { error: '' } },
    { name: 'error: empty object', headers: json, body: { error: {} } },
    { name: 'errors: empty array', headers: json, body: { data: {}, errors: [] } },
    {
      name: 'GraphQL partial success keeps data',
      headers: json,
      body: { data: { user: null }, errors: [{ message: 'x' }] },
    },
    {
      name: 'failure body on a 4xx is honest',
      status: 400,
      headers: json,
      body: { ok: false, error: 'invalid' },
    },
    { name: 'top-level array', headers: json, body: [{ ok: false }] },
    { name: 'ok: "false" as a string is not a boolean', headers: json, body: { ok: 'false' } },
    { name: 'nested ok: false', headers: json, body: { item: { ok: false } } },
    { name: 'body not captured', headers: json },
    { name: '__proto__ key', headers: json, body: '{"__proto__": {"error": "x"}}' },
  ],
  invalid: [
    {
      name: 'Slack-style ok: false',
      headers: json,
      body: { ok: false, error: 'channel_not_found' },
      findings: [
        { severity: 'warning', pointer: '/ok', message: ['200', '"ok": false', 'channel_not_found'] },
      ],
    },
    {
      name: 'success: false with a message',
      status: 201,
      headers: json,
      body: { success: false, message: 'Quota exceeded' },
      findings: [
        { severity: 'warning', pointer: '/success', message: ['201', '"success": false', 'Quota exceeded'] },
      ],
    },
    {
      name: 'JSend fail, any case',
      headers: json,
      body: { status: 'FAIL', data: { title: 'required' } },
      findings: [{ severity: 'warning', pointer: '/status', message: '"FAIL"' }],
    },
    {
      name: 'error string',
      headers: json,
      body: { error: 'Token expired' },
      findings: [{ severity: 'warning', pointer: '/error', message: 'Token expired' }],
    },
    {
      name: 'error object',
      headers: json,
      body: { error: { code: 'E42', message: 'boom' } },
      findings: [{ severity: 'warning', pointer: '/error', message: ['"error"', 'error.message: "boom"'] }],
    },
    {
      name: 'GraphQL errors without data',
      headers: json,
      body: { errors: [{ message: 'Cannot query field "x"' }], data: null },
      findings: [{ severity: 'warning', pointer: '/errors', message: ['1 entry', 'Cannot query field'] }],
    },
  ],
});
