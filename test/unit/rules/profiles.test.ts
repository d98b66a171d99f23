import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activeRules } from '../../../src/core/engine/analyze';
import { BUILTIN_PROFILE_IDS } from '../../../src/core/profiles/builtins';
import { BUILTINS, builtinProfile } from '../../../src/core/profiles/registry';
import { PROFILES, profileInfo } from '../../../src/core/rules/profiles';
import { RULES } from '../../../src/core/rules/registry';
import { defaultSettings } from '../../../src/core/settings';

const rulesOf = (id: string) => builtinProfile(id)!.rules;
const activeIds = (profiles: string[]) =>
  new Set(activeRules({ ...defaultSettings(), profiles }).map((a) => a.rule.id));

describe('built-in profiles', () => {
  it('PROFILES shows every built-in document once, in order, by its own name', () => {
    expect(PROFILES.map((p) => p.id)).toEqual([...BUILTIN_PROFILE_IDS]);
    for (const p of BUILTINS) expect(profileInfo(p.doc.id)?.name).toBe(p.doc.name);
    expect(BUILTIN_PROFILE_IDS).toEqual(['problem', 'hal', 'envelope', 'graphql', 'jsonapi']);
  });

  it.each(PROFILES)('$id has a name, a one-line summary and an https standard URL', (p) => {
    expect(p.name.trim()).not.toBe('');
    expect(p.summary.trim()).not.toBe('');
    expect(p.summary).not.toContain('\n');
    expect(new URL(p.standardUrl).protocol).toBe('https:');
  });

  it.each([...BUILTIN_PROFILE_IDS])(
    '%s: every function check is registered, under the profile, with docs',
    (id) => {
      const doc = builtinProfile(id)!.doc;
      expect(doc.checks?.length).toBeGreaterThan(0);
      for (const check of doc.checks ?? []) {
        const rule = RULES.find((r) => r.id === check);
        expect(rule, check).toBeDefined();
        expect(rule!.group).toBe(id);
        expect(rulesOf(id)).toContain(rule);
        expect(existsSync(resolve(__dirname, '../../../docs/rules', `${check}.md`))).toBe(true);
      }
    },
  );

  it('runs no profile rule by default', () => {
    const active = activeIds(defaultSettings().profiles);
    for (const id of BUILTIN_PROFILE_IDS)
      for (const rule of rulesOf(id)) expect(active.has(rule.id)).toBe(false);
  });

  it.each([...BUILTIN_PROFILE_IDS])('runs exactly the %s rules when that profile alone is listed', (id) => {
    const active = activeIds([id]);
    for (const other of BUILTIN_PROFILE_IDS) {
      for (const rule of rulesOf(other)) expect(active.has(rule.id)).toBe(other === id);
    }
  });

  it('a profile rule turned off stays off even with its profile on', () => {
    const settings = {
      ...defaultSettings(),
      profiles: ['problem'],
      rules: { 'problem/shape': 'off' as const },
    };
    const ids = activeRules(settings).map((a) => a.rule.id);
    expect(ids).not.toContain('problem/shape');
    expect(ids).toContain('problem/status-match');
  });
});
