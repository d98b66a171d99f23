import { describe, expect, it } from 'vitest';
import { isApiCall, matchesQuery, parseQuery, propTerm } from '../../../src/core/filter/query';
import type { Finding } from '../../../src/core/rules/types';
import { makeExchange } from '../../helpers/exchange';

const finding = (rule: string, severity: Finding['severity']): Finding => ({
  rule,
  severity,
  message: 'm',
  source: { label: 'x', url: 'https://example.com' },
});

const subjects = {
  ok: { exchange: makeExchange({ url: 'https://api.example.com/users/1', status: 200 }), findings: [] },
  created: {
    exchange: makeExchange({ method: 'POST', url: 'https://api.example.com/users', status: 201 }),
    findings: [finding('http/created-location', 'warning')],
  },
  missing: {
    exchange: makeExchange({
      url: 'https://cdn.other.org/x.json',
      status: 404,
      headers: { 'Content-Type': 'application/problem+json' },
    }),
    findings: [finding('problem/title-detail', 'error')],
  },
  broken: { exchange: makeExchange({ url: 'https://api.example.com/boom', status: 503 }), findings: [] },
  failed: { exchange: makeExchange({ url: 'https://down.example.com/', status: 0 }), findings: [] },
};

function matching(query: string): string[] {
  const q = parseQuery(query);
  return Object.entries(subjects)
    .filter(([, s]) => matchesQuery(q, s))
    .map(([k]) => k);
}

describe('search box query language', () => {
  it('matches URL substrings case-insensitively', () => {
    expect(matching('USERS')).toEqual(['ok', 'created']);
  });
  it('matches /regex/', () => {
    expect(matching('/users\\/\\d+$/')).toEqual(['ok']);
  });
  it('filters by exact status, family and failed', () => {
    expect(matching('status:404')).toEqual(['missing']);
    expect(matching('status:5xx')).toEqual(['broken']);
    expect(matching('status:failed')).toEqual(['failed']);
  });
  it('filters by method, host, mime, rule, severity and has:findings', () => {
    expect(matching('method:post')).toEqual(['created']);
    expect(matching('host:cdn.other.org')).toEqual(['missing']);
    expect(matching('mime:json')).toEqual(['missing']);
    expect(matching('rule:http/created-location')).toEqual(['created']);
    expect(matching('rule:problem')).toEqual(['missing']);
    expect(matching('severity:error')).toEqual(['missing']);
    expect(matching('has:findings')).toEqual(['created', 'missing']);
  });
  it('combines terms with AND and negates with -', () => {
    expect(matching('host:api.example.com -status:2xx')).toEqual(['broken']);
    expect(matching('-has:findings -status:failed')).toEqual(['ok', 'broken']);
  });
  it('reports a bad regex instead of throwing, and keeps the other terms', () => {
    const q = parseQuery('/(/ status:404');
    expect(q.errors[0]).toMatch(/Invalid regular expression/);
    expect(q.terms).toHaveLength(1);
  });
  it('matches a whole route template, as the Endpoints view groups them', () => {
    expect(matching('route:/users/{id}')).toEqual(['ok']);
    expect(matching('route:/users')).toEqual(['created']);
    expect(matching('route:/USERS')).toEqual(['created']);
    expect(matching('route:/')).toEqual(['failed']);
    expect(matching('-route:/users/{id} host:api.example.com')).toEqual(['created', 'broken']);
  });
  it('writes terms that read back as the same value', () => {
    expect(propTerm('route', '/a b/{id}')).toBe('route:"/a b/{id}"');
    expect(parseQuery(propTerm('route', '/a b/{id}')!).terms[0]).toMatchObject({
      key: 'route',
      value: '/a b/{id}',
    });
    expect(propTerm('host', '')).toBeNull();
    expect(propTerm('route', '/say"hi"')).toBeNull();
  });
  it('treats unknown keys as text', () => {
    expect(parseQuery('foo:bar').terms[0]).toMatchObject({ kind: 'text', value: 'foo:bar' });
  });
});

describe('API only', () => {
  it('keeps fetch/XHR and JSON responses, drops documents and scripts', () => {
    expect(isApiCall(makeExchange({ resourceType: 'fetch' }))).toBe(true);
    expect(isApiCall(makeExchange({ resourceType: 'xhr' }))).toBe(true);
    expect(
      isApiCall(makeExchange({ resourceType: 'document', headers: { 'Content-Type': 'text/html' } })),
    ).toBe(false);
    expect(
      isApiCall(makeExchange({ resourceType: 'script', headers: { 'Content-Type': 'text/javascript' } })),
    ).toBe(false);
    expect(isApiCall(makeExchange({ headers: { 'Content-Type': 'application/hal+json' } }))).toBe(true);
  });
});
