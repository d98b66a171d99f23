import { describe, expect, it } from 'vitest';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import { RULES } from '../../../src/core/rules/registry';
import { defineRule } from '../../../src/core/rules/types';
import { defaultSettings } from '../../../src/core/settings/schema';
import { makeExchange } from '../../helpers/exchange';
import { inlineContract } from '../../helpers/contracts';

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

describe('one missing Location on a 201, once', () => {
  // A description that requires Location on POST /articles 201, as the CLI review's blog API did.
  const blog = inlineContract(
    [
      'openapi: 3.0.3',
      'info: { title: Blog, version: "1" }',
      'servers: [{ url: "https://blog.test/api" }]',
      'paths:',
      '  /articles:',
      '    post:',
      '      responses:',
      '        "201": { description: created, headers: { Location: { required: true, schema: { type: string } } } }',
      '        "202": { description: queued, headers: { Location: { required: true, schema: { type: string } } } }',
    ].join('\n'),
  );
  const post = (status: number, headers: Record<string, string> = {}) =>
    analyzeExchange(
      makeExchange({ method: 'POST', url: 'https://blog.test/api/articles', status, headers, body: null }),
      activeRules(defaultSettings()),
      undefined,
      [blog],
    ).findings.filter((f) => f.rule === 'http/created-location' || f.rule === 'contract/required-header');

  it("is the description's finding alone, giving both reasons, where the description requires it", () => {
    expect(post(201)).toEqual([
      expect.objectContaining({
        rule: 'contract/required-header',
        message:
          'POST /articles 201 in inline.yaml requires a Location header, and the response has none (RFC 9110 §9.3.3 asks the same of a 201 Created: it names the new resource)',
      }),
    ]);
  });

  it('leaves http/created-location alone where the description says nothing of Location, and another status alone', () => {
    const bare = analyzeExchange(
      makeExchange({ method: 'POST', url: 'https://elsewhere.test/articles', status: 201, body: null }),
      activeRules(defaultSettings()),
      undefined,
      [blog],
    ).findings.map((f) => f.rule);
    expect(bare).toContain('http/created-location');
    expect(post(202).map((f) => f.rule)).toEqual(['contract/required-header']);
    expect(post(202)[0]!.message).toBe(
      'POST /articles 202 in inline.yaml requires a Location header, and the response has none',
    );
    expect(post(201, { Location: '/api/articles/7' })).toEqual([]);
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
