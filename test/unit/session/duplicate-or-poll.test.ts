import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activeSessionRules } from '../../../src/core/session/active';
import { SessionAnalyser } from '../../../src/core/session/analyser';
import { parseSettings } from '../../../src/core/settings/parse';
import { readStoredSettings } from '../../../src/core/settings/stored';
import { makeExchange } from '../../helpers/exchange';

/**
 * session/duplicate-request and session/polling-without-validators split the repeats of a GET
 * at one boundary, duplicate-request's windowMs, which polling reads too: a repeat sent within
 * it of the previous answer is a duplicate, a later one a poll. With two settings, set apart,
 * one repeat was reported by both or by neither.
 */
const BASE = Date.UTC(2026, 11, 7, 6, 0, 0);
const RULES = ['session/duplicate-request', 'session/polling-without-validators'];

/**
 * Rule ids reported on the repeat: a GET answered 200 with the same body, `gap` ms after the
 * first answer; `asked` gives each request's headers (by default none).
 */
function reportedOnRepeat(
  windowMs: number,
  gap: number,
  cacheControl?: string,
  asked: [Record<string, string>, Record<string, string>] = [{}, {}],
): string[] {
  const settings = parseSettings({
    ruleOptions: {
      'session/duplicate-request': { windowMs },
      // One repeat makes polling here, so each repeat is either rule's to report.
      'session/polling-without-validators': { minPolls: 2 },
    },
  });
  if (!settings.ok) throw new Error(settings.errors.join('\n'));
  const rules = activeSessionRules(settings.settings).filter((a) => RULES.includes(a.rule.id));
  const analyser = new SessionAnalyser(rules);
  const found: string[] = [];
  [0, 100 + gap].forEach((at, i) => {
    const ex = makeExchange({
      url: 'https://api.example.com/v1/jobs/1',
      resourceType: 'fetch',
      requestHeaders: asked[i]!,
      headers: cacheControl ? { 'Cache-Control': cacheControl } : {},
      body: { state: 'running' },
    });
    ex.id = `row-${i}`;
    ex.startedAt = new Date(BASE + at).toISOString();
    ex.time = 100;
    const { findings } = analyser.push(ex, i);
    if (i === 1) found.push(...findings.map((f) => f.rule));
  });
  return found;
}

describe('a repeated GET is a duplicate or a poll, never both nor neither', () => {
  const windows = [0, 100, 1000, 5000, 60_000];
  const gaps = [-50, 0, 1, 99, 100, 101, 999, 1000, 1001, 4999, 5000, 5001, 59_999, 60_000, 60_001];
  for (const windowMs of windows)
    it(`windowMs ${windowMs}`, () => {
      for (const gap of gaps) {
        const want = gap <= windowMs ? 'session/duplicate-request' : 'session/polling-without-validators';
        expect(reportedOnRepeat(windowMs, gap), `repeat ${gap} ms after the answer`).toEqual([want]);
      }
    });

  it('after a no-store answer, a repeat is neither, however late: the client must fetch again', () => {
    // no-store forbids keeping the answer: nothing to reuse (no duplicate) and nothing to
    // revalidate (a validator would spare no poll).
    for (const gap of [500, 1000, 1500, 60_000]) expect(reportedOnRepeat(1000, gap, 'no-store')).toEqual([]);
    expect(reportedOnRepeat(1000, 1500, 'no-cache')).toEqual(['session/polling-without-validators']);
  });

  it('both rules call the same requests the same: another user or language is neither, at any gap', () => {
    const users: [Record<string, string>, Record<string, string>] = [
      { Authorization: 'Bearer alice' },
      { Authorization: 'Bearer bob' },
    ];
    const languages: [Record<string, string>, Record<string, string>] = [
      { 'Accept-Language': 'en' },
      { 'Accept-Language': 'de' },
    ];
    for (const gap of [500, 1500]) {
      expect(reportedOnRepeat(1000, gap, undefined, users), `users, ${gap} ms`).toEqual([]);
      expect(reportedOnRepeat(1000, gap, undefined, languages), `languages, ${gap} ms`).toEqual([]);
    }
    // The same user again is one rule's or the other's, as without credentials.
    const alice: [Record<string, string>, Record<string, string>] = [users[0], users[0]];
    expect(reportedOnRepeat(1000, 500, undefined, alice)).toEqual(['session/duplicate-request']);
    expect(reportedOnRepeat(1000, 1500, undefined, alice)).toEqual(['session/polling-without-validators']);
  });
});

