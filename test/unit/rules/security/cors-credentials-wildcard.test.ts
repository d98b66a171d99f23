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
    { name: 'null origin without credentials', headers: { 'Access-Control-Allow-Origin': 'null' } },
    {
      name: 'null origin with credentials false',
      headers: { 'Access-Control-Allow-Origin': 'null', 'Access-Control-Allow-Credentials': 'false' },
    },
    {
      name: 'an origin that merely contains null',
      headers: {
        'Access-Control-Allow-Origin': 'https://null.example',
        'Access-Control-Allow-Credentials': 'true',
      },
    },
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
    {
      name: 'null origin with credentials',
      headers: { 'Access-Control-Allow-Origin': 'null', 'Access-Control-Allow-Credentials': 'true' },
      findings: [
        {
          severity: 'warning',
          message: [
            'Access-Control-Allow-Origin: null',
            'Access-Control-Allow-Credentials: true',
            'sandboxed iframe',
          ],
        },
      ],
    },
    {
      name: 'null origin with spacing and TRUE',
      headers: { 'access-control-allow-origin': ' null ', 'Access-Control-Allow-Credentials': 'TRUE' },
      findings: [{ severity: 'warning', message: 'Access-Control-Allow-Origin: null' }],
    },
  ],
});
