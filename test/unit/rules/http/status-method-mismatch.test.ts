import rule from '../../../../src/core/rules/http/status-method-mismatch';
import { describe, expect, it } from 'vitest';
import { analyzeExchange, DEFAULT_LIMITS } from '../../../../src/core/engine/analyze';
import { makeExchange } from '../../../helpers/exchange';
import { ruleTester } from '../../../helpers/ruleTester';

const ua = { Accept: '*/*' };

/** What IE 11's F12 export writes for a memory-cache hit: no validator, the stored copy kept, no wire bytes. */
const ieCacheHit = {
  status: 304,
  requestHeaders: { Accept: 'application/javascript, */*;q=0.8', Host: 'gitgrimbo.github.io' },
  headers: { 'Content-Type': 'application/javascript; charset=utf-8', 'Content-Length': '505' },
  wireBodySize: 0,
  body: 'define([], function () {});',
};

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
    {
      name: "IE 11's record of a memory-cache hit: a 304 holding the stored copy, 0 bytes on the wire",
      ...ieCacheHit,
    },
    {
      name: 'IE 11 cache hit whose stored copy is binary',
      ...ieCacheHit,
      body: undefined,
      rawBody: { kind: 'binary', size: 142 },
    },
    {
      name: "a 304 the recorder says the browser's cache answered (_fromCache)",
      status: 304,
      requestHeaders: ua,
      fromCache: 'memory',
    },
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
      // httpolice_http2bin-edge.har #5: a server answering 304 on demand; nothing kept, nothing to fill in.
      name: '304 to an unconditional request, recorded with an empty body and 0 wire bytes',
      status: 304,
      requestHeaders: ua,
      wireBodySize: 0,
      body: null,
      findings: [{ severity: 'warning', message: '304' }],
    },
    {
      name: 'near miss: a body on an unconditional 304 whose bytes crossed the wire is no stored copy',
      ...ieCacheHit,
      wireBodySize: 27,
      findings: [{ severity: 'warning', message: '304' }],
    },
    {
      name: 'near miss: a body on an unconditional 304 with no wire size recorded proves no cache hit',
      ...ieCacheHit,
      wireBodySize: undefined,
      findings: [{ severity: 'warning', message: '304' }],
    },
    {
      name: '304 with only If-Match is not a conditional GET',
      status: 304,
      requestHeaders: { 'If-Match': '"v1"' },
      findings: [{ severity: 'warning', message: '304' }],
    },
  ],
});

describe('http/status-method-mismatch source', () => {
  it('links the section each finding cites: §9.2.1 for a 201 to GET, not §15', () => {
    const ex = makeExchange({ method: 'GET', status: 201 });
    const [f] = analyzeExchange(ex, [{ rule }], DEFAULT_LIMITS, []).findings;
    expect(f?.message).toContain('(RFC 9110 §9.2.1)');
    expect(f?.source.url).toBe('https://www.rfc-editor.org/rfc/rfc9110#section-9.2.1');
  });
});
