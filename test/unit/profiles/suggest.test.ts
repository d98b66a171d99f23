import { describe, expect, it } from 'vitest';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import { conventionSigns } from '../../../src/core/profiles/signs';
import { MIN_SIGHTINGS, suggestProfiles, type Observed } from '../../../src/core/profiles/suggest';
import { buildContext, DEFAULT_LIMITS } from '../../../src/core/engine/context';
import { defaultSettings } from '../../../src/core/settings/schema';
import { makeExchange } from '../../helpers/exchange';

const JSON_CT = { 'Content-Type': 'application/json' };
const GQL = { mimeType: 'application/json', text: '{"query":"query Viewer { viewer { login } }"}' };
const signsOf = (spec: Parameters<typeof makeExchange>[0]) =>
  conventionSigns(buildContext(makeExchange({ resourceType: 'fetch', ...spec }), DEFAULT_LIMITS, []));

describe('convention signs read from a parsed body', () => {
  it.each([
    [
      'HAL links on a success',
      { status: 200, headers: JSON_CT, body: { _links: { self: { href: '/a' } } } },
      ['hal-links'],
    ],
    [
      'an array of HAL links',
      { status: 200, headers: JSON_CT, body: { _links: { item: [{ href: '/a' }] } } },
      ['hal-links'],
    ],
    [
      '_embedded on a success',
      { status: 200, headers: JSON_CT, body: { _embedded: { items: [] } } },
      ['hal-links'],
    ],
    [
      'plain URL strings under _links (Atlassian)',
      { status: 200, headers: JSON_CT, body: { _links: { self: 'https://x' } } },
      [],
    ],
    [
      'HAL links on an error',
      { status: 404, headers: JSON_CT, body: { _links: { self: { href: '/a' } } } },
      [],
    ],
    [
      'an errors list of messages on a 4xx',
      { status: 409, headers: JSON_CT, body: { errors: ['blocked'] } },
      ['envelope-lists'],
    ],
    ['a msg list on a 5xx', { status: 503, headers: JSON_CT, body: { msg: [] } }, ['envelope-lists']],
    [
      'errors as objects (GraphQL, JSON:API)',
      { status: 400, headers: JSON_CT, body: { errors: [{ message: 'x' }] } },
      [],
    ],
    ['an empty errors list', { status: 400, headers: JSON_CT, body: { errors: [] } }, []],
    ['an errors list on a success', { status: 200, headers: JSON_CT, body: { errors: ['warn'] } }, []],
    [
      'problem+json with an errors list',
      { status: 422, headers: { 'Content-Type': 'application/problem+json' }, body: { errors: ['x'] } },
      [],
    ],
    ['a body that is not an object', { status: 400, headers: JSON_CT, body: ['errors'] }, []],
    [
      'a body that is not JSON',
      { status: 400, headers: { 'Content-Type': 'text/plain' }, body: 'errors' },
      [],
    ],
    [
      'a GraphQL POST to /query answered as JSON',
      {
        method: 'POST',
        url: 'http://127.0.0.1:8080/query',
        headers: JSON_CT,
        postData: GQL,
        body: { data: {} },
      },
      ['graphql-request'],
    ],
    [
      'a GraphQL request answered as graphql-response+json, body not captured',
      {
        method: 'POST',
        url: 'https://app.example.com/api',
        headers: { 'Content-Type': 'application/graphql-response+json' },
        postData: GQL,
      },
      ['graphql-request'],
    ],
    [
      'a GraphQL request answered as an HTML error page',
      {
        method: 'POST',
        url: 'https://x.example/query',
        headers: { 'Content-Type': 'text/html' },
        postData: GQL,
        body: '<h1>502</h1>',
      },
      [],
    ],
    [
      'a JSON call to /graphql that carries no GraphQL document',
      {
        method: 'POST',
        url: 'https://x.example/graphql',
        headers: JSON_CT,
        postData: { mimeType: 'application/json', text: '{"query":"red shoes"}' },
        body: { hits: [] },
      },
      [],
    ],
  ] as const)('%s', (_name, spec, want) => {
    expect(signsOf(spec as Parameters<typeof makeExchange>[0])).toEqual(want);
  });

  it('the engine hands them on with the analysis, only when there are some', () => {
    const active = activeRules(defaultSettings());
    const hal = makeExchange({ headers: JSON_CT, body: { _links: { self: { href: '/a' } } } });
    expect(analyzeExchange(hal, active).signs).toEqual(['hal-links']);
    expect(analyzeExchange(makeExchange({ headers: JSON_CT, body: {} }), active)).not.toHaveProperty('signs');
  });

  it('looks at a bounded number of items of a huge errors list', () => {
    const errors: unknown[] = Array.from({ length: 200_000 }, () => 'x');
    errors.push({ late: 'object' });
    expect(signsOf({ status: 400, headers: JSON_CT, body: { errors } })).toEqual(['envelope-lists']);
  });
});

