import { describe, expect, it } from 'vitest';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import { BUILTIN_PROFILE_IDS } from '../../../src/core/profiles/builtins';
import { compileScope } from '../../../src/core/profiles/scope';
import { suggestProfiles } from '../../../src/core/profiles/suggest';
import type { ProfileDocument } from '../../../src/core/profiles/types';
import { defaultSettings } from '../../../src/core/settings';
import { makeExchange, type ExchangeSpec } from '../../helpers/exchange';

/**
 * GraphQL over HTTP defines a GraphQL request's answers, not the REST convention of the API
 * beside it. With every profile on, j1github_repos-rest-graphql.har #2 (POST api.github.com/graphql
 * → 200 application/json {"data":…}) was told by hal/content-type to be application/hal+json and
 * by jsonapi/media-type to be application/vnd.api+json; j1linear_graphql-auth-error.har #0 (a 400
 * {"errors":[…]} as application/json) was told by problem/content-type to be Problem Details.
 */
const JSON_TYPE = { 'Content-Type': 'application/json; charset=utf-8' };
const githubGraphql: ExchangeSpec = {
  method: 'POST',
  url: 'https://api.github.com/graphql',
  headers: JSON_TYPE,
  body: { data: { organization: { id: 'O_kgDOB0VI3Q', login: 'JupiterOne-Sandbox' } } },
  postData: {
    mimeType: 'application/json; charset=utf-8',
    text: JSON.stringify({
      query: '\n    query ($login: String!) {\n      organization(login: $login) { id login }\n    }',
      variables: { login: 'JupiterOne-Sandbox' },
    }),
  },
};
const githubRest: ExchangeSpec = {
  url: 'https://api.github.com/meta',
  headers: JSON_TYPE,
  body: { verifiable_password_authentication: false },
};
const linearError: ExchangeSpec = {
  method: 'POST',
  url: 'https://api.linear.app/graphql',
  status: 400,
  headers: JSON_TYPE,
  body: { errors: [{ message: 'Authentication required, not authenticated', extensions: { code: 'AUTH' } }] },
  postData: { mimeType: 'application/json', text: '{"query":"query viewer {\\n  viewer { id }\\n}"}' },
};

type Extra = Partial<ReturnType<typeof defaultSettings>>;
const run = (spec: ExchangeSpec, profiles: readonly string[], extra: Extra = {}) =>
  analyzeExchange(
    makeExchange(spec),
    activeRules({ ...defaultSettings(), ...extra, profiles: [...profiles] }),
  );
const ruleIds = (r: ReturnType<typeof run>) => r.findings.map((f) => f.rule);
const EVERY = BUILTIN_PROFILE_IDS;

describe('GraphQL requests are judged by GraphQL over HTTP, not by REST convention profiles', () => {
  it('a GitHub GraphQL POST gets no HAL or JSON:API finding; a REST call on the same host still does', () => {
    const graphql = run(githubGraphql, EVERY);
    expect(ruleIds(graphql).filter((id) => !id.startsWith('graphql/'))).toEqual([]);
    const rest = run(githubRest, EVERY);
    expect(ruleIds(rest)).toEqual(expect.arrayContaining(['hal/content-type', 'jsonapi/media-type']));
  });

  it('says why each REST profile left it alone, and that the graphql profile judged it', () => {
    const verdicts = run(githubGraphql, EVERY).profiles ?? [];
    expect(verdicts.map((v) => v.profile).sort()).toEqual([...EVERY].sort());
    for (const v of verdicts) {
      if (v.profile === 'graphql') expect(v.reason).toBeUndefined();
      else expect(v.reason).toMatch(/^it is a GraphQL request, whose answers GraphQL over HTTP defines/);
    }
  });

  it("Linear's GraphQL 400 is no Problem Details error, and the graphql profile still judges it", () => {
    const r = run(linearError, EVERY);
    expect(ruleIds(r)).not.toContain('problem/content-type');
    expect(ruleIds(r)).not.toContain('jsonapi/media-type');
    // The graphql profile's own rules still run: a request error without "data" as a 400
    // application/json is graphql/status-code's (info).
    expect(r.findings.filter((f) => f.profile === 'graphql').map((f) => `${f.rule} ${f.severity}`)).toEqual([
      'graphql/status-code info',
    ]);
  });

  it('the graphql profile judges GraphQL requests under a scope of its own from the settings', () => {
    const scoped = run(linearError, ['graphql', 'problem'], {
      profileScopes: {
        graphql: { urls: ['https://api.linear.app/*'] },
        problem: { urls: ['https://api.linear.app/*'] },
      },
    });
    expect(ruleIds(scoped)).toEqual(['graphql/status-code']);
    // A malformed GraphQL error at a URL the built-in scope would miss: judged once the scope holds it.
    const broken: ExchangeSpec = {
      ...linearError,
      url: 'https://api.example.com/query',
      body: { errors: [{ code: 'AUTH' }] },
    };
    expect(ruleIds(run(broken, ['graphql'], { profileScopes: { graphql: {} } }))).toContain(
      'graphql/errors-shape',
    );
  });

  it('a REST JSON body whose "query" is no GraphQL document is judged as before', () => {
    const search: ExchangeSpec = {
      method: 'POST',
      url: 'https://api.github.com/search',
      headers: JSON_TYPE,
      body: { hits: [] },
      postData: { mimeType: 'application/json', text: '{"query":{"match":{"title":"graphql"}}}' },
    };
    expect(ruleIds(run(search, EVERY))).toEqual(
      expect.arrayContaining(['hal/content-type', 'jsonapi/media-type']),
    );
    const text = { ...search, postData: { mimeType: 'application/json', text: '{"query":"red shoes"}' } };
    expect(ruleIds(run(text, EVERY))).toEqual(
      expect.arrayContaining(['hal/content-type', 'jsonapi/media-type']),
    );
  });

  it('OAuth token requests and well-known URIs stay outside the graphql profile too', () => {
    const token = makeExchange({
      method: 'POST',
      url: 'https://api.example.com/graphql/token',
      status: 400,
      headers: JSON_TYPE,
      body: { error: 'invalid_grant' },
      postData: {
        mimeType: 'application/x-www-form-urlencoded',
        text: 'grant_type=refresh_token&refresh_token=x',
      },
    });
    expect(compileScope({}, ['graphql']).outOfScope(token)).toMatch(/^it is an OAuth 2\.0 token request/);
    const wellKnown = makeExchange({
      url: 'https://api.example.com/.well-known/graphql?query=%7B%20a%20%7D',
      resourceType: 'fetch',
    });
    expect(compileScope({}, ['graphql']).outOfScope(wellKnown)).toMatch(/^it is a well-known URI/);
  });
});