describe("polling-without-validators reads duplicate-request's windowMs", () => {
  const pollingOptions = (ruleOptions: object) => {
    const parsed = parseSettings({ ruleOptions });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    return activeSessionRules(parsed.settings).find(
      (a) => a.rule.id === 'session/polling-without-validators',
    )!.options;
  };

  it('its boundary follows the one setting, its default without one', () => {
    expect(pollingOptions({}).minIntervalMs).toBe(1000);
    expect(pollingOptions({ 'session/duplicate-request': { windowMs: 2500 } }).minIntervalMs).toBe(2500);
  });

  it('even with duplicate-request turned off (the boundary stays where the user set it)', () => {
    const parsed = parseSettings({
      rules: { 'session/duplicate-request': 'off' },
      ruleOptions: { 'session/duplicate-request': { windowMs: 2500 } },
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const active = activeSessionRules(parsed.settings);
    expect(active.map((a) => a.rule.id)).not.toContain('session/duplicate-request');
    expect(
      active.find((a) => a.rule.id === 'session/polling-without-validators')!.options.minIntervalMs,
    ).toBe(2500);
  });

  it('the settings reader refuses a boundary set on polling, naming where to set it', () => {
    for (const [name, said] of [
      ['minIntervalMs', 'no longer an option of this rule'],
      ['windowMs', 'not an option of this rule'],
    ] as const) {
      const parsed = parseSettings({
        ruleOptions: { 'session/polling-without-validators': { minPolls: 4, [name]: 500 } },
      });
      expect(parsed.ok).toBe(false);
      if (parsed.ok) continue;
      expect(parsed.errors).toEqual([
        `ruleOptions["session/polling-without-validators"].${name}: ${said}: it reads session/duplicate-request's windowMs, one setting for both so they cannot disagree; set ruleOptions["session/duplicate-request"].windowMs instead`,
      ]);
    }
  });

  it('docs/cli.md, where CLI users read about ruleOptions, says where the one boundary is set', () => {
    const doc = readFileSync(resolve(__dirname, '../../../docs/cli.md'), 'utf8').replace(/\s+/g, ' ');
    expect(doc).toContain('ruleOptions["session/duplicate-request"].windowMs');
    expect(doc).toMatch(/`minIntervalMs` \(polling's own option before\)/);
  });

  it('other unknown options still list the rule’s own', () => {
    const parsed = parseSettings({ ruleOptions: { 'session/polling-without-validators': { everyMs: 5 } } });
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      'ruleOptions["session/polling-without-validators"].everyMs: unknown option (expected minPolls)',
    ]);
  });
});

describe('stored settings with the boundary set on polling (before it was shared)', () => {
  it('keep polling’s own options and set the boundary aside with the message', () => {
    const read = readStoredSettings({
      version: 1,
      ruleOptions: { 'session/polling-without-validators': { minPolls: 4, minIntervalMs: 500 } },
    });
    expect(read.settings.ruleOptions).toEqual({ 'session/polling-without-validators': { minPolls: 4 } });
    expect(read.kept).toEqual([
      { path: ['ruleOptions', 'session/polling-without-validators', 'minIntervalMs'], value: 500 },
    ]);
    expect(read.errors.join('\n')).toContain('set ruleOptions["session/duplicate-request"].windowMs instead');
  });
});
