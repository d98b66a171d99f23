import { describe, expect, it } from 'vitest';
import { contentToBody, decodeBase64 } from '../../../src/core/har/body';
import { normalizeHarEntry, parseHar } from '../../../src/core/har/normalize';
import { tidyJsonError } from '../../../src/core/har/json-error';
import { statusFamily } from '../../../src/core/exchange/family';
import { carriesContent, isJsonMediaType, mediaTypeOf } from '../../../src/core/exchange/media';
import { headerValue, headerValues } from '../../../src/core/exchange/headers';
import { harDocument, harEntry } from '../../helpers/har';
import { makeExchange } from '../../helpers/exchange';

describe('statusFamily', () => {
  it.each([
    [0, 'failed'],
    [99, 'unknown'],
    [100, '1xx'],
    [204, '2xx'],
    [399, '3xx'],
    [404, '4xx'],
    [599, '5xx'],
    [600, 'unknown'],
    [999, 'unknown'],
    [200.5, 'unknown'],
    [-1, 'unknown'],
  ])('%s → %s', (code, fam) => expect(statusFamily(code)).toBe(fam));
});

describe('media types and headers', () => {
  it('drops parameters and lower-cases', () => {
    expect(mediaTypeOf('Application/Problem+JSON; charset=utf-8')).toBe('application/problem+json');
    expect(isJsonMediaType('application/vnd.api+json')).toBe(true);
    expect(isJsonMediaType('text/json')).toBe(false);
  });
  it('looks headers up case-insensitively and keeps repeats', () => {
    const h = [
      { name: 'Vary', value: 'Accept' },
      { name: 'vary', value: 'Origin' },
    ];
    expect(headerValues(h, 'VARY')).toEqual(['Accept', 'Origin']);
    expect(headerValue(h, 'vary')).toBe('Accept, Origin');
  });
  it('knows which responses carry content', () => {
    expect(carriesContent(makeExchange({ method: 'HEAD', body: 'x' }))).toBe(false);
    expect(carriesContent(makeExchange({ status: 304, body: 'x' }))).toBe(false);
    expect(carriesContent(makeExchange({ status: 205, body: 'x' }))).toBe(false);
    expect(carriesContent(makeExchange({ status: 200, body: null }))).toBe(false);
    expect(carriesContent(makeExchange({ status: 200 }))).toBe(true);
    // An unseen body carries content unless Content-Length says there is none.
    const unseen = (length: string) => makeExchange({ status: 200, headers: { 'Content-Length': length } });
    expect(carriesContent(unseen('0'))).toBe(false);
    expect(carriesContent(unseen('0, 0'))).toBe(false);
    expect(carriesContent(unseen('0, 12'))).toBe(true);
    expect(carriesContent(unseen('12'))).toBe(true);
    expect(carriesContent(makeExchange({ status: 200, rawBody: { kind: 'binary', size: 0 } }))).toBe(false);
  });
});

