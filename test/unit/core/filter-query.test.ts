import { describe, expect, it } from 'vitest';
import { isApiCall } from '../../../src/core/exchange/api-call';
import { matchesQuery, parseQuery, propTerm } from '../../../src/core/filter/query';
import { KEY_HELP } from '../../../src/core/filter/keys';
import { BUILTIN_PROFILE_IDS } from '../../../src/core/profiles/builtins';
import type { Finding } from '../../../src/core/rules/types';
import { makeExchange } from '../../helpers/exchange';
import { expectLinearScaling } from '../../helpers/scaling';

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
  it('matches a route and a URL as recorded and as the Endpoints view reads them', () => {
    const encoded = {
      exchange: makeExchange({ url: 'https://api.example.com/Another%20Test/Caf%C3%A9', status: 200 }),
      findings: [],
    };
    const hostile = {
      exchange: makeExchange({ url: 'https://api.example.com/x%E2%80%AEy%0Az', status: 200 }),
      findings: [],
    };
    const match = (query: string) => [encoded, hostile].map((s) => matchesQuery(parseQuery(query), s));
    expect(match('route:/Another%20Test/Caf%C3%A9')).toEqual([true, false]);
    expect(match('route:"/another test/café"')).toEqual([true, false]);
    expect(match('route:"/ANOTHER TEST/CAFÉ"')).toEqual([true, false]);
    expect(match('café')).toEqual([true, false]);
    expect(match('another%20test/caf%C3%A9')).toEqual([true, false]);
    // What the view keeps encoded is matched encoded: a raw bidi control or newline never matches.
    expect(match('route:/x%E2%80%AEy%0Az')).toEqual([false, true]);
    expect(match('route:/x\u202Ey\nz')).toEqual([false, false]);
    expect(match('x\u202e')).toEqual([false, false]);
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
  it('names an unknown key under the box instead of matching nothing', () => {
    const q = parseQuery('stauts:4xx method:get');
    expect(q.errors).toHaveLength(1);
    expect(q.errors[0]).toMatch(/Unknown filter "stauts:" \(did you mean "status:"\?\)/);
    // The typo is left out; the other terms still filter.
    expect(q.terms).toEqual([{ kind: 'prop', key: 'method', value: 'get', negate: false }]);
    expect(matching('-stauts:4xx')).toEqual(Object.keys(subjects));
    expect(parseQuery('colour:red').errors[0]).toMatch(
      /^Unknown filter "colour:"\. Filters: status: method:/,
    );
  });
  it('keeps URL-like text with a colon as text', () => {
    for (const text of [
      'https://api.example.com/users',
      'localhost:8080',
      'localhost:8080/api',
      'a:/b',
      'data:',
      'foo:',
    ]) {
      const q = parseQuery(text);
      expect(q.errors, text).toEqual([]);
      expect(q.terms, text).toEqual([{ kind: 'text', value: text.toLowerCase(), negate: false }]);
    }
    expect(matching('https://api.example.com/users/')).toEqual(['ok']);
  });
});

