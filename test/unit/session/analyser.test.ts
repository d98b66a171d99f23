import { describe, expect, it } from 'vitest';
import retryTooSoon from '../../../src/core/rules/session/retry-too-soon';
import duplicateRequest from '../../../src/core/rules/session/duplicate-request';
import { defineSessionRule, type SessionRule } from '../../../src/core/rules/types';
import {
  activeSessionRules,
  optionValues,
  sessionRulesSignature,
  sessionScopesOf,
} from '../../../src/core/session/active';
import { SessionAnalyser } from '../../../src/core/session/analyser';
import { parseSettings } from '../../../src/core/settings';
import { RULE_IDS } from '../../../src/core/rules/registry';
import { makeExchange } from '../../helpers/exchange';

const BASE = Date.UTC(2026, 11, 6);
const at = (ms: number, url: string, status = 200, headers: Record<string, string> = {}, id = `x${ms}`) => {
  const ex = makeExchange({ url, status, headers });
  ex.id = id;
  ex.startedAt = new Date(BASE + ms).toISOString();
  ex.time = 100;
  return ex;
};
const active = (rule: SessionRule) => [{ rule, options: optionValues(rule.options, undefined) }];

describe('SessionAnalyser', () => {
  it('attaches a finding to the exchange that completes the pattern, naming the earlier one by id and index', () => {
    const a = new SessionAnalyser(active(retryTooSoon));
    expect(a.push(at(0, 'https://a.test/x', 429, { 'Retry-After': '5' }, 'first'), 7).findings).toEqual([]);
    const [f] = a.push(at(200, 'https://a.test/x'), 8).findings;
    expect(f!.related).toEqual([{ id: 'first', index: 7, note: 'the 429 that said Retry-After: 5' }]);
  });

  it('numbers entries by arrival when no index is given', () => {
    const a = new SessionAnalyser(active(duplicateRequest));
    a.push(at(0, 'https://a.test/me'));
    expect(a.push(at(10, 'https://a.test/me')).findings[0]!.related![0]!.index).toBe(0);
  });

  it('forgets beyond the count window: other requests push the 429 out', () => {
    const small = new SessionAnalyser(active(retryTooSoon), { ms: 60_000, entries: 1 });
    small.push(at(0, 'https://a.test/x', 429, { 'Retry-After': '5' }));
    small.push(at(10, 'https://a.test/y', 429, { 'Retry-After': '5' }));
    expect(small.push(at(200, 'https://a.test/x')).findings).toEqual([]);
    const wide = new SessionAnalyser(active(retryTooSoon), { ms: 60_000, entries: 2 });
    wide.push(at(0, 'https://a.test/x', 429, { 'Retry-After': '5' }));
    wide.push(at(10, 'https://a.test/y', 429, { 'Retry-After': '5' }));
    expect(wide.push(at(200, 'https://a.test/x')).findings).toHaveLength(1);
  });

  it('forgets beyond the time window', () => {
    const a = new SessionAnalyser(active(retryTooSoon), { ms: 1000, entries: 100 });
    a.push(at(0, 'https://a.test/x', 429, { 'Retry-After': '60' }));
    expect(a.push(at(2000, 'https://a.test/x')).findings).toEqual([]);
  });

  it('redacts credentials in messages and notes', () => {
    const a = new SessionAnalyser(active(duplicateRequest));
    const url = 'https://a.test/me?access_token=ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    a.push(at(0, url));
    const [f] = a.push(at(10, url)).findings;
    expect(f!.message).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
  });

  it('turns a throwing rule into a problem on that exchange and drops it, the others go on', () => {
    const broken = defineSessionRule({
      ...duplicateRequest,
      id: 'session/broken',
      start: () => ({
        push: () => {
          throw new Error('boom');
        },
      }),
    });
    const a = new SessionAnalyser([...active(broken), ...active(duplicateRequest)]);
    expect(a.push(at(0, 'https://a.test/me')).problems).toEqual([
      { rule: 'session/broken', message: 'boom' },
    ]);
    const second = a.push(at(10, 'https://a.test/me'));
    expect(second.problems).toEqual([]);
    expect(second.findings.map((f) => f.rule)).toEqual(['session/duplicate-request']);
  });
});

describe('session rules in settings', () => {
  it('are on by default, off or re-rated by `rules`, tuned by `ruleOptions`', () => {
    const ids = (s: Parameters<typeof activeSessionRules>[0]) => activeSessionRules(s).map((a) => a.rule.id);
    expect(ids({ rules: {} })).toContain('session/duplicate-request');
    expect(ids({ rules: { 'session/duplicate-request': 'off' } })).not.toContain('session/duplicate-request');
    const [dup] = activeSessionRules({
      rules: { 'session/duplicate-request': 'error' },
      ruleOptions: { 'session/duplicate-request': { windowMs: 250 } },
    }).filter((a) => a.rule.id === 'session/duplicate-request');
    expect(dup).toMatchObject({ override: 'error', options: { windowMs: 250 } });
  });

  it('validates rule options in a settings file, naming the path', () => {
    const ok = parseSettings({ ruleOptions: { 'session/n-plus-one': { minCalls: 3 } } }, RULE_IDS);
    expect(ok.ok && ok.settings.ruleOptions).toEqual({ 'session/n-plus-one': { minCalls: 3 } });
    const bad = parseSettings(
      {
        ruleOptions: {
          'session/n-plus-one': { minCalls: 1, burst: 2 },
          'http/date': { x: 1 },
          'session/nope': {},
        },
      },
      RULE_IDS,
    );
    expect(bad.ok).toBe(false);
    const errors = bad.ok ? [] : bad.errors;
    expect(errors).toEqual([
      'ruleOptions["session/n-plus-one"].minCalls: expected a whole number from 2 to 1000, got 1',
      'ruleOptions["session/n-plus-one"].burst: unknown option (expected minCalls or windowMs)',
      expect.stringContaining('ruleOptions["http/date"]: this rule has no options'),
      expect.stringContaining('ruleOptions["session/nope"]: unknown rule'),
    ]);
  });
});

