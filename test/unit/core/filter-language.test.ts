import { describe, expect, it } from 'vitest';
import { globMatch } from '../../../src/core/filter/glob';
import { matchesQuery, parseQuery, type FilterSubject } from '../../../src/core/filter/query';
import { applySuggestion, suggest, type SuggestSources } from '../../../src/core/filter/suggest';
import type { Exchange } from '../../../src/core/exchange/types';
import type { Finding } from '../../../src/core/rules/types';
import { makeExchange } from '../../helpers/exchange';
import { expectLinearScaling } from '../../helpers/scaling';

function subject(
  over: Partial<Exchange> & Parameters<typeof makeExchange>[0] = {},
  extra: Partial<FilterSubject> = {},
) {
  const exchange = { ...makeExchange(over), ...over } as Exchange;
  return { exchange, findings: [] as Finding[], ...extra };
}

const ok = subject({ url: 'http://localhost:8080/api/users', status: 200, time: 120, size: 2_000 });
const slow = subject({
  url: 'https://api.example.com/report',
  status: 200,
  time: 2_500,
  size: 3 * 1024 * 1024,
});
const notFound = subject({
  url: 'https://cdn.example.com/x',
  status: 404,
  time: 40,
  size: 10,
  headers: { 'Retry-After': '30', 'Content-Type': 'application/json' },
});
const failed = subject({ url: 'https://down.example.org/', status: 0, time: -1, size: -1 });
const cached = subject({ url: 'https://api.example.com/logo', status: 200, fromCache: 'disk' });
const imported = subject({ url: 'https://api.example.com/old', status: 500 }, { imported: true });
const all = { ok, slow, notFound, failed, cached, imported };

function names(query: string): string[] {
  const q = parseQuery(query);
  expect(q.errors).toEqual([]);
  return Object.entries(all)
    .filter(([, s]) => matchesQuery(q, s))
    .map(([n]) => n);
}

describe('Chrome’s Network filter keys work as aliases', () => {
  it.each([
    ['status-code:404', ['notFound']],
    ['domain:*.example.com', ['slow', 'notFound', 'cached', 'imported']],
    ['domain:localhost', ['ok']],
    ['domain:api.*', ['slow', 'cached', 'imported']],
    ['-domain:*.example.com', ['ok', 'failed']],
    ['method:GET status-code:500', ['imported']],
    ['mime-type:application/json', ['notFound']],
    ['larger-than:1m', ['slow']],
    ['larger-than:1000', ['ok', 'slow']],
    ['has-response-header:retry-after', ['notFound']],
    ['is:from-cache', ['cached']],
    ['-is:from-cache -status:failed', ['ok', 'slow', 'notFound', 'imported']],
  ])('%s', (query, expected) => {
    expect(names(query)).toEqual(expected);
  });
});

describe('comparisons', () => {
  it.each([
    ['status:>=400', ['notFound', 'imported']],
    ['status:<300', ['ok', 'slow', 'cached']],
    ['time:>500ms', ['slow']],
    ['time:>=2.5s', ['slow']],
    ['time:<100', ['notFound']],
    ['size:>1mb', ['slow']],
    ['size:<=10', ['notFound']],
    // An unknown time or size satisfies neither a comparison nor its negation.
    ['-time:>1s', ['ok', 'notFound']],
  ])('%s', (query, expected) => {
    expect(names(query)).toEqual(expected);
  });

  it('names a comparison it cannot read, and the keys it knows', () => {
    expect(parseQuery('time:>fast').errors[0]).toMatch(/time: takes a duration such as time:>500ms/);
    expect(parseQuery('size:>lots').errors[0]).toMatch(/size: takes a size/);
    expect(parseQuery('status:abc').errors[0]).toMatch(/status: takes a code/);
    expect(parseQuery('is:cached').errors[0]).toMatch(/is: takes imported, live or from-cache/);
    expect(parseQuery('domian:x.com').errors[0]).toMatch(/did you mean "domain:"/);
    expect(parseQuery('larger-then:1k').errors[0]).toMatch(/did you mean "larger-than:"/);
  });
});

describe('is:imported and is:live', () => {
  it('tells rows read from a HAR file from captured ones', () => {
    expect(names('is:imported')).toEqual(['imported']);
    expect(names('is:live status:500')).toEqual([]);
    expect(names('-is:imported status:>=400')).toEqual(['notFound']);
  });
});

describe('body: terms', () => {
  it('match through the worker’s answer, and nothing while there is none', () => {
    const q = parseQuery('body:Invalid_Token');
    expect(q.search).toEqual([{ kind: 'body', text: 'invalid_token', negate: false }]);
    const s = subject({ status: 401 });
    expect(matchesQuery(q, s)).toBe(false);
    expect(matchesQuery(q, s, { searched: new Set([s.exchange.id]) })).toBe(true);
    // The worker's answer already holds the negation: rows it lists pass, others do not.
    expect(matchesQuery(parseQuery('-body:x'), s, { searched: new Set([s.exchange.id]) })).toBe(true);
    expect(matchesQuery(parseQuery('-body:x'), s, { searched: new Set() })).toBe(false);
  });

  it('take quoted text with spaces, one at a time', () => {
    expect(parseQuery('body:"not found" status:404').search).toEqual([
      { kind: 'body', text: 'not found', negate: false },
    ]);
    const two = parseQuery('body:a body:b');
    expect(two.search).toEqual([{ kind: 'body', text: 'a', negate: false }]);
    expect(two.errors[0]).toMatch(/One body: term at a time/);
  });
});

