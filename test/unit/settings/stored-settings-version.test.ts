import { describe, expect, it } from 'vitest';
import { MemoryPermissions, MemoryStorageArea } from '../../../src/adapters/memory';
import { profileStoreOver } from '../../../src/adapters/profile-storage';
import { settingsStoreOver } from '../../../src/adapters/settings-storage';
import { BUILTIN_RULE_IDS } from '../../../src/core/profiles/registry';
import { readStoredSettings, withKeptParts } from '../../../src/core/settings/stored';
import { settingsEditor } from '../../../src/state/settings-edits';
import { createOptionsStore } from '../../../src/state/options-store';

/**
 * Settings a newer version of Status Lens stored (its `version` above this one's): a save by
 * this version writes the parts it read, keeps the parts it could not, and leaves the newer
 * version's marker as it was, so that version does not take its own settings for older ones.
 */
const newer = {
  version: 2,
  profiles: ['problem'],
  capture: { apiOnly: false, newSwitch: true },
  futureSection: { a: 1 },
};
const opts = { profilesStoredApart: true };

function stored() {
  const sync = MemoryStorageArea.sync();
  const local = MemoryStorageArea.local();
  sync.items.set('settings', structuredClone(newer));
  return { sync, local };
}

describe('settings stored by a newer version', () => {
  it('keep their version marker and unknown parts through a save of the settings store', async () => {
    const { sync, local } = stored();
    const store = settingsStoreOver(sync, local);
    const loaded = await store.load();
    expect(loaded.version).toBe(1);
    expect(loaded.profiles).toEqual(['problem']);
    await store.save({ ...loaded, capture: { ...loaded.capture, preserveLog: true } });
    expect(sync.items.get('settings')).toMatchObject({
      version: 2,
      profiles: ['problem'],
      capture: { apiOnly: false, newSwitch: true, preserveLog: true },
      futureSection: { a: 1 },
    });
  });

  it('keep them through an options page edit (profiles apart) and a panel edit', async () => {
    const { sync, local } = stored();
    const options = createOptionsStore({
      settings: settingsStoreOver(sync, local),
      profiles: profileStoreOver(local),
      permissions: new MemoryPermissions(false, true),
      download: () => undefined,
      debounceMs: 5,
    });
    const stop = options.getState().start();
    await expect.poll(() => options.getState().phase).toBe('ready');
    options.getState().setRule('http/unauthorized-challenge', 'off');
    await options.getState().flush();
    stop();
    expect(sync.items.get('settings')).toMatchObject({
      version: 2,
      rules: { 'http/unauthorized-challenge': 'off' },
      capture: { newSwitch: true },
      futureSection: { a: 1 },
    });

    // The panel's edits are patches over a fresh read, through the same store.
    const edit = settingsEditor(settingsStoreOver(sync, local));
    await edit((s) => ({ ...s, capture: { ...s.capture, preserveLog: true } }));
    expect(sync.items.get('settings')).toMatchObject({
      version: 2,
      capture: { newSwitch: true, preserveLog: true },
      futureSection: { a: 1 },
    });
  });

  it('keep the marker when the settings go to local storage (too big for sync)', async () => {
    const { sync, local } = stored();
    const store = settingsStoreOver(sync, local);
    const loaded = await store.load();
    loaded.redaction.headers = Array.from({ length: 500 }, (_, i) => `x-internal-secret-${i}`);
    await expect(store.save(loaded)).resolves.toMatchObject({ storedIn: 'local' });
    expect((local.items.get('settings') as { settings: unknown }).settings).toMatchObject({
      version: 2,
      futureSection: { a: 1 },
    });
  });

  it('read back, are the same again: nothing grows, goes or is downgraded', () => {
    const r = readStoredSettings(newer, BUILTIN_RULE_IDS, opts);
    const out = withKeptParts(r.settings, r.kept);
    expect(out).toMatchObject({ version: 2, futureSection: { a: 1 } });
    const again = readStoredSettings(out, BUILTIN_RULE_IDS, opts);
    expect(withKeptParts(again.settings, again.kept)).toEqual(out);
  });

  it('a version marker that is no newer version (corrupted) is written as this version’s', () => {
    for (const version of ['2', 0, 1.5, null, -3]) {
      const r = readStoredSettings({ ...newer, version }, BUILTIN_RULE_IDS, opts);
      expect(withKeptParts(r.settings, r.kept)).toMatchObject({ version: 1, futureSection: { a: 1 } });
    }
  });
});