describe('bodies', () => {
  it('distinguishes not captured from empty', () => {
    expect(contentToBody(undefined, undefined, 'application/json', 120)).toEqual({
      kind: 'unknown',
      reason: 'not-captured',
      size: 120,
    });
    expect(contentToBody(undefined, undefined, 'application/json', 0)).toEqual({ kind: 'empty' });
    expect(contentToBody('', undefined, 'application/json', -1)).toEqual({ kind: 'empty' });
    expect(contentToBody('', undefined, 'application/json', 0)).toEqual({ kind: 'empty' });
  });

  it('reads an empty text beside a recorded size as not captured (Chrome drops bodies it no longer holds)', () => {
    // A real Chrome export (hari157/httpbin_hoppscotch_collection new-tab-page.har): Kong's 404 has
    // Content-Length: 52 and content.size 52, but content.text "".
    expect(contentToBody('', undefined, 'application/json', 52)).toEqual({
      kind: 'unknown',
      reason: 'not-captured',
      size: 52,
    });
  });
  it('reads an empty text of size 0 beside a Content-Length other than 0 as not kept (IE 11 F12 exports)', () => {
    const entry = (status: number, contentLength: string, method = 'GET') => {
      const e = harEntry({ method, url: 'https://a.io/missing', status, mimeType: 'text/html', text: '' });
      e.response.headers.push({ name: 'Content-Length', value: contentLength });
      e.response.content.size = 0;
      return normalizeHarEntry(e, 'x');
    };
    const body = (r: ReturnType<typeof normalizeHarEntry>) => (r.ok ? r.exchange.body : undefined);
    // harviewer_ie11-cache-304s.har #4: IE writes the length with a thousands separator.
    expect(body(entry(404, '5,216'))).toEqual({ kind: 'unknown', reason: 'not-captured', size: 5216 });
    expect(body(entry(500, '52'))).toEqual({ kind: 'unknown', reason: 'not-captured', size: 52 });
    expect(body(entry(500, 'lots'))).toEqual({ kind: 'unknown', reason: 'not-captured' });
    // Still empty: a length of 0, and answers that never carry content whatever their length says.
    expect(body(entry(404, '0'))).toEqual({ kind: 'empty' });
    expect(body(entry(404, '120', 'HEAD'))).toEqual({ kind: 'empty' });
    expect(body(entry(204, '120'))).toEqual({ kind: 'empty' });
  });
  it('decodes base64 text and recognises binary', () => {
    expect(contentToBody(btoa('{"a":1}'), 'base64', 'application/json', 7)).toMatchObject({
      kind: 'text',
      text: '{"a":1}',
    });
    expect(contentToBody(btoa('\u0089PNG\r\n'), 'base64', 'image/png', 6)).toMatchObject({ kind: 'binary' });
    expect(contentToBody(btoa('\xff\xfe\x00'), 'base64', 'text/plain', 3)).toMatchObject({ kind: 'binary' });
  });
  it('decodes base64 with whitespace in it, and non-ASCII UTF-8 text', () => {
    const b64 = btoa(unescape(encodeURIComponent('{"name":"café 日本","tab":"\t\u000b"}')));
    const wrapped = b64.replace(/(.{8})/g, '$1\n ');
    expect(contentToBody(wrapped, 'base64', 'application/json', 10)).toMatchObject({
      kind: 'text',
      text: '{"name":"café 日本","tab":"\t\u000b"}',
    });
  });
  it('reports a broken base64 image as not decodable, not as binary', () => {
    expect(contentToBody('iVBORw0KGgo***', 'base64', 'image/png', 10)).toEqual({
      kind: 'unknown',
      reason: 'decode-failed',
    });
    expect(contentToBody(btoa('\u0089PNG\r\n\u001a\n'), 'base64', 'image/png', 8)).toEqual({
      kind: 'binary',
      size: 8,
    });
  });
  it('reports base64 that does not decode', () => {
    expect(decodeBase64('@@not base64@@')).toBeUndefined();
    expect(contentToBody('@@@', 'base64', 'application/json', 3)).toEqual({
      kind: 'unknown',
      reason: 'decode-failed',
    });
  });
});

