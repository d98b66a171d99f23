import rule from '../../../../src/core/rules/security/cors-credentials-wildcard';
import { ruleTester } from '../../../helpers/ruleTester';

const ORIGIN = { Origin: 'https://app.example' };
const wildcard = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' };

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
      name: 'wildcard with credentials, on a cross-origin request (it sent Origin)',
      requestHeaders: ORIGIN,
      headers: wildcard,
      findings: [
        {
          severity: 'warning',
          message: ['Access-Control-Allow-Origin: *', 'browsers refuse credentialed reads'],
        },
      ],
    },
    {
      // httpolice_http2bin-edge.har: httpbin answers * to a request without Origin and echoes
      // the Origin (with credentials) to a cross-origin one: nothing was refused here.
      name: 'wildcard with credentials on a request that sent no Origin: info, saying what to check',
      requestHeaders: { Accept: '*/*', Referer: 'https://http2bin.org/' },
      headers: wildcard,
      findings: [
        {
          severity: 'info',
          message: [
            'on a request that sent no Origin, so no browser refused anything here',
            'check what the server answers a cross-origin request with credentials',
          ],
        },
      ],
    },
    {
      name: 'null with credentials stays a warning without an Origin: any site can send Origin: null',
      requestHeaders: { Accept: '*/*' },
      headers: { 'Access-Control-Allow-Origin': 'null', 'Access-Control-Allow-Credentials': 'true' },
      findings: [{ severity: 'warning', message: 'Access-Control-Allow-Origin: null' }],
    },
    {
      name: 'wildcard with credentials, request headers not recorded',
      headers: wildcard,
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
