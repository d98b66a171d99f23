import { describe, expect, it } from 'vitest';
import {
  checkDraft,
  draftFrom,
  isNonIdempotent,
  jsonSyntaxProblem,
  pageRequestFrom,
  unsendableHeaderReason,
  withIdempotencyKey,
  type ResendDraft,
} from '../../../src/core/resend/draft';
import { makeExchange } from '../../helpers/exchange';

const post = () => {
  const ex = makeExchange({
    method: 'post',
    url: 'https://api.example.com/orders?dry=1',
    requestHeaders: [
      { name: 'Content-Type', value: 'application/json' },
      { name: 'Cookie', value: 'sid=abc' },
      { name: 'Host', value: 'api.example.com' },
      { name: ':authority', value: 'api.example.com' },
      { name: 'Sec-Fetch-Mode', value: 'cors' },
      { name: 'X-Trace', value: '1' },
    ],
  });
  ex.requestBody = { mimeType: 'application/json', text: '{"item":"book"}' };
  return ex;
};

describe('draftFrom', () => {
  it('copies method, URL, headers and the captured body', () => {
    const d = draftFrom(post());
    expect(d.method).toBe('POST');
    expect(d.url).toBe('https://api.example.com/orders?dry=1');
    expect(d.body).toBe('{"item":"book"}');
    expect(d.bodySource).toBe('captured');
  });

  it('keeps headers the page cannot set, unticked, instead of dropping them', () => {
    const d = draftFrom(post());
    expect(d.headers.map((h) => `${h.name}:${h.enabled}`)).toEqual([
      'Content-Type:true',
      'Cookie:false',
      'Host:false',
      ':authority:false',
      'Sec-Fetch-Mode:false',
      'X-Trace:true',
    ]);
  });

  it('sends the page’s cookies when the original carried a Cookie header', () => {
    expect(draftFrom(post()).sendCookies).toBe(true);
    expect(draftFrom(makeExchange()).sendCookies).toBe(false);
  });

  it('says when a body was sent but not captured', () => {
    const declared = makeExchange({ method: 'PUT', requestHeaders: { 'Content-Length': '42' } });
    expect(draftFrom(declared).bodySource).toBe('not-captured');
    expect(draftFrom(makeExchange({ method: 'POST' })).bodySource).toBe('not-captured');
    expect(draftFrom(makeExchange({ method: 'GET' })).bodySource).toBe('none');
    expect(draftFrom(makeExchange({ method: 'DELETE' })).bodySource).toBe('none');
  });
});

describe('unsendable headers', () => {
  it.each([
    'Cookie',
    'host',
    'Origin',
    'Content-Length',
    'Referer',
    'Proxy-Authorization',
    'Sec-CH-UA',
    ':path',
  ])('%s is named as not sendable', (name) => {
    expect(unsendableHeaderReason(name)).toMatch(/browser/);
  });
  it.each(['Authorization', 'Content-Type', 'X-Api-Key', 'Idempotency-Key'])('%s can be sent', (name) => {
    expect(unsendableHeaderReason(name)).toBeNull();
  });
});

describe('checkDraft', () => {
  const base = (): ResendDraft => draftFrom(post());

  it('a faithful copy has no problems', () => {
    expect(checkDraft(base())).toEqual([]);
  });

  it('names a JSON syntax error with its line and column', () => {
    const problems = checkDraft({ ...base(), body: '{\n  "item": "book",\n}' });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe('body');
    expect(problems[0]!.message).toMatch(/^Not valid JSON at line 2, column 17: a trailing comma before "}"/);
  });

  it('checks JSON only when the body is declared JSON', () => {
    const d = base();
    d.headers[0]!.value = 'text/plain';
    expect(checkDraft({ ...d, body: '{not json' })).toEqual([]);
    expect(checkDraft({ ...base(), body: '{not json' })[0]!.field).toBe('body');
  });

  it('refuses what fetch would throw on', () => {
    const fields = (d: Partial<ResendDraft>) => checkDraft({ ...base(), ...d }).map((p) => p.field);
    expect(fields({ method: 'GE T' })).toEqual(['method']);
    expect(fields({ method: 'TRACE' })).toEqual(['method']);
    expect(fields({ url: '/relative' })).toEqual(['url']);
    expect(fields({ url: 'ftp://x.example/' })).toEqual(['url']);
    expect(fields({ url: 'https://user:pw@x.example/' })).toEqual(['url']);
    expect(fields({ method: 'GET' })).toEqual(['body']);
    expect(fields({ headers: [{ name: 'Bad Name', value: '1', enabled: true }] })).toEqual(['headers']);
    expect(fields({ headers: [{ name: 'X-A', value: 'a\r\nInjected: 1', enabled: true }] })).toEqual([
      'headers',
    ]);
    // Unticked headers are not sent, so not checked.
    expect(fields({ headers: [{ name: 'Bad Name', value: '1', enabled: false }] })).toEqual([]);
  });
});

describe('pageRequestFrom', () => {
  it('hands fetch only the sendable, ticked headers and the body', () => {
    const d = base();
    d.headers[5]!.enabled = false;
    const r = pageRequestFrom(d, 1000);
    expect(r).toEqual({
      method: 'POST',
      url: 'https://api.example.com/orders?dry=1',
      headers: [['Content-Type', 'application/json']],
      body: '{"item":"book"}',
      credentials: 'include',
      timeoutMs: 1000,
    });
  });

  it('never gives a GET a body', () => {
    expect(pageRequestFrom({ ...draftFrom(makeExchange()), body: 'x' }).body).toBeUndefined();
  });

  function base() {
    return draftFrom(post());
  }
});

describe('idempotency', () => {
  it('POST and PATCH are asked about; PUT, DELETE and GET are not', () => {
    expect(['POST', 'patch'].map(isNonIdempotent)).toEqual([true, true]);
    expect(['PUT', 'DELETE', 'GET'].map(isNonIdempotent)).toEqual([false, false, false]);
  });

  it('adds one Idempotency-Key, replacing an old one', () => {
    const once = withIdempotencyKey(draftFrom(post()), 'k1');
    const twice = withIdempotencyKey(once, 'k2');
    expect(twice.headers.filter((h) => h.name.toLowerCase() === 'idempotency-key')).toEqual([
      { name: 'Idempotency-Key', value: 'k2', enabled: true },
    ]);
  });

  it('jsonSyntaxProblem accepts valid JSON and an empty body', () => {
    expect(jsonSyntaxProblem('{"a":[1,2]}')).toBeNull();
    expect(jsonSyntaxProblem('  ')).toBeNull();
  });
});
