import rule from '../../../../src/core/rules/security/cors-credentials-wildcard';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'wildcard without credentials', headers: { 'Access-Control-Allow-Origin': '*' } },
    {
      name: 'specific origin with credentials',
      headers: {
        'Access-Control-Allow-Origin': 'https://app.example',
        'Access-Control-Allow-Credentials': 'true',
      },
    },
    {
      name: 'wildcard with credentials false',
      headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'false' },
    },
    { name: 'no CORS headers', status: 200 },
  ],
  invalid: [
    {
      name: 'wildcard with credentials',
      headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' },
      findings: [
        {
          severity: 'warning',
          message: ['Access-Control-Allow-Origin: *', 'Access-Control-Allow-Credentials: true'],
        },
      ],
    },
    {
      name: 'odd casing and spacing',
      headers: { 'access-control-allow-origin': ' * ', 'ACCESS-CONTROL-ALLOW-CREDENTIALS': 'TRUE' },
      findings: [{ severity: 'warning', message: 'Access-Control-Allow-Credentials' }],
    },
  ],
});
