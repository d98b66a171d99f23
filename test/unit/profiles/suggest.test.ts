import { describe, expect, it } from 'vitest';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import { conventionSigns } from '../../../src/core/profiles/signs';
import { suggestProfiles, type Observed } from '../../../src/core/profiles/suggest';
import { buildContext, DEFAULT_LIMITS } from '../../../src/core/engine/context';
import { defaultSettings } from '../../../src/core/settings/schema';
import { makeExchange } from '../../helpers/exchange';

const JSON_CT = { 'Content-Type': 'application/json' };
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
        observed('https://b.example.com/x', 409, ['envelope-lists']),
        observed('https://b.example.com/y', 400, ['envelope-lists']),
        observed('https://c.example.com/y', 200),
      ],
      defaultSettings(),
    );
    expect(got.map((s) => [s.profile, s.host, s.count])).toEqual([
      ['envelope', 'b.example.com', 2],
      ['hal', 'a.example.com', 1],
    ]);
  });

  it('not for a profile already judging that host, nor from signs that are not a list', () => {
    const settings = { ...defaultSettings(), profiles: ['hal'] };
    expect(suggestProfiles([observed('https://a.example.com/x', 200, ['hal-links'])], settings)).toEqual([]);
    const junk = {
      exchange: observed('https://a.example.com/x', 200).exchange,
      signs: 'hal-links',
    } as unknown as Observed;
    expect(suggestProfiles([junk], defaultSettings())).toEqual([]);
  });
});
