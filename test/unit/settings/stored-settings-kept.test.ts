import { describe, expect, it } from 'vitest';
import { MemoryStorageArea } from '../../../src/adapters/memory';
import { settingsStoreOver } from '../../../src/adapters/settings-storage';
import { BUILTIN_RULE_IDS } from '../../../src/core/profiles/registry';
import { defaultSettings } from '../../../src/core/settings/schema';
import { readStoredSettings, withKeptParts } from '../../../src/core/settings/stored';

/**
 * Stored settings a newer version wrote (or that got corrupted): the parts this version can
 * read are used, the others kept and written back by the next save — never all of it thrown
 * away for the defaults, and never lost to a save.
 */
const stored = {
  version: 1,
  profiles: ['problem', 'Not An Id'],
  rules: { 'http/unauthorized-challenge': 'off', 'problem/from-the-future': 'error' },
  ruleOptions: { 'session/auth-loop': { minRefreshes: 3, fromTheFuture: 9 } },
  capture: { apiOnly: false, retentionCap: 1234, newSwitch: true },
  redaction: { headers: ['x-team-secret'] },
  futureSection: { a: 1 },
};
const opts = { profilesStoredApart: true };

describe('stored settings a newer version wrote', () => {
  it('are read part by part: what validates is used, the rest kept with its place named', () => {
    const r = readStoredSettings(stored, BUILTIN_RULE_IDS, opts);
    expect(r.settings.profiles).toEqual(['problem']);
    expect(r.settings.rules).toEqual({ 'http/unauthorized-challenge': 'off' });
    expect(r.settings.ruleOptions).toEqual({ 'session/auth-loop': { minRefreshes: 3 } });
    expect(r.settings.capture.apiOnly).toBe(false);
    expect(r.settings.capture.retentionCap).toBe(1234);
    expect(r.settings.redaction.headers).toEqual(['x-team-secret']);
    expect(r.kept.map((k) => k.path.join('.'))).toEqual([
      'profiles',
      'rules.problem/from-the-future',
      'ruleOptions.session/auth-loop.fromTheFuture',
      'capture.newSwitch',
      'futureSection',
    ]);
    expect(r.errors.some((e) => e.startsWith('unknown setting "futureSection" (expected version,'))).toBe(
      true,
    );
    expect(r.errors).toContain(
      'capture.newSwitch: unknown setting (expected apiOnly, bodySizeCap, retentionCap, preserveLog, badgeMode or monitoring)',
    );
    expect(r.errors.some((e) => e.startsWith('rules["problem/from-the-future"]'))).toBe(true);
  });

  it('say so in words when a newer version wrote them, not as a type error', () => {
    const r = readStoredSettings({ ...stored, version: 2 }, BUILTIN_RULE_IDS, opts);
    expect(r.errors).toContain(
      'version: 2, written by a newer Status Lens (this one reads version 1); what it knows is used, and the rest is kept for that version',
    );
    expect(r.errors.some((e) => e.includes('expected 1'))).toBe(false);
    // A corrupted marker is still named as what it is.
    const bad = readStoredSettings({ ...stored, version: 'x' }, BUILTIN_RULE_IDS, opts);
    expect(bad.errors).toContain('version: expected 1, got "x"');
  });

  it('get their unread parts back on save, unless the user has since set that place', () => {
    const r = readStoredSettings(stored, BUILTIN_RULE_IDS, opts);
    const edited = structuredClone(r.settings);
    edited.capture.apiOnly = true;
    edited.profiles = [];
    const out = withKeptParts(edited, r.kept);
    expect(out).toMatchObject({
      profiles: ['Not An Id'],
      rules: { 'http/unauthorized-challenge': 'off', 'problem/from-the-future': 'error' },
      ruleOptions: { 'session/auth-loop': { minRefreshes: 3, fromTheFuture: 9 } },
      capture: { apiOnly: true, newSwitch: true },
      futureSection: { a: 1 },
    });
    // Read back, it is the same again: nothing grows or goes.
    const again = readStoredSettings(out, BUILTIN_RULE_IDS, opts);
    expect(again.settings).toEqual(edited);
    expect(withKeptParts(again.settings, again.kept)).toEqual(out);
  });

  it('survive a save through the settings store (sync), and other contexts see the readable part', async () => {
    const sync = MemoryStorageArea.sync();
    const local = MemoryStorageArea.local();
    sync.items.set('settings', stored);
    const store = settingsStoreOver(sync, local);
    const loaded = await store.load();
    expect(loaded.capture.apiOnly).toBe(false);
    expect(store.unreadable?.()).toContain(
      'capture.newSwitch: unknown setting (expected apiOnly, bodySizeCap, retentionCap, preserveLog, badgeMode or monitoring)',
    );
    await store.save({ ...loaded, capture: { ...loaded.capture, preserveLog: true } });
    expect(sync.items.get('settings')).toMatchObject({
      futureSection: { a: 1 },
      capture: { newSwitch: true, preserveLog: true, apiOnly: false },
      rules: { 'problem/from-the-future': 'error' },
    });
    const other = await settingsStoreOver(sync, local).load();
    expect(other).toEqual({ ...loaded, capture: { ...loaded.capture, preserveLog: true } });
    expect(other).not.toEqual(defaultSettings());
  });
});
