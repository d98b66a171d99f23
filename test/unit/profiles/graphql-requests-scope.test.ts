import { describe, expect, it } from 'vitest';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import { profileConflicts } from '../../../src/core/profiles/conflicts';
import { compileScope, describeScope } from '../../../src/core/profiles/scope';
import type { ProfileDocument } from '../../../src/core/profiles/types';
import { validateProfile } from '../../../src/core/profiles/validate';
import { defaultSettings } from '../../../src/core/settings';
import { parseSettings } from '../../../src/core/settings/parse';
import { makeExchange, type ExchangeSpec } from '../../helpers/exchange';

/**
 * `scope.requests: "graphql"`: a scope that holds GraphQL requests only, known by what they carry
 * (exchange/graphql.ts), wherever they are sent. The built-in graphql profile's scope is this, so
 * gqlgen's `/query` is judged by it, and a REST call whose path merely says "graphql" is not.
 */
const JSON_TYPE = { 'Content-Type': 'application/json' };
const gql = (query: string) => ({ mimeType: 'application/json', text: JSON.stringify({ query }) });

/** gqlgen's default endpoint, answering a request error without "data" as a 200 (application/json allows it). */
const gqlgenQuery: ExchangeSpec = {
  method: 'POST',
  url: 'http://127.0.0.1:8080/query',
  resourceType: 'fetch',
  headers: JSON_TYPE,
  postData: gql('query Viewer { viewer { login } }'),
  body: { errors: [{ message: 'must be authenticated', path: 'viewer' }] },
};
/** A REST call whose path ends in "graphql": it configures a GraphQL connector, it is no GraphQL request. */
const restAtGraphqlPath: ExchangeSpec = {
  method: 'POST',
  url: 'https://api.example.com/v1/connectors/graphql',
  resourceType: 'fetch',
  status: 422,
  headers: JSON_TYPE,
  postData: { mimeType: 'application/json', text: '{"endpoint":"https://x.example/gql"}' },
  body: { error: 'endpoint unreachable' },
};

const base = { id: 'acme-gql', name: 'Acme GraphQL', summary: 's', source: 'https://acme.example/guide' };
const errorsOf = (v: unknown) => {
  const r = validateProfile(v);
  return r.ok ? [] : r.errors;
};