describe('/regex/ terms', () => {
  it('reads a path as text, not as a regex followed by flags', () => {
    // `/api/widgets` was /api/ with the "flags" widgets, and matched every API row.
    for (const path of ['/api/widgets', '/users/1', '/api/v1/users', '/users/1/']) {
      expect(parseQuery(path).terms, path).toEqual([{ kind: 'text', value: path, negate: false }]);
    }
    expect(matching('/users/1')).toEqual(['ok']);
    expect(matching('-/users/1')).toEqual(['created', 'missing', 'broken', 'failed']);
  });
  it('takes /…/ with valid flags as a regex', () => {
    expect(parseQuery('/users/').terms[0]).toMatchObject({ kind: 'regex', negate: false });
    expect(parseQuery('-/users/i').terms[0]).toMatchObject({ kind: 'regex', negate: true });
    expect(matching('/USERS\\/\\d/i')).toEqual(['ok']);
    expect(matching('/USERS\\/\\d/')).toEqual([]);
    // Flags repeated or unknown make it text.
    expect(parseQuery('/users/ii').terms[0]).toMatchObject({ kind: 'text' });
    expect(parseQuery('/users/x').terms[0]).toMatchObject({ kind: 'text' });
  });
  it('keeps a regex with spaces as one term', () => {
    const q = parseQuery('/a b/ status:404');
    expect(q.terms.map((t) => t.kind)).toEqual(['regex', 'prop']);
  });
  it(
    'matches in linear time: a pattern that backtracks for ever in JavaScript returns at once',
    { timeout: 60_000 },
    () => {
      // With V8's backtracking engine, /(a+)+$/ on 26 a's and a "!" takes about 15 s (2^26 paths).
      const hostile = {
        exchange: makeExchange({ url: 'https://x.test/' + 'a'.repeat(26) + '!' }),
        findings: [],
      };
      const q = parseQuery('/(a+)+$/ /(\\w+)+$/ /^(a|aa)+$/');
      expect(q.errors).toEqual([]);
      expect(matchesQuery(q, hostile)).toBe(false);
      // At once means linear: doubling the a's about doubles the time, where backtracking squares
      // it (2^10 more paths). Kept to 10 and 20 a's so that a backtracking engine would still end
      // and fail here rather than hang; see scaling.ts for why a ratio and not a wall-clock limit.
      expectLinearScaling(
        (size) => ({
          exchange: makeExchange({ url: 'https://x.test/' + 'a'.repeat(size) + '!' }),
          findings: [],
        }),
        (subject) => expect(matchesQuery(q, subject)).toBe(false),
        { n: 10, factor: 2, maxSize: 20, maxRatio: 6 },
      );
      // And time grows with the text only: 5,000 a's are no problem either.
      const long = {
        exchange: makeExchange({ url: 'https://x.test/' + 'a'.repeat(5_000) + '!' }),
        findings: [],
      };
      expect(matchesQuery(parseQuery('/(a+)+$/'), long)).toBe(false);
      expect(matchesQuery(parseQuery('/(a+)+!$/'), long)).toBe(true);
    },
  );
  it('says plainly which syntax the linear-time engine lacks', () => {
    expect(parseQuery('/(a)\\1/').errors[0]).toMatch(/backreferences .* not supported.*linear-time/);
    expect(parseQuery('/(?<n>a)\\k<n>/').errors[0]).toMatch(/backreferences/);
    expect(parseQuery('/foo(?=bar)/').errors[0]).toMatch(/lookahead .* not supported/);
    expect(parseQuery('/foo(?!bar)/').errors[0]).toMatch(/lookahead/);
    expect(parseQuery('/(?<=a)b/').errors[0]).toMatch(/lookbehind .* not supported/);
    expect(parseQuery('/(?<!a)b/').errors[0]).toMatch(/lookbehind/);
    // Inside a class these are plain characters, and fine.
    expect(parseQuery('/[(?=]x/').errors).toEqual([]);
    expect(parseQuery('/(/').errors[0]).toMatch(/^Invalid regular expression \/\(\/: missing closing \)/);
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

describe('profile: values are checked against the known profile ids (review finding 9)', () => {
  const profiles = ['problem', 'hal', 'envelope', 'graphql', 'jsonapi', 'demo'];
  it.each([
    ['profile:problem', []],
    ['profile:Demo', []],
    ['-profile:hal', []],
    [
      'profile:problem-details',
      [
        '"profile:problem-details": no profile has that id (did you mean "profile:problem"?). Profiles: problem, hal, envelope, graphql, jsonapi, demo',
      ],
    ],
    [
      'profile:jsonap',
      [
        '"profile:jsonap": no profile has that id (did you mean "profile:jsonapi"?). Profiles: problem, hal, envelope, graphql, jsonapi, demo',
      ],
    ],
    [
      'profile:zzzzzzzz',
      [
        '"profile:zzzzzzzz": no profile has that id. Profiles: problem, hal, envelope, graphql, jsonapi, demo',
      ],
    ],
  ])('%s', (query, errors) => {
    const parsed = parseQuery(query, { profiles });
    expect(parsed.errors).toEqual(errors);
    // The term stays: it matches what it names (nothing, for an unknown id), never everything.
    expect(parsed.terms).toHaveLength(1);
  });

  it('says nothing of profile: values when it is not told the ids', () => {
    expect(parseQuery('profile:whatever').errors).toEqual([]);
  });

  it("the help's example is a built-in profile's id", () => {
    const example = KEY_HELP.find((k) => k.key === 'profile:')!.example;
    expect(BUILTIN_PROFILE_IDS.map((id) => `profile:${id}`)).toContain(example);
  });
});
