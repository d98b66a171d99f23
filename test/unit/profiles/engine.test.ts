import { describe, expect, it } from 'vitest';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import type { ProfileDocument } from '../../../src/core/profiles/types';
import { defaultSettings } from '../../../src/core/settings';
import { makeExchange, type ExchangeSpec } from '../../helpers/exchange';

const PROBLEM = { 'Content-Type': 'application/problem+json' };

function run(
  spec: ExchangeSpec,
  profiles: string[],
  extra: Partial<ReturnType<typeof defaultSettings>> = {},
) {
  return analyzeExchange(makeExchange(spec), activeRules({ ...defaultSettings(), ...extra, profiles }));
}
const ids = (r: ReturnType<typeof run>) => r.findings.map((f) => `${f.rule}${f.pointer ?? ''}`);

const acme: ProfileDocument = {
  id: 'acme',
  name: 'Acme API',
  summary: 'Acme errors are JSON with a code.',
  source: 'https://acme.example/api-guide',
  scope: { urls: ['https://api.acme.example/*'] },
  mediaTypes: { error: ['application/json'] },
  body: { error: { required: ['code'], members: { code: { type: 'string' } } } },
  headers: { '429': ['Retry-After'] },
};

describe('profiles in the engine', () => {
  it('one defect, one finding: a disagreeing problem status is reported by the profile only (#13 item 7)', () => {
    const spec = {
      status: 404,
      resourceType: 'fetch',
      headers: PROBLEM,
      body: { title: 'Not Found', detail: 'x', status: 500 },
    };
    const without = run(spec, []);
    expect(ids(without)).toContain('body/status-mismatch/status');
    const withProblem = run(spec, ['problem']);
    expect(ids(withProblem).filter((id) => id.endsWith('/status'))).toEqual(['problem/status-match/status']);
    expect(withProblem.findings.find((f) => f.rule === 'problem/status-match')?.profile).toBe('problem');
  });

  it('under the problem profile a contentless error is reported once, by the profile', () => {
    const spec = { status: 500, resourceType: 'fetch', body: null };
    expect(ids(run(spec, []))).toContain('body/empty-error');
    const found = ids(run(spec, ['problem']));
    expect(found).toContain('problem/title-detail');
    expect(found).not.toContain('body/empty-error');
  });

  it('judges only exchanges in scope, and says why not', () => {
    const script = {
      status: 500,
      resourceType: 'script',
      headers: { 'Content-Type': 'text/javascript' },
      body: 'x',
    };
    const r = run(script, ['problem']);
    expect(r.findings.filter((f) => f.profile)).toEqual([]);
    expect(r.profiles).toEqual([{ profile: 'problem', reason: 'it is a script request, not fetch/XHR' }]);
    const api = run({ ...script, resourceType: 'fetch' }, ['problem']);
    expect(ids(api)).toContain('problem/content-type');
    expect(api.profiles).toEqual([{ profile: 'problem' }]);
    expect(run(script, []).profiles).toBeUndefined();
  });

  it('a scope from settings replaces the document scope', () => {
    const spec = {
      status: 500,
      resourceType: 'fetch',
      url: 'https://other.example/x',
      headers: { 'Content-Type': 'text/plain' },
      body: 'x',
    };
    expect(ids(run(spec, ['problem']))).toContain('problem/content-type');
    const scoped = run(spec, ['problem'], {
      profileScopes: { problem: { urls: ['https://api.example.com/*'] } },
    });
    expect(ids(scoped)).not.toContain('problem/content-type');
    expect(scoped.profiles?.[0]?.reason).toBe('its URL is outside the scope');
  });

  it('a profile switches a core rule off inside its scope only', () => {
    // Acme requires Retry-After itself (acme/required-headers), so the core rule would say it twice.
    const doc = { ...acme, rules: { 'http/retry-after': 'off' as const } };
    const spec = {
      url: 'https://api.acme.example/orders',
      status: 429,
      resourceType: 'xhr',
      headers: { 'Content-Type': 'application/json' },
      body: { code: 'slow' },
    };
    expect(ids(run(spec, [], { userProfiles: [doc] }))).toContain('http/retry-after');
    expect(ids(run(spec, ['acme'], { userProfiles: [doc] })).sort()).toEqual(['acme/required-headers']);
    const elsewhere = { ...spec, url: 'https://api.other.example/orders' };
    expect(ids(run(elsewhere, ['acme'], { userProfiles: [doc] }))).toContain('http/retry-after');
    // The user's own setting wins over the profile's adjustment.
    expect(
      ids(run(spec, ['acme'], { userProfiles: [doc], rules: { 'http/retry-after': 'error' } })),
    ).toContain('http/retry-after');
  });

  it('runs an opt-in rule the profile rates inside its scope, unless the user switched it off', () => {
    const doc = { ...acme, rules: { 'http/date': 'warning' as const } };
    const spec = {
      url: 'https://api.acme.example/orders',
      status: 200,
      resourceType: 'xhr',
      headers: { 'Content-Type': 'application/json' },
      body: { id: 1 },
    };
    const dateFindings = (r: ReturnType<typeof run>) => r.findings.filter((f) => f.rule === 'http/date');
    // Opt-in: off by default.
    expect(dateFindings(run(spec, [], { userProfiles: [doc] }))).toEqual([]);
    expect(dateFindings(run(spec, ['acme'], { userProfiles: [doc] }))).toEqual([
      expect.objectContaining({ severity: 'warning', profile: 'acme' }),
    ]);
    const elsewhere = { ...spec, url: 'https://api.other.example/orders' };
    expect(dateFindings(run(elsewhere, ['acme'], { userProfiles: [doc] }))).toEqual([]);
    expect(dateFindings(run(spec, ['acme'], { userProfiles: [doc], rules: { 'http/date': 'off' } }))).toEqual(
      [],
    );
    // Switched on by the user: it runs everywhere, the profile re-rating it inside its scope.
    const on = { userProfiles: [doc], rules: { 'http/date': 'info' as const } };
    expect(dateFindings(run(elsewhere, ['acme'], on))).toEqual([
      expect.objectContaining({ severity: 'info' }),
    ]);
  });

  it('runs a user profile’s data checks inside its scope, naming the profile', () => {
    const bad = {
      url: 'https://api.acme.example/orders',
      status: 429,
      resourceType: 'xhr',
      headers: { 'Content-Type': 'text/plain' },
      body: 'slow down',
    };
    const r = run(bad, ['acme'], { userProfiles: [acme] });
    expect(
      ids(r)
        .filter((id) => id.startsWith('acme/'))
        .sort(),
    ).toEqual(['acme/body-shape', 'acme/media-type', 'acme/required-headers']);
    expect(r.findings.filter((f) => f.rule.startsWith('acme/')).every((f) => f.profile === 'acme')).toBe(
      true,
    );
    expect(r.findings.find((f) => f.rule === 'http/retry-after')?.profile).toBeUndefined();
    const elsewhere = run({ ...bad, url: 'https://api.other.example/orders' }, ['acme'], {
      userProfiles: [acme],
    });
    expect(elsewhere.findings.filter((f) => f.profile)).toEqual([]);
  });

  it('reports a shared function check once when two enabled profiles run it', () => {
    const twin: ProfileDocument = {
      ...acme,
      id: 'twin',
      scope: {},
      mediaTypes: undefined,
      body: undefined,
      headers: undefined,
      checks: ['problem/shape'],
    };
    const spec = { status: 400, resourceType: 'fetch', headers: PROBLEM, body: { title: 1, detail: 'x' } };
    const r = run(spec, ['problem', 'twin'], { userProfiles: [twin] });
    expect(ids(r).filter((id) => id === 'problem/shape/title')).toHaveLength(1);
  });
});