describe('profile suggestions', () => {
  const observed = (url: string, status: number, signs?: Observed['signs']): Observed => ({
    exchange: makeExchange({ url, status, resourceType: 'fetch', headers: JSON_CT, body: {} }),
    signs,
  });

  it('suggests HAL and the envelope from body signs, per host, most evidence first', () => {
    const got = suggestProfiles(
      [
        observed('https://a.example.com/x', 200, ['hal-links']),
        observed('https://a.example.com/y', 200, ['hal-links']),
        observed('https://b.example.com/x', 409, ['envelope-lists']),
        observed('https://b.example.com/y', 400, ['envelope-lists']),
        observed('https://b.example.com/z', 422, ['envelope-lists']),
        observed('https://c.example.com/y', 200),
      ],
      defaultSettings(),
    );
    expect(got.map((s) => [s.profile, s.host, s.count])).toEqual([
      ['envelope', 'b.example.com', 3],
      ['hal', 'a.example.com', 2],
    ]);
  });

  it('needs the convention on two responses from the host: one is not yet a suggestion', () => {
    expect(MIN_SIGHTINGS).toBe(2);
    const problem = (url: string): Observed => ({
      exchange: makeExchange({
        url,
        status: 404,
        resourceType: 'fetch',
        headers: { 'Content-Type': 'application/problem+json' },
        body: { title: 'Not Found' },
      }),
    });
    const once = [problem('https://api.example.com/things/1'), observed('https://api.example.com/x', 200)];
    expect(suggestProfiles(once, defaultSettings())).toEqual([]);
    // The same on another host does not add up: evidence is per host.
    expect(suggestProfiles([...once, problem('https://other.example.com/a')], defaultSettings())).toEqual([]);
    const twice = [...once, problem('https://api.example.com/things/2')];
    expect(suggestProfiles(twice, defaultSettings()).map((s) => [s.profile, s.host, s.count])).toEqual([
      ['problem', 'api.example.com', 2],
    ]);
  });

  it('suggests graphql for GraphQL requests wherever they are sent, by the analysis, not the URL', () => {
    const seen = (url: string, postData?: Observed['exchange']['requestBody']) => {
      const exchange = makeExchange({
        method: 'POST',
        url,
        resourceType: 'fetch',
        headers: JSON_CT,
        body: {},
        postData,
      });
      return { exchange, signs: analyzeExchange(exchange, activeRules(defaultSettings())).signs };
    };
    const got = suggestProfiles(
      [
        seen('http://127.0.0.1:8080/query', GQL),
        seen('http://127.0.0.1:8080/query', GQL),
        seen('https://api.example.com/graphql', { mimeType: 'application/json', text: '{"sku":"A-1"}' }),
        seen('https://api.example.com/graphql'),
      ],
      defaultSettings(),
    );
    expect(got.map((s) => [s.profile, s.host, s.message])).toEqual([
      [
        'graphql',
        '127.0.0.1:8080',
        '127.0.0.1:8080 serves GraphQL over HTTP: check it against that profile?',
      ],
    ]);
  });

  it('no REST profile for a GraphQL request, which it would not judge if on', () => {
    // A GraphQL error served as problem+json: Problem Details by its media type, but a GraphQL request.
    const exchange = makeExchange({
      method: 'POST',
      url: 'https://api.example.com/query',
      status: 400,
      resourceType: 'fetch',
      headers: { 'Content-Type': 'application/problem+json' },
      body: { title: 'Bad Request', errors: [{ message: 'Syntax Error' }] },
      postData: GQL,
    });
    const signs = analyzeExchange(exchange, activeRules(defaultSettings())).signs;
    expect(
      suggestProfiles(
        [
          { exchange, signs },
          { exchange, signs },
        ],
        defaultSettings(),
      ),
    ).toEqual([]);
    // The same response to a REST call is a Problem Details API.
    const rest = { ...exchange, requestBody: { mimeType: 'application/json', text: '{"sku":"A-1"}' } };
    const restSigns = analyzeExchange(rest, activeRules(defaultSettings())).signs;
    expect(
      suggestProfiles(
        [
          { exchange: rest, signs: restSigns },
          { exchange: rest, signs: restSigns },
        ],
        defaultSettings(),
      ).map((s) => s.profile),
    ).toEqual(['problem']);
  });

  it("not for a host any enabled profile already scopes, the user's own included, whatever it checks", () => {
    const problemJson = (url: string): Observed => ({
      exchange: makeExchange({
        url,
        status: 404,
        resourceType: 'fetch',
        headers: { 'Content-Type': 'application/problem+json' },
        body: { title: 'Not Found', detail: 'no such shelf' },
      }),
    });
    const shelf = {
      id: 'shelf',
      name: 'Shelf API',
      summary: 'Errors are Problem Details with title and detail.',
      source: 'https://shelf.example/guide',
      scope: { urls: ['https://api.shelf.example/*'] },
      mediaTypes: { error: ['application/problem+json'] },
      checks: ['problem/shape', 'problem/status-match'],
    };
    // Two responses from each host: one alone is too little to suggest anything (MIN_SIGHTINGS).
    const traffic = ['https://api.shelf.example/v1/x', 'https://other.example/x'].flatMap((u) => [
      problemJson(u),
      problemJson(`${u}/2`),
    ]);
    const on = { ...defaultSettings(), userProfiles: [shelf], profiles: ['shelf'] };
    // Its scope holds the first host only: the other still shows a convention nothing checks.
    expect(suggestProfiles(traffic, on).map((s) => s.host)).toEqual(['other.example']);
    // Switched off, it covers nothing.
    const off = { ...on, profiles: [] };
    expect(
      suggestProfiles(traffic, off)
        .map((s) => s.host)
        .sort(),
    ).toEqual(['api.shelf.example', 'other.example']);
    // A profile of yours that only requires problem+json errors runs none of the convention's
    // checks, but it is your judge for that host: no banner asks you to add another (UI review
    // finding 7: it did, over a profile requiring exactly Problem Details).
    const mediaOnly = { ...shelf, checks: [] };
    expect(suggestProfiles(traffic, { ...on, userProfiles: [mediaOnly] }).map((s) => s.host)).toEqual([
      'other.example',
    ]);
    // So does a built-in of another convention scoped to that host.
    const halThere = {
      ...defaultSettings(),
      profiles: ['hal'],
      profileScopes: { hal: { urls: ['https://api.shelf.example/*'] } },
    };
    expect(suggestProfiles(traffic, halThere).map((s) => s.host)).toEqual(['other.example']);
  });

  it('an API whose errors are mixed: "most errors" with the counts, or nothing when Problem Details are a minority', () => {
    const err = (path: string, status: number, ct: string): Observed => ({
      exchange: makeExchange({
        url: `https://api.example.com${path}`,
        status,
        resourceType: 'fetch',
        headers: { 'Content-Type': ct },
        body: {},
      }),
    });
    const problem = (n: number) =>
      Array.from({ length: n }, (_, i) => err(`/p/${i}`, 404, 'application/problem+json'));
    const html = (n: number) => Array.from({ length: n }, (_, i) => err(`/h/${i}`, 500, 'text/html'));
    // All of them: the plain sentence.
    expect(suggestProfiles(problem(2), defaultSettings())[0]!.message).toBe(
      'api.example.com answers errors as Problem Details: check them against that profile?',
    );
    // Most: said so, with the counts (session/mixed-error-formats names the other formats).
    expect(suggestProfiles([...problem(3), ...html(2)], defaultSettings())[0]!.message).toBe(
      'api.example.com answers most errors as Problem Details (3 of 5 seen): check them against that profile?',
    );
    // Half is enough to ask; fewer is no API convention (the review's capture: 2 of 5).
    expect(suggestProfiles([...problem(2), ...html(2)], defaultSettings())).toHaveLength(1);
    expect(suggestProfiles([...problem(2), ...html(3)], defaultSettings())).toEqual([]);
    // Successes are no errors: they do not dilute the share.
    const ok = Array.from({ length: 10 }, (_, i) => err(`/ok/${i}`, 200, 'application/json'));
    expect(suggestProfiles([...problem(2), ...ok], defaultSettings())[0]!.message).toMatch(
      /answers errors as Problem Details/,
    );
  });

  it('not for a profile already judging that host, nor from signs that are not a list', () => {
    const settings = { ...defaultSettings(), profiles: ['hal'] };
    const hal = [
      observed('https://a.example.com/x', 200, ['hal-links']),
      observed('https://a.example.com/y', 200, ['hal-links']),
    ];
    expect(suggestProfiles(hal, defaultSettings()).map((s) => s.profile)).toEqual(['hal']);
    expect(suggestProfiles(hal, settings)).toEqual([]);
    const junk = {
      exchange: observed('https://a.example.com/x', 200).exchange,
      signs: 'hal-links',
    } as unknown as Observed;
    expect(suggestProfiles([junk, junk], defaultSettings())).toEqual([]);
  });
});
