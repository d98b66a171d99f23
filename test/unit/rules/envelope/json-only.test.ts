import rule from '../../../../src/core/rules/envelope/json-only';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'application/json', headers: { 'Content-Type': 'application/json' }, body: { items: [] } },
    { name: 'with charset', headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: {} },
    { name: 'upper case', headers: { 'Content-Type': 'APPLICATION/JSON' }, body: {} },
    { name: '204 without Content-Type', status: 204, body: null },
    { name: 'HEAD carries nothing', method: 'HEAD', headers: { 'Content-Type': 'text/html' } },
    { name: 'known-empty body', status: 200, body: null },
    { name: 'no response (status 0)', status: 0, failure: 'net::ERR_FAILED' },
    {
      // Same answer as problem/content-type: both ask exchange/media's carriesContent (#13 item 10).
      name: 'unseen body declared empty by Content-Length: 0 (monitoring)',
      status: 201,
      headers: { 'Content-Length': '0' },
    },
  ],
  invalid: [
    {
      name: 'HTML error page',
      status: 502,
      headers: { 'Content-Type': 'text/html' },
      body: '<h1>Bad Gateway</h1>',
      findings: [{ severity: 'warning', message: ['502', 'text/html', 'application/json'] }],
    },
    {
      name: 'a +json type is not exactly application/json',
      headers: { 'Content-Type': 'application/problem+json' },
      body: {},
      findings: [{ severity: 'warning', message: 'application/problem+json' }],
    },
    {
      name: 'content without Content-Type',
      body: { items: [] },
      findings: [{ severity: 'warning', message: ['200', 'no Content-Type'] }],
    },
    {
      name: 'unknown body with text/plain',
      status: 500,
      headers: { 'Content-Type': 'text/plain' },
      findings: [{ severity: 'warning', message: ['500', 'text/plain'] }],
    },
    {
      name: 'unseen body with a non-zero Content-Length',
      status: 200,
      headers: { 'Content-Type': 'text/plain', 'Content-Length': '0, 12' },
      findings: [{ severity: 'warning', message: 'text/plain' }],
    },
  ],
});