describe('normalizeHarEntry', () => {
  it("reads Chrome's empty text as not captured beside a size, and as empty when Content-Length says 0", () => {
    // A real Chrome export (hari157/httpbin_hoppscotch_collection new-tab-page.har, Kong): the
    // 404's body had 52 bytes; the 401 said Content-Length: 0 although content.size reads 236.
    const dropped = normalizeHarEntry(
      harEntry({
        url: 'https://acm.test/favicon.ico',
        status: 404,
        headers: { 'content-length': '52', 'content-type': 'application/json; charset=utf-8' },
        text: '',
        size: 52,
      }),
      'e1',
    );
    const empty = normalizeHarEntry(
      harEntry({
        url: 'https://acm.test/acm/api/csrf',
        status: 401,
        headers: { 'content-length': '0', 'www-authenticate': 'Bearer' },
        mimeType: 'text/plain',
        text: '',
        size: 236,
      }),
      'e2',
    );
    expect(dropped.ok && dropped.exchange.body).toEqual({
      kind: 'unknown',
      reason: 'not-captured',
      size: 52,
    });
    expect(empty.ok && empty.exchange.body).toEqual({ kind: 'empty' });
  });

  it('reads a Chrome entry', () => {
    const r = normalizeHarEntry(
      harEntry({
        method: 'post',
        url: 'https://a.io/x',
        status: 201,
        headers: { Location: '/x/1' },
        text: '{}',
        resourceType: 'xhr',
      }),
      'e1',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.exchange).toMatchObject({
      id: 'e1',
      method: 'POST',
      status: 201,
      resourceType: 'xhr',
      body: { kind: 'text', text: '{}' },
    });
    expect(r.exchange.responseHeaders).toEqual([{ name: 'Location', value: '/x/1' }]);
  });
  it('keeps the failure reason of a failed request', () => {
    const r = normalizeHarEntry(
      harEntry({ url: 'https://a.io/', status: 0, error: 'net::ERR_CONNECTION_REFUSED' }),
      'e',
    );
    expect(r.ok && r.exchange.failure).toBe('net::ERR_CONNECTION_REFUSED');
    expect(r.ok && r.exchange.body.kind).toBe('unknown');
  });
  it("reads a Playwright failed request (status -1, _failureText) like Chrome's (status 0, _error)", () => {
    const pw = harEntry({ url: 'https://a.io/', status: -1 });
    const onResponse = { ...pw, response: { ...pw.response, _failureText: 'net::ERR_CONNECTION_REFUSED' } };
    const onEntry = { ...pw, _failureText: 'net::ERR_NAME_NOT_RESOLVED' };
    for (const [entry, failure] of [
      [onResponse, 'net::ERR_CONNECTION_REFUSED'],
      [onEntry, 'net::ERR_NAME_NOT_RESOLVED'],
      [pw, undefined],
    ] as const) {
      const r = normalizeHarEntry(entry, 'e');
      if (!r.ok) throw new Error(r.error);
      expect(r.exchange.status).toBe(0);
      expect(statusFamily(r.exchange.status)).toBe('failed');
      expect(r.exchange.failure).toBe(failure);
      expect(r.exchange.body).toEqual({ kind: 'unknown', reason: 'not-captured' });
    }
  });
  it('reads a fetch the browser failed after the response arrived (CORS) as failed, keeping the server status', () => {
    // Chrome's HAR for a CORS-blocked fetch: the server's 200 beside _error.
    const r = normalizeHarEntry(
      harEntry({
        url: 'https://api.other.example/data',
        status: 200,
        error: 'net::ERR_FAILED',
        requestHeaders: { Origin: 'https://app.example' },
        headers: { 'Content-Type': 'application/json' },
      }),
      'e',
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.exchange.status).toBe(0);
    expect(statusFamily(r.exchange.status)).toBe('failed');
    expect(r.exchange.serverStatus).toBe(200);
    expect(r.exchange.failure).toBe('net::ERR_FAILED');
    expect(r.exchange.responseHeaders).toEqual([{ name: 'Content-Type', value: 'application/json' }]);
    const plain = normalizeHarEntry(
      harEntry({ url: 'https://a.io/', status: 0, error: 'net::ERR_FAILED' }),
      'e',
    );
    expect(plain.ok && plain.exchange.serverStatus).toBeUndefined();
  });
  it('keeps Firefox failed requests (status 0, no error text) and other odd statuses as recorded', () => {
    const ff = normalizeHarEntry(harEntry({ url: 'https://a.io/', status: 0 }), 'e');
    expect(ff.ok && [ff.exchange.status, ff.exchange.failure]).toEqual([0, undefined]);
    const odd = normalizeHarEntry(harEntry({ url: 'https://a.io/', status: -2 }), 'e');
    expect(odd.ok && odd.exchange.status).toBe(-2);
  });
  it('refuses a fractional status code, saying why, instead of cutting it to a whole one', () => {
    for (const status of [200.5, 0.5, -1.5]) {
      expect(normalizeHarEntry(harEntry({ url: 'https://a.io/', status }), 'e')).toEqual({
        ok: false,
        error: `response.status is ${status}, not a whole number: a status code is an integer such as 200`,
      });
    }
  });
  it('says which required field is missing', () => {
    expect(normalizeHarEntry({ request: { url: 'x' }, response: { status: 200 } }, 'e')).toEqual({
      ok: false,
      error: 'request.method is missing or not a string',
    });
    expect(normalizeHarEntry({ request: { method: 'GET', url: 'x' } }, 'e')).toEqual({
      ok: false,
      error: 'entry has no "response" object',
    });
    expect(normalizeHarEntry(null, 'e')).toEqual({ ok: false, error: 'entry is null, not an object' });
    // What it is instead, so a member name left outside its object (a "}" too early) reads as one.
    expect(normalizeHarEntry('serverIPAddress', 'e')).toEqual({
      ok: false,
      error: 'entry is a string ("serverIPAddress"), not an object',
    });
    expect(normalizeHarEntry([1, 2], 'e')).toEqual({
      ok: false,
      error: 'entry is an array of 2 items, not an object',
    });
  });
  it('tolerates missing optional fields and odd header values', () => {
    const r = normalizeHarEntry(
      {
        request: { method: 'GET', url: 'https://a.io', headers: [{ name: 'X', value: 5 }, 'junk'] },
        response: { status: 200, headers: 'nope' },
      },
      'e',
    );
    expect(r.ok && r.exchange.requestHeaders).toEqual([{ name: 'X', value: '5' }]);
    expect(r.ok && r.exchange.responseHeaders).toEqual([]);
  });
});

