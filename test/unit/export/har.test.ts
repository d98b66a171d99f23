import { describe, expect, it } from 'vitest';
import { toHar, type HarDocument } from '../../../src/core/export/har';
import { REDACTED } from '../../../src/core/export/redact';
import { normalizeHarEntry } from '../../../src/core/har/normalize';
import { makeExchange } from '../../helpers/exchange';

const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown) => typeof v === 'string';
const isPairs = (v: unknown) =>
  Array.isArray(v) &&
  v.every(
    (p) =>
      typeof p === 'object' &&
      p !== null &&
      isStr((p as { name: unknown }).name) &&
      isStr((p as { value: unknown }).value),
  );

/** The required fields and types of HAR 1.2 (softwareishard.com/blog/har-12-spec). */
function assertValidHar(doc: HarDocument) {
  const round = JSON.parse(JSON.stringify(doc)) as HarDocument;
  expect(round.log.version).toBe('1.2');
  expect(isStr(round.log.creator.name) && isStr(round.log.creator.version)).toBe(true);
  for (const e of round.log.entries) {
    expect(Number.isNaN(Date.parse(e.startedDateTime))).toBe(false);
    expect(isNum(e.time) && e.time >= 0).toBe(true);
    const { request: q, response: r, timings: t } = e;
    expect(isStr(q.method) && isStr(q.url) && isStr(q.httpVersion)).toBe(true);
    expect(isPairs(q.cookies) && isPairs(q.headers) && isPairs(q.queryString)).toBe(true);
    expect(isNum(q.headersSize) && isNum(q.bodySize)).toBe(true);
    if (q.postData) expect(isStr(q.postData.mimeType)).toBe(true);
    expect(isNum(r.status) && isStr(r.statusText) && isStr(r.httpVersion)).toBe(true);
    expect(isPairs(r.cookies) && isPairs(r.headers)).toBe(true);
    expect(isNum(r.content.size) && isStr(r.content.mimeType)).toBe(true);
    expect(isStr(r.redirectURL) && isNum(r.headersSize) && isNum(r.bodySize)).toBe(true);
    expect(typeof e.cache).toBe('object');
    for (const k of ['send', 'wait', 'receive'] as const) expect(t[k]).toBeGreaterThanOrEqual(0);
    for (const k of ['blocked', 'dns', 'connect', 'ssl'] as const) expect(t[k]).toBeGreaterThanOrEqual(-1);
  }
}

