import rule from '../../../../src/core/rules/http/method-not-allowed-allow';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: '405 with Allow not listing the method',
      method: 'DELETE',
      status: 405,
      headers: { Allow: 'GET, HEAD' },
    },
    { name: 'empty Allow means nothing is allowed', method: 'PUT', status: 405, headers: { Allow: '' } },
    { name: 'lower-case header name', method: 'POST', status: 405, headers: { allow: 'GET' } },
    {
      name: 'method that is a prefix of an allowed one',
      method: 'GET',
      status: 405,
      headers: { Allow: 'GETX, POST' },
    },
    {
      name: 'repeated Allow lines',
      method: 'PATCH',
      status: 405,
      headers: [
        { name: 'Allow', value: 'GET' },
        { name: 'allow', value: 'POST' },
      ],
    },
    { name: '200 without Allow', status: 200 },
  ],
  invalid: [
    {
      name: '405 without Allow',
      method: 'DELETE',
      status: 405,
      findings: [{ severity: 'error', message: ['405', 'DELETE', 'no Allow'] }],
    },
    {
      name: 'Allow lists the refused method in another case',
      method: 'PATCH',
      status: 405,
      headers: { Allow: 'GET,  patch ' },
      findings: [{ severity: 'error', message: ['PATCH', 'Allow: GET,  patch'] }],
    },
    {
      name: 'refused method in a repeated Allow line',
      method: 'POST',
      status: 405,
      headers: [
        { name: 'Allow', value: 'GET' },
        { name: 'ALLOW', value: 'POST' },
      ],
      findings: [{ severity: 'error', message: ['POST', 'Allow: GET, POST'] }],
    },
  ],
});