describe('parseHar', () => {
  it('reads good entries and reports bad ones by index', () => {
    const r = parseHar(
      JSON.stringify(harDocument([harEntry({ url: 'https://a.io', status: 200 }), { nope: true }])),
    );
    expect('error' in r).toBe(false);
    if ('error' in r) return;
    expect(r.exchanges).toHaveLength(1);
    expect(r.problems).toEqual([{ index: 1, error: 'entry has no "request" object' }]);
  });
  it('explains what is wrong with a file that is not a HAR', () => {
    // V8's wording changes between Node versions; what we promise is the prefix and no repetition.
    for (const text of ['{', '', 'nope']) {
      const r = parseHar(text);
      expect('error' in r && r.error).toMatch(/^not valid JSON: /);
      expect('error' in r && r.error.replace(/^not valid JSON: /, '')).not.toMatch(/JSON/);
    }
    expect(parseHar('')).toEqual({ error: 'not valid JSON: Unexpected end of input' });
    expect(parseHar('[]')).toEqual({ error: 'not a HAR file: the top level is not a JSON object' });
    expect(parseHar('{"log":{}}')).toEqual({ error: 'not a HAR file: "log.entries" is not an array' });
  });
});

describe('tidyJsonError', () => {
  it.each([
    [`Unexpected token 'o', "not json" is not valid JSON`, `Unexpected token 'o' in "not json"`],
    [`Unexpected token 'x', "xxxxxxxxxx"... is not valid JSON`, `Unexpected token 'x' in "xxxxxxxxxx"...`],
    [
      `Unexpected token 'o', ..."", "url": oops }, "r"... is not valid JSON`,
      `Unexpected token 'o' in ..."", "url": oops }, "r"...`,
    ],
    ['Unexpected end of JSON input', 'Unexpected end of input'],
    ['Unexpected non-whitespace character after JSON', 'Unexpected non-whitespace character after the value'],
    ["Expected ',' or '}' after property value", "Expected ',' or '}' after property value"],
  ])('%s', (raw, tidy) => expect(tidyJsonError(raw)).toBe(tidy));

  it('never says "JSON" in what follows "not valid JSON: " for what V8 throws', () => {
    expect.assertions(6);
    for (const text of ['nope', '{"a": tru}', '', '{} x', '[1,]', 'x'.repeat(100)]) {
      try {
        JSON.parse(text);
      } catch (e) {
        expect(tidyJsonError((e as Error).message)).not.toMatch(/JSON/);
      }
    }
  });
});