describe('toHar', () => {
  it('writes a valid HAR 1.2 document with the creator', () => {
    const a = makeExchange({
      method: 'POST',
      url: 'https://api.example.com/orders?page=2&q=a%20b',
      status: 201,
      statusText: 'Created',
      headers: { 'Content-Type': 'application/json', Location: '/orders/7' },
      requestHeaders: { 'Content-Type': 'application/json' },
      body: { id: 7 },
    });
    a.requestBody = { mimeType: 'application/json', text: '{"item":"é"}' };
    a.startedAt = '2024-05-01T10:00:00.000Z';
    a.time = 42;
    a.serverAddress = '10.0.0.1';
    a.resourceType = 'fetch';
    const failed = makeExchange({ status: 0, failure: 'net::ERR_CONNECTION_REFUSED' });
    const doc = toHar([a, failed], { creator: { version: '1.4.0' } });
    assertValidHar(doc);
    expect(doc.log.creator).toEqual({ name: 'Status Lens', version: '1.4.0' });
    const [e, f] = doc.log.entries;
    expect(e!.request.queryString).toEqual([
      { name: 'page', value: '2' },
      { name: 'q', value: 'a b' },
    ]);
    expect(e!.request.postData).toEqual({ mimeType: 'application/json', text: '{"item":"é"}', params: [] });
    expect(e!.request.bodySize).toBe(13);
    expect(e!.response.content).toEqual({ size: 8, mimeType: 'application/json', text: '{"id":7}' });
    expect(e!.response.redirectURL).toBe('/orders/7');
    expect(e!.time).toBe(42);
    expect(e!.timings.wait).toBe(42);
    expect(e!.serverIPAddress).toBe('10.0.0.1');
    expect(e!._resourceType).toBe('fetch');
    expect(f!.response.status).toBe(0);
    expect(f!.response._error).toBe('net::ERR_CONNECTION_REFUSED');
    expect(f!.response.content.text).toBeUndefined();
    expect(f!.startedDateTime).toBe('1970-01-01T00:00:00.000Z');
  });

  it('writes a CORS-blocked fetch back as Chrome recorded it: the server status beside _error', () => {
    const raw = {
      request: {
        method: 'GET',
        url: 'https://api.example/x',
        headers: [{ name: 'Origin', value: 'https://a.example' }],
      },
      response: { status: 200, headers: [], content: {}, _error: 'net::ERR_FAILED' },
    };
    const r = normalizeHarEntry(raw, 'c');
    if (!r.ok) throw new Error(r.error);
    const [e] = toHar([r.exchange]).log.entries;
    expect([e!.response.status, e!.response._error]).toEqual([200, 'net::ERR_FAILED']);
    const again = normalizeHarEntry(JSON.parse(JSON.stringify(e)), 'd');
    expect(again.ok && [again.exchange.status, again.exchange.serverStatus]).toEqual([0, 200]);
  });

  it('keeps body text only when known, and says why otherwise', () => {
    const doc = toHar([
      makeExchange({ rawBody: { kind: 'unknown', reason: 'too-large', size: 9_000_000 } }),
      makeExchange({ rawBody: { kind: 'binary', size: 10 } }),
      makeExchange({ body: null }),
    ]);
    assertValidHar(doc);
    const [big, bin, empty] = doc.log.entries.map((e) => e.response.content);
    expect(big).toMatchObject({ size: 9_000_000, comment: expect.stringMatching(/cap/) });
    expect(big!.text).toBeUndefined();
    expect(bin).toMatchObject({ size: 10 });
    expect(bin!.text).toBeUndefined();
    expect(empty).toEqual({ size: 0, mimeType: '' });
  });

  it('redacts by default: credential headers, token parameters in url and queryString, body secrets', () => {
    const ex = makeExchange({
      url: 'https://api.example.com/cb?code=abc&state=s&Token=t',
      headers: [
        { name: 'Set-Cookie', value: 'sid=1' },
        { name: 'Location', value: 'https://app.example.com/?access_token=zzz' },
        { name: 'Content-Type', value: 'application/json' },
      ],
      requestHeaders: {
        Authorization: 'Bearer a',
        'Proxy-Authorization': 'Basic b',
        Cookie: 'c=1',
        'X-Api-Key': 'k',
        'X-CSRF-Token': 'x',
        Accept: '*/*',
      },
      body: { access_token: 'secret-token', user: 'bob', aws: 'AKIAABCDEFGHIJKLMNOP' },
    });
    ex.requestBody = { mimeType: 'application/x-www-form-urlencoded', text: 'password=hunter2&user=bob' };
    const doc = toHar([ex]);
    assertValidHar(doc);
    const e = doc.log.entries[0]!;
    const text = JSON.stringify(doc);
    for (const secret of [
      'abc',
      'sid=1',
      'zzz',
      'Bearer a',
      'Basic b',
      'c=1',
      '"k"',
      'secret-token',
      'AKIAABCDEFGHIJKLMNOP',
      'hunter2',
      '=t&',
      '=t"',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(e.request.url).toBe(`https://api.example.com/cb?code=${REDACTED}&state=s&Token=${REDACTED}`);
    expect(e.request.queryString).toEqual([
      { name: 'code', value: REDACTED },
      { name: 'state', value: 's' },
      { name: 'Token', value: REDACTED },
    ]);
    expect(Object.fromEntries(e.request.headers.map((h) => [h.name, h.value]))).toEqual({
      Authorization: REDACTED,
      'Proxy-Authorization': REDACTED,
      Cookie: REDACTED,
      'X-Api-Key': REDACTED,
      'X-CSRF-Token': REDACTED,
      Accept: '*/*',
    });
    expect(e.response.headers[0]).toEqual({ name: 'Set-Cookie', value: REDACTED });
    expect(e.response.redirectURL).toBe(`https://app.example.com/?access_token=${REDACTED}`);
    expect(JSON.parse(e.response.content.text!)).toEqual({
      access_token: REDACTED,
      user: 'bob',
      aws: REDACTED,
    });
    expect(e.request.postData!.text).toBe(`password=${REDACTED}&user=bob`);
    expect(doc.log.comment).toMatch(/redacted/i);
  });

  it('always redacts the built-in credential headers, plus the configured names', () => {
    const ex = makeExchange({
      url: 'https://a.example/?tenant=9&token=1',
      requestHeaders: { Cookie: 'c', 'X-Tenant': 't' },
    });
    const e = toHar([ex], { redaction: { headers: ['x-tenant'], queryParams: ['tenant'] } }).log.entries[0]!;
    expect(e.request.headers).toEqual([
      { name: 'Cookie', value: REDACTED },
      { name: 'X-Tenant', value: REDACTED },
    ]);
    // The configured names add to the built-in vocabulary: "token" is redacted though not listed here.
    expect(e.request.url).toBe(`https://a.example/?tenant=${REDACTED}&token=${REDACTED}`);
  });

  it('exports everything as recorded with redact: false', () => {
    const ex = makeExchange({
      url: 'https://a.example/?token=1',
      requestHeaders: { Authorization: 'Bearer a' },
    });
    const e = toHar([ex], { redact: false }).log.entries[0]!;
    expect(e.request.url).toBe('https://a.example/?token=1');
    expect(e.request.headers).toEqual([{ name: 'Authorization', value: 'Bearer a' }]);
  });

  it('round-trips through the HAR importer', () => {
    const ex = makeExchange({
      method: 'PUT',
      status: 409,
      statusText: 'Conflict',
      headers: { 'Content-Type': 'application/problem+json' },
      body: { title: 'x' },
    });
    const doc = toHar([ex], { redact: false });
    const back = normalizeHarEntry(JSON.parse(JSON.stringify(doc.log.entries[0])), 'r');
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.exchange).toMatchObject({ method: 'PUT', status: 409, statusText: 'Conflict', url: ex.url });
    expect(back.exchange.body).toMatchObject({ kind: 'text', text: '{"title":"x"}' });
  });
});
