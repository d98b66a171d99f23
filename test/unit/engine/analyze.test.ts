import { describe, expect, it } from 'vitest';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import { RULES } from '../../../src/core/rules/registry';
import { defineRule } from '../../../src/core/rules/types';
import { defaultSettings } from '../../../src/core/settings/schema';
import { makeExchange } from '../../helpers/exchange';

const boom = defineRule({
  id: 'test/boom',
  group: 'core',
  severity: 'error',
  description: 'always throws',
  source: { label: 'x', url: 'https://example.com' },
  check() {
    throw new Error('kaput');
  },
});

describe('analyzeExchange', () => {
  it('reports a throwing rule as an engine problem and still runs the others', () => {
    const created = RULES.find((r) => r.id === 'http/created-location')!;
    const r = analyzeExchange(makeExchange({ method: 'POST', status: 201 }), [
      { rule: boom },
      { rule: created },
    ]);
    expect(r.problems).toEqual([{ rule: 'test/boom', message: 'kaput' }]);
    expect(r.findings.map((f) => f.rule)).toEqual(['http/created-location']);
  });

  it('sorts findings worst first', () => {
    const ex = makeExchange({ status: 401, headers: { Server: 'nginx/1.25.3' }, body: null });
    const r = analyzeExchange(ex, activeRules(defaultSettings()));
    const ranks = r.findings.map((f) => ({ error: 3, warning: 2, info: 1 })[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(r.findings[0]!.rule).toBe('http/unauthorized-challenge');
  });

  it('reads JSON after a byte order mark as browsers do, so every JSON rule still sees it', () => {
    const ex = makeExchange({
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: '\uFEFF{"error":"quota exceeded"}',
    });
    const r = analyzeExchange(ex, activeRules(defaultSettings()));
    expect(r.findings.find((f) => f.rule === 'body/soft-error')?.severity).toBe('warning');
    expect(r.findings.find((f) => f.rule === 'body/invalid-json')?.severity).toBe('info');
  });
});

describe('activeRules', () => {
  const ids = (s: Parameters<typeof activeRules>[0]) => activeRules(s).map((a) => a.rule.id);

  it('runs core rules by default, not profile or opt-in rules', () => {
    const on = ids(defaultSettings());
    expect(on).toContain('http/created-location');
    expect(on.some((id) => id.startsWith('problem/'))).toBe(false);
    expect(on).not.toContain('http/date');
  });

  it('adds a profile’s rules when the profile is on', () => {
    expect(
      ids({ profiles: ['hal'], rules: {} }).filter((id) => id.startsWith('hal/')).length,
    ).toBeGreaterThan(3);
  });

  it('turns a rule off, changes its severity, and switches an opt-in rule on', () => {
    const s = {
      profiles: [],
      rules: { 'http/created-location': 'off', 'http/redirect-location': 'error', 'http/date': 'info' },
    } as const;
    const active = activeRules({ profiles: [...s.profiles], rules: { ...s.rules } });
    expect(active.find((a) => a.rule.id === 'http/created-location')).toBeUndefined();
    expect(active.find((a) => a.rule.id === 'http/redirect-location')!.override).toBe('error');
    expect(active.find((a) => a.rule.id === 'http/date')!.override).toBe('info');
    const r = analyzeExchange(makeExchange({ status: 302 }), active);
    expect(r.findings.find((f) => f.rule === 'http/redirect-location')!.severity).toBe('error');
  });
});