describe('validating scope.requests', () => {
  it('accepts "graphql", alone or beside urls and methods', () => {
    expect(errorsOf({ ...base, scope: { requests: 'graphql' } })).toEqual([]);
    expect(
      errorsOf({
        ...base,
        scope: { requests: 'graphql', urls: ['https://api.acme.example/*'], methods: ['POST'] },
      }),
    ).toEqual([]);
  });

  it.each([['rest'], ['GraphQL'], [true], [['graphql']], [null]])(
    'names the place and the value: %j',
    (bad) => {
      expect(errorsOf({ ...base, scope: { requests: bad } })).toEqual([
        `$.scope.requests: expected "graphql" (only GraphQL requests, known by their body or query, whatever the URL), got ${JSON.stringify(bad)}`,
      ]);
    },
  );

  it('says the same of a scope in a settings file (profileScopes)', () => {
    const r = parseSettings({
      version: 1,
      profiles: ['graphql'],
      profileScopes: { graphql: { requests: 'gql' } },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toContain('profileScopes["graphql"].requests: expected "graphql"');
    const ok = parseSettings({ version: 1, profileScopes: { graphql: { requests: 'graphql', urls: [] } } });
    expect(ok.ok).toBe(true);
  });
});

describe('a scope limited to GraphQL requests', () => {
  const scope = compileScope({ requests: 'graphql' });
  const outOf = (spec: ExchangeSpec) => scope.outOfScope(makeExchange(spec));

  it('holds a GraphQL request wherever it is sent', () => {
    expect(outOf(gqlgenQuery)).toBeUndefined();
    expect(outOf({ ...gqlgenQuery, url: 'https://app.example.com/api' })).toBeUndefined();
    const get = `https://hasura.example.com/v1/graphql?query=${encodeURIComponent('{ users { id } }')}`;
    expect(
      outOf({ url: get, resourceType: 'fetch', headers: JSON_TYPE, body: { data: { users: [] } } }),
    ).toBeUndefined();
  });

  it('leaves out a request whose path merely says "graphql", saying why', () => {
    expect(outOf(restAtGraphqlPath)).toBe(
      'it is not a GraphQL request (its body or query carries no GraphQL document)',
    );
    // A search text in `query` is no GraphQL document.
    expect(outOf({ ...gqlgenQuery, url: 'https://x.example/graphql', postData: gql('red shoes') })).toMatch(
      /^it is not a GraphQL request/,
    );
  });

  it("counts a REST call on its URLs as another kind of request, for the CLI's unmatched-profile warning", () => {
    const onUrls = compileScope({ requests: 'graphql', urls: ['https://api.example.com/*'] });
    expect(onUrls.leftOutOnItsUrls(makeExchange(restAtGraphqlPath))).toBe('other-kind');
    expect(
      onUrls.leftOutOnItsUrls(makeExchange({ ...gqlgenQuery, url: 'https://api.example.com/q' })),
    ).toBeUndefined();
    expect(
      onUrls.leftOutOnItsUrls(makeExchange({ ...restAtGraphqlPath, url: 'https://other.example/x' })),
    ).toBeUndefined();
  });

  it('still leaves out what no profile judges, and narrows by URL and method', () => {
    expect(outOf({ ...gqlgenQuery, resourceType: 'script' })).toBe('it is a script request, not fetch/XHR');
    const narrowed = compileScope({
      requests: 'graphql',
      urls: ['https://api.acme.example/*'],
      methods: ['POST'],
    });
    expect(narrowed.outOfScope(makeExchange(gqlgenQuery))).toBe('its URL is outside the scope');
    expect(
      narrowed.outOfScope(makeExchange({ ...gqlgenQuery, url: 'https://api.acme.example/query' })),
    ).toBeUndefined();
  });

  it('asks the caller whether it is GraphQL, once, however many scopes ask', () => {
    let asked = 0;
    const ex = makeExchange(gqlgenQuery);
    const foreign = () => {
      asked++;
      return undefined;
    };
    // The caller said "not spec-defined": the scope takes its word and does not read the body itself.
    expect(scope.outOfScope(ex, foreign)).toMatch(/^it is not a GraphQL request/);
    expect(asked).toBe(1);
  });

  it('says so in words', () => {
    expect(describeScope({ requests: 'graphql', apiCallsOnly: true })).toBe('GraphQL requests to any host');
    expect(
      describeScope({ requests: 'graphql', urls: ['https://api.acme.example/*'], apiCallsOnly: false }),
    ).toBe('every GraphQL request to https://api.acme.example/*');
  });
});

describe('the built-in graphql profile judges GraphQL requests, not URLs', () => {
  const run = (spec: ExchangeSpec) =>
    analyzeExchange(
      makeExchange(spec),
      activeRules({ ...defaultSettings(), profiles: ['graphql', 'problem'] }),
    );
  const verdict = (r: ReturnType<typeof run>, id: string) => r.profiles?.find((v) => v.profile === id);

  it('a GraphQL POST to /query: judged by graphql, not by problem', () => {
    const r = run({ ...gqlgenQuery, body: { errors: [{ path: 'viewer' }] } });
    expect(verdict(r, 'graphql')).toEqual({ profile: 'graphql' });
    expect(verdict(r, 'problem')?.reason).toMatch(/^it is a GraphQL request/);
    expect(r.findings.map((f) => f.rule)).toContain('graphql/errors-shape');
    expect(r.findings.filter((f) => f.profile === 'problem')).toEqual([]);
    // Inside the graphql profile's scope body/soft-error is off; it would skip a GraphQL request anyway.
    expect(r.findings.map((f) => f.rule)).not.toContain('body/soft-error');
  });

  it('a REST call at a path ending in "graphql": judged by problem, not by graphql', () => {
    const r = run(restAtGraphqlPath);
    expect(verdict(r, 'graphql')?.reason).toMatch(/^it is not a GraphQL request/);
    expect(verdict(r, 'problem')).toEqual({ profile: 'problem' });
    expect(r.findings.map((f) => f.rule)).toContain('problem/content-type');
    expect(r.findings.filter((f) => f.profile === 'graphql')).toEqual([]);
  });

  it('a user profile scoped to GraphQL requests judges them without naming a graphql/… check', () => {
    const doc: ProfileDocument = {
      ...base,
      scope: { requests: 'graphql' },
      headers: { '2xx': ['X-Request-Id'] },
    };
    const settings = { ...defaultSettings(), userProfiles: [doc], profiles: [doc.id] };
    const r = analyzeExchange(makeExchange(gqlgenQuery), activeRules(settings));
    expect(r.profiles).toEqual([{ profile: 'acme-gql' }]);
    expect(r.findings.map((f) => f.rule)).toContain('acme-gql/required-headers');
    const rest = analyzeExchange(makeExchange(restAtGraphqlPath), activeRules(settings));
    expect(rest.profiles?.[0]?.reason).toMatch(/^it is not a GraphQL request/);
  });
});

describe('conflicting profiles', () => {
  it('a REST profile and one judging GraphQL requests only never judge the same exchange', () => {
    const on = (profiles: string[], extra = {}) =>
      profileConflicts({ ...defaultSettings(), ...extra, profiles });
    expect(on(['problem', 'graphql'])).toEqual([]);
    expect(on(['hal', 'graphql'])).toEqual([]);
    // Under a URL scope of the user's (no `requests`), the graphql profile judges REST calls there too.
    expect(
      on(['hal', 'graphql'], { profileScopes: { graphql: { urls: ['https://api.example.com/*'] } } }),
    ).toHaveLength(1);
  });

  it('two profiles both judging GraphQL requests still contradict each other', () => {
    const doc: ProfileDocument = {
      ...base,
      scope: { requests: 'graphql' },
      mediaTypes: { success: ['application/x-acme+json'] },
    };
    const conflicts = profileConflicts({
      ...defaultSettings(),
      userProfiles: [doc],
      profiles: ['graphql', doc.id],
    });
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toContain('GraphQL over HTTP and Acme GraphQL both apply here');
  });
});
