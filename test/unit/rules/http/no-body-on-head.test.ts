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
    {
      name: 'HEAD with recorded text (from cache or recorder), no wire size known',
      method: 'HEAD',
      status: 200,
      headers: { 'Content-Length': '5' },
      body: 'a,b,c',
    },
    {
      name: 'HEAD with a recorded binary body, no wire size known',
      method: 'HEAD',
      status: 200,
      rawBody: { kind: 'binary', size: 10 },
    },
    {
      name: 'HEAD with recorded text but wire bodySize 0',
      method: 'HEAD',
      status: 200,
      wireBodySize: 0,
      body: 'a,b,c',
    },
    { name: 'GET with body bytes on the wire', status: 200, wireBodySize: 4, body: 'data' },
  ],
  invalid: [
    {
      name: 'HEAD 200 with body bytes on the wire',
      method: 'HEAD',
      status: 200,
      wireBodySize: 5,
      body: 'a,b,c',
      findings: [{ severity: 'error', message: ['200', 'HEAD', '5 body bytes on the wire'] }],
    },
    {
      name: 'lower-case head method, error status, wire bytes',
      method: 'head',
      status: 404,
      wireBodySize: 21,
      body: { error: 'not found' },
      findings: [{ severity: 'error', message: ['404', '21 body bytes'] }],
    },
  ],
});
