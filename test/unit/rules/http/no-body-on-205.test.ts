import rule from '../../../../src/core/rules/http/no-body-on-205';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: '205 with Content-Length: 0, as RFC 9110 §15.3.6 asks',
      method: 'POST',
      status: 205,
      body: null,
      headers: { 'Content-Length': '0' },
    },
    { name: '205 with a known-empty body', method: 'POST', status: 205, body: null },
    { name: '205 whose body was not captured', method: 'POST', status: 205 },
    { name: 'a 204 with a body is the 204 rule’s finding', status: 204, body: { ok: true } },
    { name: '200 with a body', status: 200, body: { ok: true } },
  ],
  invalid: [
    {
      name: '205 with a JSON body (#13)',
      method: 'POST',
      status: 205,
      body: { reset: true },
      findings: [
        {
          severity: 'error',
          message: [
            '205 Reset Content',
            'POST',
            'body of 14 bytes',
            'send Content-Length: 0, or answer 200 OK if the client needs the body',
          ],
        },
      ],
    },
    {
      name: '205 whose unseen body has a Content-Length',
      method: 'PUT',
      status: 205,
      headers: { 'Content-Length': '42' },
      findings: [{ severity: 'error', message: 'Content-Length: 42' }],
    },
    {
      name: '205 with an HTML page and its length: one finding',
      method: 'POST',
      status: 205,
      headers: { 'Content-Type': 'text/html', 'Content-Length': '11' },
      body: '<p>Done</p>',
      findings: [{ severity: 'error', message: ['body of 11 bytes', 'Content-Length: 11'] }],
    },
  ],
});
