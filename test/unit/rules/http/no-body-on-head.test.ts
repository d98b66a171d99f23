import rule from '../../../../src/core/rules/http/no-body-on-head';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'HEAD with Content-Length and no body',
      method: 'HEAD',
      status: 200,
      body: null,
      headers: { 'Content-Length': '4096' },
    },
    { name: 'HEAD whose body was not captured', method: 'HEAD', status: 200 },
    { name: 'GET with a body', method: 'GET', status: 200, body: 'data' },
    { name: 'failed HEAD (status 0)', method: 'HEAD', status: 0, failure: 'net::ERR_FAILED', body: 'x' },
  ],
  invalid: [
    {
      name: 'HEAD 200 with a text body',
      method: 'HEAD',
      status: 200,
      body: 'a,b,c',
      findings: [{ severity: 'error', message: ['200', 'HEAD', '5-byte body'] }],
    },
    {
      name: 'lower-case head method with an error body',
      method: 'head',
      status: 404,
      body: { error: 'not found' },
      findings: [{ severity: 'error', message: ['404', '21-byte body'] }],
    },
    {
      name: 'HEAD with a binary body',
      method: 'HEAD',
      status: 200,
      rawBody: { kind: 'binary', size: 10 },
      findings: [{ severity: 'error', message: '10-byte body' }],
    },
  ],
});
