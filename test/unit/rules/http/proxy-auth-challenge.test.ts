import rule from '../../../../src/core/rules/http/proxy-auth-challenge';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    { name: '407 with a challenge', status: 407, headers: { 'Proxy-Authenticate': 'Basic realm="corp"' } },
    { name: 'odd header casing', status: 407, headers: { 'PROXY-AUTHENTICATE': 'Negotiate' } },
    { name: '401 is not this rule', status: 401 },
  ],
  invalid: [
    {
      name: '407 without Proxy-Authenticate',
      status: 407,
      findings: [{ severity: 'error', message: ['407', 'no Proxy-Authenticate'] }],
    },
    {
      name: 'WWW-Authenticate does not count for a 407',
      status: 407,
      headers: { 'WWW-Authenticate': 'Basic' },
      findings: [{ severity: 'error', message: 'no Proxy-Authenticate' }],
    },
    {
      name: 'empty Proxy-Authenticate',
      status: 407,
      headers: [{ name: 'proxy-authenticate', value: '' }],
      findings: [{ severity: 'error', message: 'empty Proxy-Authenticate' }],
    },
  ],
});
