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
    {
      // Firefox on an HTTP/3 revalidation: the cached copy's compressed size in bodySize.
      name: 'Firefox 304: bodySize holds the cached copy size, nothing received (0 ms)',
      status: 304,
      httpVersion: 'HTTP/3',
      headers: { ETag: '"v7"' },
      wireBodySize: 5120,
      timings: { send: 0, wait: 21, receive: 0 },
    },
    {
      name: 'HTTP/2 304 with a bodySize and time to receive: content would have made it malformed',
      status: 304,
      httpVersion: 'h2',
      headers: { ETag: '"v7"' },
      wireBodySize: 4096,
      timings: { wait: 30, receive: 3 },
    },
    {
      name: 'bodySize equal to the Content-Length of the stored copy',
      status: 304,
      headers: { ETag: '"v7"', 'Content-Length': '5120' },
      wireBodySize: 5120,
      timings: { wait: 21, receive: 2 },
    },
    {
      name: 'bodySize equal to the recorded (cached) content size',
      status: 304,
      headers: { ETag: '"v7"' },
      wireBodySize: 2048,
      size: 2048,
      rawBody: { kind: 'binary', size: 2048 },
      timings: { wait: 21, receive: 1 },
    },
  ],
  invalid: [
    {
      name: '304 with body bytes on the wire',
      status: 304,
      headers: { ETag: '"v7"' },
      wireBodySize: 6,
      body: '<svg/>',
      timings: { wait: 10, receive: 3 },
      findings: [{ severity: 'error', message: ['304', 'GET', '6 body bytes on the wire'] }],
    },
    {
      name: '304 to HEAD with wire bytes, body content not captured',
      method: 'HEAD',
      status: 304,
      wireBodySize: 2048,
      findings: [{ severity: 'error', message: ['HEAD', '2048 body bytes'] }],
    },
    {
      name: '304 whose Content-Length differs from the bytes received after the headers',
      status: 304,
      headers: { ETag: '"v7"', 'Content-Length': '5120' },
      wireBodySize: 300,
      timings: { wait: 10, receive: 4 },
      findings: [{ severity: 'error', message: '300 body bytes on the wire' }],
    },
  ],
});
