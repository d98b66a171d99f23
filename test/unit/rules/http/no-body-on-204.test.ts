import rule from '../../../../src/core/rules/http/no-body-on-204';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    { name: '204 with a known-empty body', method: 'DELETE', status: 204, body: null },
    { name: '204 whose body was not captured', method: 'DELETE', status: 204 },
    { name: '204 with Content-Length: 0', status: 204, body: null, headers: { 'Content-Length': '0' } },
    { name: 'Content-Length 0 with padding and odd case', status: 204, headers: { 'CONTENT-LENGTH': ' 0 ' } },
    {
      name: 'repeated Content-Length: 0 lines',
      status: 204,
      headers: [
        { name: 'content-length', value: '0' },
        { name: 'Content-Length', value: '0' },
      ],
    },
    { name: '200 with a body', status: 200, body: { ok: true }, headers: { 'Content-Length': '11' } },
    {
      name: 'binary body of unknown size is unknown, not content',
      status: 204,
      rawBody: { kind: 'unknown', reason: 'too-large', size: 9 },
    },
  ],
  invalid: [
    {
      name: '204 with a JSON body',
      method: 'DELETE',
      status: 204,
      body: { deleted: true },
      findings: [
        {
          severity: 'error',
          message: [
            '204',
            'DELETE',
            'body of 16 bytes',
            'send it bare (no body, no Content-Length), or answer 200 OK with the body',
          ],
        },
      ],
    },
    {
      name: '204 with a binary body',
      status: 204,
      rawBody: { kind: 'binary', size: 3 },
      findings: [{ severity: 'error', message: 'body of 3 bytes' }],
    },
    {
      name: 'unknown body but Content-Length 17',
      status: 204,
      headers: { 'content-length': '17' },
      findings: [{ severity: 'error', message: 'Content-Length: 17' }],
    },
    {
      name: 'body and Content-Length together make one finding',
      status: 204,
      body: 'hello',
      headers: { 'Content-Length': '5' },
      findings: [{ severity: 'error', message: ['body of 5 bytes', 'Content-Length: 5'] }],
    },
    {
      name: 'repeated Content-Length with one non-zero line',
      status: 204,
      headers: [
        { name: 'Content-Length', value: '0' },
        { name: 'content-length', value: '12' },
      ],
      findings: [{ severity: 'error', message: 'Content-Length: 12' }],
    },
    {
      name: 'empty Content-Length value',
      status: 204,
      headers: { 'Content-Length': '' },
      findings: [{ severity: 'error', message: 'Content-Length: (empty)' }],
    },
  ],
});
