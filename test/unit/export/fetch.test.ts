import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { toFetch } from '../../../src/core/export/fetch';
import { REDACTED } from '../../../src/core/export/redact';
import { makeExchange } from '../../helpers/exchange';

/** Runs the snippet in an isolated context with a recording fetch, proving it is valid JavaScript that passes exactly these values. */
function callOf(code: string): {
  url: string;
  init: { method: string; headers?: Record<string, string>; body?: string };
} {
  const calls: unknown[][] = [];
  vm.runInNewContext(code, { fetch: (...args: unknown[]) => calls.push(args) });
  expect(calls).toHaveLength(1);
  const [url, init] = calls[0] as [
    string,
    { method: string; headers?: Record<string, string>; body?: string },
  ];
  return { url, init: JSON.parse(JSON.stringify(init)) as typeof init };
}

describe('toFetch', () => {
  it('writes a fetch call with method, headers and body', () => {
    const ex = makeExchange({
      method: 'PUT',
      url: 'https://a.example/x',
      requestHeaders: { 'Content-Type': 'application/json', 'Content-Length': '2' },
    });
    ex.requestBody = { mimeType: 'application/json', text: '{}' };
    const code = toFetch(ex);
    expect(code).toBe(
      'fetch("https://a.example/x", {\n  "method": "PUT",\n  "headers": {\n    "Content-Type": "application/json"\n  },\n  "body": "{}"\n});',
    );
    expect(callOf(code)).toEqual({
      url: 'https://a.example/x',
      init: { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}' },
    });
  });

  it('escapes hostile strings as JavaScript string literals', () => {
    const evil = '"); alert(1); ("\u2028\u2029\n\\`${x}`</script>';
    const ex = makeExchange({
      method: 'POST',
      url: `https://a.example/?q=${evil}`,
      requestHeaders: { 'X-Evil': evil },
    });
    ex.requestBody = { mimeType: 'text/plain', text: evil };
    const call = callOf(toFetch(ex, { redact: false }));
    expect(call.url).toBe(`https://a.example/?q=${evil}`);
    expect(call.init.headers).toEqual({ 'X-Evil': evil });
    expect(call.init.body).toBe(evil);
  });

  it('merges repeated headers and leaves out a body on GET', () => {
    const ex = makeExchange({
      requestHeaders: [
        { name: 'Accept', value: 'a' },
        { name: 'accept', value: 'b' },
      ],
    });
    ex.requestBody = { mimeType: 'text/plain', text: 'ignored' };
    expect(callOf(toFetch(ex)).init).toEqual({ method: 'GET', headers: { Accept: 'a, b' } });
  });

  it('redacts by default and not when asked', () => {
    const ex = makeExchange({
      url: 'https://a.example/?access_token=abc',
      requestHeaders: { Authorization: 'Basic Ym9iOnB3' },
    });
    const redacted = callOf(toFetch(ex));
    expect(redacted.url).toBe(`https://a.example/?access_token=${REDACTED}`);
    expect(redacted.init.headers).toEqual({ Authorization: REDACTED });
    expect(callOf(toFetch(ex, { redact: false })).init.headers).toEqual({ Authorization: 'Basic Ym9iOnB3' });
  });

  it('leaves out the headers a page cannot set; a Cookie asks for credentials, a Referer is the referrer', () => {
    const ex = makeExchange({
      method: 'POST',
      url: 'https://a.example/x',
      requestHeaders: [
        { name: ':authority', value: 'a.example' },
        { name: 'Host', value: 'a.example' },
        { name: 'Accept', value: 'application/json' },
        { name: 'Accept-Encoding', value: 'gzip, br' },
        { name: 'Connection', value: 'keep-alive' },
        { name: 'Cookie', value: 'theme=dark' },
        { name: 'Origin', value: 'https://a.example' },
        { name: 'Referer', value: 'https://a.example/page' },
        { name: 'Sec-Fetch-Mode', value: 'cors' },
        { name: 'X-Request-Id', value: 'r1' },
      ],
    });
    ex.requestBody = { mimeType: 'application/json', text: '{}' };
    const call = callOf(toFetch(ex, { redact: false }));
    expect(call.init.headers).toEqual({ Accept: 'application/json', 'X-Request-Id': 'r1' });
    expect(call.init).toMatchObject({ referrer: 'https://a.example/page', credentials: 'include' });
    // Nothing to ask for without them.
    const plain = callOf(toFetch(makeExchange({ requestHeaders: { Accept: 'text/plain' } })));
    expect(plain.init).not.toHaveProperty('credentials');
    expect(plain.init).not.toHaveProperty('referrer');
  });
});