describe('a profile adjusting session rules inside its scope', () => {
  const profile = (
    id: string,
    urls: string[],
    rules: Record<string, 'off' | 'info' | 'warning' | 'error'>,
  ) => ({
    id,
    name: id,
    summary: `${id}'s conventions`,
    source: 'https://example.com/conventions',
    scope: { urls, apiCallsOnly: false },
    rules,
  });
  const settings = {
    rules: {},
    profiles: ['acme', 'shop'],
    userProfiles: [
      profile('acme', ['https://a.test'], { 'session/duplicate-request': 'off' }),
      profile('shop', ['https://shop.test'], { 'session/duplicate-request': 'error' }),
    ],
  };
  /** The duplicate-request findings of a GET fired twice at each URL, as [url, severity]. */
  function duplicates(rules: ReturnType<typeof activeSessionRules>, inScope?: (url: string) => string[]) {
    const a = new SessionAnalyser(rules);
    const out: [string, string][] = [];
    let t = 0;
    for (const url of ['https://a.test/me', 'https://b.test/me', 'https://shop.test/me']) {
      for (let i = 0; i < 2; i++) {
        const ex = at((t += 10), url);
        for (const f of a.push(ex, undefined, undefined, inScope?.(url)).findings)
          if (f.rule === 'session/duplicate-request') out.push([url, f.severity]);
      }
    }
    return out;
  }

  it('switches the findings off, or re-rates them, on the exchanges its scope holds; elsewhere they stay', () => {
    expect(duplicates(activeSessionRules(settings))).toEqual([
      ['https://b.test/me', 'info'],
      ['https://shop.test/me', 'error'],
    ]);
  });

  it('leaves the rule alone when the profile is off, and yields to the user’s own setting', () => {
    expect(duplicates(activeSessionRules({ ...settings, profiles: [] }))).toHaveLength(3);
    expect(
      duplicates(activeSessionRules({ ...settings, rules: { 'session/duplicate-request': 'warning' } })),
    ).toEqual([
      ['https://a.test/me', 'warning'],
      ['https://b.test/me', 'warning'],
      ['https://shop.test/me', 'warning'],
    ]);
  });

  it('takes the scopes from the caller when it passes a view, never asking the view', () => {
    // A session view (the CLI's workers) lacks what some scopes read: the worker judged the scope.
    const rules = activeSessionRules(settings);
    expect(duplicates(rules, () => [])).toHaveLength(3);
    expect(duplicates(rules, (url) => (url.includes('b.test') ? ['acme'] : []))).toEqual([
      ['https://a.test/me', 'info'],
      ['https://shop.test/me', 'info'],
    ]);
  });

  it('leaves a fact said once per origin to the next response outside the scope, not swallowed by a muted one', () => {
    // A profile for the internal paths of an origin: its first response there is muted, and the
    // origin's public paths, which the profile never covered, still hear of the disclosure (and of
    // the credentials-with-* pair), where before the muted report had used up the "once".
    const internal = profile('internal', ['https://a.test/internal/*'], {
      'security/server-version-disclosure': 'off',
      'security/cors-credentials-wildcard': 'off',
    });
    const rules = activeSessionRules({ rules: {}, profiles: ['internal'], userProfiles: [internal] });
    const headers = {
      Server: 'nginx/1.18.0',
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Credentials': 'true',
    };
    const urls = ['https://a.test/internal/a', 'https://a.test/public/b', 'https://a.test/public/c'];
    const get = (i: number, url: string) => {
      // A same-origin call: request headers recorded, no Origin (the once-per-origin info).
      const ex = at(i * 10, url, 200, headers);
      ex.requestHeaders = [{ name: 'Accept', value: 'application/json' }];
      return ex;
    };
    for (const inScope of [undefined, (url: string) => (url.includes('/internal/') ? ['internal'] : [])]) {
      const a = new SessionAnalyser(rules);
      const out = urls.flatMap((url, i) =>
        a.push(get(i, url), undefined, undefined, inScope?.(url)).findings.map((f) => [url, f.rule]),
      );
      expect(out).toEqual([
        ['https://a.test/public/b', 'security/cors-credentials-wildcard'],
        ['https://a.test/public/b', 'security/server-version-disclosure'],
      ]);
    }
  });

  it('names the adjusting profiles whose scope holds an exchange', () => {
    const rules = activeSessionRules(settings);
    expect(sessionScopesOf(at(0, 'https://shop.test/cart'), rules)).toEqual(['shop']);
    expect(sessionScopesOf(at(0, 'https://c.test/'), rules)).toEqual([]);
    expect(sessionScopesOf(at(0, 'https://a.test/'), activeSessionRules({ rules: {} }))).toEqual([]);
  });

  it('restarts a running session when an adjusting profile is switched on or rescoped', () => {
    const sig = (s: typeof settings) => sessionRulesSignature(activeSessionRules(s), s);
    expect(sig(settings)).toBe(sig({ ...settings }));
    expect(sig({ ...settings, profiles: ['acme'] })).not.toBe(sig(settings));
    expect(
      sig({ ...settings, profileScopes: { acme: { urls: ['https://other.test'] } } } as typeof settings),
    ).not.toBe(sig(settings));
  });
});
