import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activeRules } from '../../../src/core/engine/analyze';
import { ENVELOPE_RULES } from '../../../src/core/rules/envelope';
import { HAL_RULES } from '../../../src/core/rules/hal';
import { PROBLEM_RULES } from '../../../src/core/rules/problem';
import { PROFILES, profileInfo } from '../../../src/core/rules/profiles';
import { RULES } from '../../../src/core/rules/registry';
import { PROFILE_IDS, type ProfileId, type Rule } from '../../../src/core/rules/types';
import { defaultSettings } from '../../../src/core/settings';

const BY_PROFILE: Record<ProfileId, readonly Rule[]> = {
  problem: PROBLEM_RULES,
  hal: HAL_RULES,
  envelope: ENVELOPE_RULES,
};

const activeIds = (profiles: ProfileId[]) =>
  new Set(activeRules({ ...defaultSettings(), profiles }).map((a) => a.rule.id));

describe('convention profiles', () => {
  it('PROFILES covers every ProfileId once, in order', () => {
    expect(PROFILES.map((p) => p.id)).toEqual([...PROFILE_IDS]);
    for (const id of PROFILE_IDS) expect(profileInfo(id).id).toBe(id);
  });

  it.each(PROFILES)('$id has a name, a one-line summary and an https standard URL', (p) => {
    expect(p.name.trim()).not.toBe('');
    expect(p.summary.trim()).not.toBe('');
    expect(p.summary).not.toContain('\n');
    expect(new URL(p.standardUrl).protocol).toBe('https:');
  });

  it.each(PROFILE_IDS)('%s rules are registered, grouped under their profile and documented', (id) => {
    const rules = BY_PROFILE[id];
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.group).toBe(id);
      expect(rule.id.startsWith(`${id}/`)).toBe(true);
      expect(RULES).toContain(rule);
      expect(existsSync(resolve(__dirname, '../../../src/core/rules', `${rule.id}.ts`))).toBe(true);
      expect(existsSync(resolve(__dirname, '../../../docs/rules', `${rule.id}.md`))).toBe(true);
    }
  });

  it('runs no profile rule by default', () => {
    const active = activeIds(defaultSettings().profiles);
    for (const id of PROFILE_IDS) for (const rule of BY_PROFILE[id]) expect(active.has(rule.id)).toBe(false);
  });

  it.each(PROFILE_IDS)('runs exactly the %s rules when that profile alone is listed', (id) => {
    const active = activeIds([id]);
    for (const other of PROFILE_IDS) {
      for (const rule of BY_PROFILE[other]) expect(active.has(rule.id)).toBe(other === id);
    }
  });

  it('runs every profile rule when all profiles are listed', () => {
    const active = activeIds([...PROFILE_IDS]);
    for (const id of PROFILE_IDS) for (const rule of BY_PROFILE[id]) expect(active.has(rule.id)).toBe(true);
  });

  it('a profile rule turned off stays off even with its profile on', () => {
    const settings = {
      ...defaultSettings(),
      profiles: ['problem' as const],
      rules: { 'problem/shape': 'off' as const },
    };
    const ids = activeRules(settings).map((a) => a.rule.id);
    expect(ids).not.toContain('problem/shape');
    expect(ids).toContain('problem/status-match');
  });
});