describe('regex terms and the worker', () => {
  it('are handed to the worker as typed, with their flags and negation, beside a body: term', () => {
    expect(parseQuery('/Users\\/\\d+$/i -/beta/ body:x status:404').search).toEqual([
      { kind: 'regex', source: 'Users\\/\\d+$', flags: 'i', negate: false },
      { kind: 'regex', source: 'beta', flags: '', negate: true },
      { kind: 'body', text: 'x', negate: false },
    ]);
    expect(parseQuery('users status:404').search).toEqual([]);
  });

  it('are tested here without the worker’s answer (the CLI, tests), and by its answer with it', () => {
    const s = subject({ url: 'https://api.example.com/users/42', status: 404 });
    const q = parseQuery('/users\\/\\d+$/ status:404');
    expect(matchesQuery(q, s)).toBe(true);
    expect(matchesQuery(parseQuery('-/users/'), s)).toBe(false);
    // The answer stands for the regex; the other terms are still judged here.
    expect(matchesQuery(q, s, { searched: new Set() })).toBe(false);
    expect(matchesQuery(q, s, { searched: new Set([s.exchange.id]) })).toBe(true);
    expect(matchesQuery(parseQuery('/users/ status:500'), s, { searched: new Set([s.exchange.id]) })).toBe(
      false,
    );
  });
});

describe('profile: and header:', () => {
  it('match findings of a profile and response header names', () => {
    const f: Finding = {
      rule: 'problem-details/media-type',
      profile: 'problem-details',
      severity: 'error',
      message: 'm',
      source: { label: 'x', url: 'https://e.com' },
    };
    const s = subject({ status: 400 }, { findings: [f] });
    expect(matchesQuery(parseQuery('profile:problem-details'), s)).toBe(true);
    expect(matchesQuery(parseQuery('profile:jsonapi'), s)).toBe(false);
    expect(names('header:content-type')).toEqual(['notFound']);
  });
});

describe('globMatch', () => {
  it.each([
    ['*.example.com', 'api.example.com', true],
    ['*.example.com', 'example.com', false],
    ['a*b*c', 'aXXbYYc', true],
    ['a*b*c', 'aXXbYY', false],
    ['*', '', true],
    ['exact', 'exact', true],
  ])('%s ~ %s → %s', (p, t, expected) => expect(globMatch(p, t)).toBe(expected));

  it('stays fast on many stars over a long host', { timeout: 60_000 }, () => {
    expect(globMatch('*a*a*a*a*a*a*a*a*b', 'a'.repeat(5_000))).toBe(false);
    // Fast means linear: t(8n) near 8 × t(n), where backtracking over the stars grows as a
    // power of n (see scaling.ts for why a ratio and not a wall-clock limit).
    expectLinearScaling(
      (size) => 'a'.repeat(size),
      (text) => expect(globMatch('*a*a*a*a*a*a*a*a*b', text)).toBe(false),
      { n: 5_000, maxSize: 4_000_000 },
    );
  });
});

const sources: SuggestSources = {
  statuses: [200, 404, 503],
  methods: ['GET', 'POST', 'PUT'],
  hosts: ['api.example.com', 'localhost:8080'],
  routes: ['/users/{id}', '/orders'],
  ruleIds: ['http/created-location', 'security/secret-in-body'],
  profiles: ['problem-details', 'jsonapi'],
  mediaTypes: ['application/json'],
  headers: ['retry-after', 'etag'],
};

describe('autocomplete', () => {
  it('offers keys, Chrome’s aliases included, for a word without a colon', () => {
    const s = suggest('sta', 3, sources);
    expect(s.items.map((i) => i.label)).toEqual(['status:', 'status-code:']);
    expect(suggest('-dom', 4, sources).items[0]!.insert).toBe('-domain:');
  });

  it('offers values seen in the capture after a key', () => {
    expect(suggest('method:P', 8, sources).items.map((i) => i.label)).toEqual(['POST', 'PUT']);
    expect(suggest('status:', 7, sources).items.map((i) => i.label)).toContain('404');
    expect(suggest('rule:sec', 8, sources).items.map((i) => i.label)).toEqual(['security/secret-in-body']);
    expect(suggest('route:/u', 8, sources).items.map((i) => i.label)).toEqual(['/users/{id}']);
    expect(suggest('profile:', 8, sources).items.map((i) => i.label)).toEqual(['problem-details', 'jsonapi']);
    expect(suggest('domain:loc', 10, sources).items.map((i) => i.label)).toEqual(['localhost']);
    expect(suggest('https://x', 9, sources).items).toEqual([]);
  });

  it('replaces only the term at the caret, and a value ends with a space', () => {
    const input = 'has:findings meth status:4xx';
    const at = suggest(input, 17, sources);
    expect(applySuggestion(input, at, at.items[0]!)).toEqual({
      value: 'has:findings method: status:4xx',
      caret: 20,
    });
    const v = suggest('method:po', 9, sources);
    expect(applySuggestion('method:po', v, v.items[0]!).value).toBe('method:POST ');
  });
});