describe('a user profile judges GraphQL requests when it runs GraphQL checks', () => {
  // An API guide: "every error carries X-Request-Id; errors are Problem Details".
  const acme: ProfileDocument = {
    id: 'acme',
    name: 'Acme REST',
    summary: 'Problem Details errors with a request id.',
    source: 'https://acme.example/guide',
    scope: { urls: ['https://api.acme.example/*'] },
    mediaTypes: { error: ['application/problem+json'] },
    headers: { '4xx': ['X-Request-Id'] },
  };
  // The same house rule for its GraphQL endpoint, written as a GraphQL profile.
  const acmeGraphql: ProfileDocument = {
    ...acme,
    id: 'acme-graphql',
    name: 'Acme GraphQL',
    mediaTypes: undefined,
    checks: ['graphql/errors-shape'],
  };
  const error = { ...linearError, url: 'https://api.acme.example/graphql' };
  const settings = { userProfiles: [acme, acmeGraphql] };

  it('a REST profile of the same host leaves the GraphQL request alone, saying why', () => {
    const r = run(error, ['acme'], settings);
    expect(r.findings.filter((f) => f.profile)).toEqual([]);
    expect(r.profiles?.[0]?.reason).toMatch(/GraphQL request/);
  });

  it('a profile naming a graphql/… check judges it with all its rules', () => {
    const r = run(error, ['acme-graphql'], settings);
    expect(r.profiles).toEqual([{ profile: 'acme-graphql' }]);
    expect(ruleIds(r)).toContain('acme-graphql/required-headers');
  });
});

describe('profile suggestions', () => {
  it("takes the analysis's word on a GraphQL request: the panel's thread reads no request body", () => {
    // The problem profile on for Linear: its GraphQL 400 is out of problem's scope, its REST 404 in it.
    const settings = {
      ...defaultSettings(),
      profiles: ['graphql', 'problem'],
      profileScopes: { problem: { urls: ['https://api.linear.app/*'] } },
    };
    const exchange = makeExchange({ ...linearError, resourceType: 'fetch' });
    const analysis = analyzeExchange(exchange, activeRules(settings));
    expect(analysis.specDefined).toBe('graphql');
    expect(analyzeExchange(makeExchange(githubRest), activeRules(settings)).specDefined).toBeUndefined();
    const signs = analysis.signs;
    expect(signs).toContain('graphql-request');
    // Twice, as a suggestion needs (MIN_SIGHTINGS).
    const asked = suggestProfiles(
      [
        { exchange, signs },
        { exchange, signs },
      ],
      settings,
    );
    const unreadable = makeExchange({ ...linearError, resourceType: 'fetch' });
    Object.defineProperty(unreadable, 'requestBody', {
      get: () => {
        throw new Error('the request body was read');
      },
    });
    expect(() =>
      suggestProfiles(
        [
          { exchange: unreadable, signs },
          { exchange: unreadable, signs },
        ],
        settings,
      ),
    ).toThrow('the request body was read');
    expect(
      suggestProfiles(
        [0, 1].map(() => ({ exchange: unreadable, signs, specDefined: analysis.specDefined })),
        settings,
      ),
    ).toEqual(asked);
    expect(() =>
      suggestProfiles([{ exchange: unreadable, signs, specDefined: 'none' }], settings),
    ).not.toThrow();
  });

  it('no graphql suggestion for a GraphQL endpoint the enabled graphql profile already judges', () => {
    const exchange = makeExchange({ ...linearError, resourceType: 'fetch' });
    const seenBy = (profiles: string[]) => {
      const settings = { ...defaultSettings(), profiles };
      const a = analyzeExchange(exchange, activeRules(settings));
      const seen = { exchange, signs: a.signs, specDefined: a.specDefined ?? 'none' } as const;
      return suggestProfiles([seen, seen], settings);
    };
    expect(seenBy([]).map((s) => s.profile)).toContain('graphql');
    expect(seenBy(['graphql']).map((s) => s.profile)).not.toContain('graphql');
  });
});
