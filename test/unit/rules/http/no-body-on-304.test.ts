import rule from '../../../../src/core/rules/http/no-body-on-304';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    { name: '304 with a known-empty body', status: 304, body: null, headers: { ETag: '"v7"' } },
    { name: '304 whose body was not captured', status: 304 },
    {
      name: '304 with Content-Length describing the stored copy',
      status: 304,
      body: null,
      headers: { 'Content-Length': '1024' },
    },
    { name: '200 with a body', status: 200, body: 'fresh' },
    {
      name: 'Chrome HAR: cached body recorded in content.text, no wire size known',
      status: 304,
      headers: { ETag: '"v7"', 'Content-Type': 'image/svg+xml' },
      body: '<svg/>',
    },
    {
      name: 'DevTools getContent(): cached binary body on a 304',
      method: 'GET',
      status: 304,
      rawBody: { kind: 'binary', size: 2048 },
    },
    {
      name: 'recorded cached text, wire bodySize 0 (HAR 1.2: 0 for a 304 from cache)',
      status: 304,
      headers: { ETag: '"v7"' },
      wireBodySize: 0,
      body: '{"id":1}',
    },
    { name: '200 with body bytes on the wire', status: 200, wireBodySize: 5, body: 'fresh' },
  ],
  invalid: [
    {
      name: '304 with body bytes on the wire',
      status: 304,
      headers: { ETag: '"v7"' },
      wireBodySize: 6,
      body: '<svg/>',
      findings: [{ severity: 'error', message: ['304', 'GET', '6 body bytes on the wire'] }],
    },
    {
      name: '304 to HEAD with wire bytes, body content not captured',
      method: 'HEAD',
      status: 304,
      wireBodySize: 2048,
      findings: [{ severity: 'error', message: ['HEAD', '2048 body bytes'] }],
    },
  ],
});
