import rule from '../../../../src/core/rules/http/status-method-mismatch';
import { ruleTester } from '../../../helpers/ruleTester';

const ua = { Accept: '*/*' };

ruleTester(rule, {
  valid: [
    { name: '201 to POST', method: 'POST', status: 201 },
    { name: '201 to PUT', method: 'PUT', status: 201 },
    { name: '206 to a Range request', status: 206, requestHeaders: { Range: 'bytes=0-' } },
    { name: '206 with a lower-case range header', status: 206, requestHeaders: { range: 'bytes=0-99' } },
    { name: '304 to If-None-Match', status: 304, requestHeaders: { 'If-None-Match': '"v1"' } },
    {
      name: '304 to if-modified-since',
      status: 304,
      requestHeaders: { 'if-modified-since': 'Tue, 15 Nov 1994 08:12:31 GMT' },
    },
    { name: '206 with no request headers recorded', status: 206 },
    { name: '304 with no request headers recorded', status: 304 },
    { name: '200 to GET', status: 200, requestHeaders: ua },
  ],
  invalid: [
    {
      name: '201 to GET',
      method: 'GET',
      status: 201,
      findings: [{ severity: 'warning', message: ['201', 'GET'] }],
    },
    {
      name: '201 to lower-case head',
      method: 'head',
      status: 201,
      findings: [{ severity: 'warning', message: ['201', 'head'] }],
    },
    {
      // Seen in a real capture (requestgenerator.com): the message read "answered a OPTIONS".
      name: '201 to OPTIONS, with the article its name takes',
      method: 'OPTIONS',
      status: 201,
      findings: [{ severity: 'warning', message: ['answered an OPTIONS', 'safe method'] }],
    },
    {
      name: '206 without Range',
      status: 206,
      requestHeaders: ua,
      findings: [{ severity: 'warning', message: ['206', 'GET', 'Range'] }],
    },
    {
      name: '304 without validators',
      status: 304,
      requestHeaders: ua,
      findings: [{ severity: 'warning', message: ['304', 'If-None-Match', 'If-Modified-Since'] }],
    },
    {
      name: '304 with only If-Match is not a conditional GET',
      status: 304,
      requestHeaders: { 'If-Match': '"v1"' },
      findings: [{ severity: 'warning', message: '304' }],
    },
  ],
});
