import rule from '../../../../src/core/rules/envelope/expected-status';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'GET 200', status: 200 },
    { name: 'GET 404', status: 404 },
    { name: 'GET 416', status: 416 },
    { name: 'HEAD 416', method: 'HEAD', status: 416 },
    { name: 'POST 409', method: 'POST', status: 409 },
    { name: 'PATCH 412', method: 'PATCH', status: 412 },
    { name: 'DELETE 404', method: 'DELETE', status: 404 },
    { name: 'PUT 417', method: 'PUT', status: 417 },
    { name: 'lower-case method', method: 'get', status: 404 },
    { name: 'OPTIONS 200', method: 'OPTIONS', status: 200 },
    { name: 'status 0 never fires', status: 0 },
    {
      // A real capture (Chrome 104 against requestgenerator.com): the browser revalidated its
      // cached copy and the server answered 304.
      name: 'GET 304 to a conditional request (If-None-Match)',
      status: 304,
      requestHeaders: { 'if-none-match': 'W/"qw3nn9bgiw1p"' },
    },
    {
      name: 'GET 304 to If-Modified-Since',
      status: 304,
      requestHeaders: { 'If-Modified-Since': 'Sun, 07 Aug 2022 16:56:53 GMT' },
    },
  ],
  invalid: [
    {
      name: 'GET 409',
      status: 409,
      findings: [{ severity: 'info', message: ['409', 'GET', '416'] }],
    },
    {
      name: 'POST 416',
      method: 'POST',
      status: 416,
      findings: [{ severity: 'info', message: ['416', 'POST', '412'] }],
    },
    { name: 'GET 422', status: 422, findings: [{ severity: 'info', message: ['422', 'GET'] }] },
    { name: 'GET 302', status: 302, findings: [{ severity: 'info', message: '302' }] },
    {
      name: 'near miss: GET 304 to a request that asked no condition',
      status: 304,
      findings: [{ severity: 'info', message: ['304', 'GET'] }],
    },
    {
      name: 'OPTIONS 404',
      method: 'OPTIONS',
      status: 404,
      findings: [{ severity: 'info', message: ['404', 'OPTIONS'] }],
    },
    {
      name: 'lower-case post 429',
      method: 'post',
      status: 429,
      findings: [{ severity: 'info', message: ['429', 'POST'] }],
    },
  ],
});
