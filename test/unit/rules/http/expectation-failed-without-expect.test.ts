import rule from '../../../../src/core/rules/http/expectation-failed-without-expect';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: '417 to Expect: 100-continue',
      method: 'PUT',
      status: 417,
      requestHeaders: { Expect: '100-continue', 'Content-Length': '10485760' },
    },
    {
      name: 'lower-case expect with an unknown expectation',
      method: 'POST',
      status: 417,
      requestHeaders: { expect: 'x-foo' },
    },
    { name: 'no request headers recorded', method: 'POST', status: 417 },
    { name: '400 without Expect', method: 'POST', status: 400, requestHeaders: { Accept: '*/*' } },
  ],
  invalid: [
    {
      name: '417 answering a request without Expect (#13)',
      method: 'POST',
      status: 417,
      requestHeaders: { Accept: 'application/json', 'Content-Type': 'application/json' },
      findings: [{ severity: 'warning', message: ['417 Expectation Failed', 'POST', 'no Expect header'] }],
    },
  ],
});
