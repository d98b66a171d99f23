import rule from '../../../../src/core/rules/http/unauthorized-challenge';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: '401 with a Bearer challenge',
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer realm="api"' },
    },
    { name: 'header name in lower case', status: 401, headers: { 'www-authenticate': 'Basic realm="x"' } },
    {
      name: 'repeated challenges',
      status: 401,
      headers: [
        { name: 'WWW-Authenticate', value: 'Basic realm="x"' },
        { name: 'Www-Authenticate', value: 'Bearer' },
      ],
    },
    { name: '403 without a challenge', status: 403 },
  ],
  invalid: [
    {
      name: '401 without WWW-Authenticate',
      status: 401,
      body: { error: 'unauthorized' },
      findings: [{ severity: 'error', message: ['401', 'GET', 'no WWW-Authenticate'] }],
    },
    {
      name: '401 with an empty WWW-Authenticate',
      method: 'POST',
      status: 401,
      headers: { 'WWW-Authenticate': ' ' },
      findings: [{ severity: 'error', message: ['POST', 'empty WWW-Authenticate'] }],
    },
    {
      name: 'Proxy-Authenticate does not count for a 401',
      status: 401,
      headers: { 'Proxy-Authenticate': 'Basic' },
      findings: [{ severity: 'error', message: 'no WWW-Authenticate' }],
    },
  ],
});
