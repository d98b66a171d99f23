import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import type { Body, Exchange } from '../../../src/core/exchange/types';
import { normalizeHarEntry } from '../../../src/core/har/normalize';
import { knownRuleIds } from '../../../src/core/profiles/registry';
import { RULES } from '../../../src/core/rules/registry';
import { BUILTIN_PROFILE_IDS as PROFILE_IDS } from '../../../src/core/profiles/builtins';

// Rules of the built-ins' data (jsonapi/media-type) count as known, as settings files may name them.
const RULE_IDS = knownRuleIds();

// Every rule on, opt-in ones included: the property must hold for the whole rule set.
const everything = activeRules({
  profiles: [...PROFILE_IDS],
  rules: Object.fromEntries(RULES.filter((r) => r.group === 'opt-in').map((r) => [r.id, r.severity])),
});

const HEADER_NAMES = [
  'Content-Type',
  'Content-Length',
  'Location',
  'Allow',
  'WWW-Authenticate',
  'Retry-After',
  'Content-Range',
  'Upgrade',
  'Server',
  'X-Powered-By',
  'Access-Control-Allow-Origin',
  'Access-Control-Allow-Credentials',
  'Cache-Control',
  'Date',
  'RateLimit',
];
const MEDIA = [
  'application/json',
  'application/problem+json',
  'application/hal+json',
  'text/html',
  'text/plain',
  '',
  'image/png',
  'application/json; charset=utf-8',
];

const header = fc.record({
  name: fc.oneof(fc.constantFrom(...HEADER_NAMES), fc.string()),
  value: fc.oneof(
    fc.constantFrom(...MEDIA),
    fc.string(),
    fc.constantFrom('*', 'true', '0', '5', 'Bearer realm="x"', 'GET, POST'),
  ),
});

const jsonText = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        type: fc.oneof(fc.string(), fc.integer(), fc.constant('about:blank')),
        title: fc.oneof(fc.string(), fc.constant(null)),
        status: fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.string()),
        errors: fc.oneof(fc.array(fc.jsonValue(), { maxLength: 4 }), fc.jsonValue()),
        _links: fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue())),
        _embedded: fc.jsonValue(),
        ok: fc.jsonValue(),
        queue_token: fc.jsonValue(),
        __proto__: fc.jsonValue(),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  fc.string(),
);

const body: fc.Arbitrary<Body> = fc.oneof(
  fc.constant<Body>({ kind: 'empty' }),
  fc.constant<Body>({ kind: 'unknown', reason: 'not-captured' }),
  fc.nat().map<Body>((size) => ({ kind: 'binary', size })),
  jsonText.map<Body>((text) => (text === '' ? { kind: 'empty' } : { kind: 'text', text, size: text.length })),
);

const exchange: fc.Arbitrary<Exchange> = fc.record({
  id: fc.constant('x'),
  method: fc.oneof(fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'), fc.string()),
  url: fc.oneof(fc.webUrl(), fc.string()),
  requestHeaders: fc.array(header, { maxLength: 5 }),
  status: fc.oneof(
    fc.constantFrom(
      0,
      99,
      100,
      101,
      200,
      201,
      202,
      204,
      206,
      301,
      304,
      401,
      405,
      407,
      416,
      422,
      426,
      429,
      499,
      503,
      520,
      600,
      999,
    ),
    fc.integer({ min: -10, max: 2000 }),
  ),
  statusText: fc.string(),
  responseHeaders: fc.array(header, { maxLength: 8 }),
  httpVersion: fc.constant('HTTP/1.1'),
  startedAt: fc.constant(''),
  time: fc.constant(1),
  mimeType: fc.constantFrom(...MEDIA),
  size: fc.integer({ min: -1, max: 1e6 }),
  body,
});

describe('engine properties', () => {
  it('never throws and never lets a rule fail, on any exchange', () => {
    fc.assert(
      fc.property(exchange, (ex) => {
        const result = analyzeExchange(ex, everything);
        expect(result.problems).toEqual([]);
        for (const f of result.findings) {
          expect(RULE_IDS.has(f.rule), f.rule).toBe(true);
          expect(['error', 'warning', 'info']).toContain(f.severity);
          expect(typeof f.message).toBe('string');
          if (f.pointer !== undefined) expect(f.pointer === '' || f.pointer.startsWith('/')).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('normalises any JSON value as a HAR entry without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = normalizeHarEntry(v, '0');
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('does not pollute Object.prototype through __proto__ keys', () => {
    const text =
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"errors":{"__proto__":1}}';
    analyzeExchange(
      {
        ...fc.sample(exchange, 1)[0]!,
        status: 400,
        responseHeaders: [{ name: 'Content-Type', value: 'application/json' }],
        body: { kind: 'text', text, size: text.length },
      },
      everything,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
