import { describe, expect, it } from 'vitest';
import { MemoryProfileStore, MemorySettingsStore, MemoryStorageArea } from '../../../src/adapters/memory';
import { profileStoreOver, USER_PROFILES_KEY } from '../../../src/adapters/profile-storage';
import { settingsStoreOver } from '../../../src/adapters/settings-storage';
import type { ProfileDocument } from '../../../src/core/profiles/types';
import { parseUserProfiles } from '../../../src/core/profiles/user';
import { defaultSettings, type Settings } from '../../../src/core/settings/schema';
import { mergedSettingsStore } from '../../../src/state/merged-settings';

const acme: ProfileDocument = {
  id: 'acme',
  name: 'Acme',
  summary: 's',
  source: 'https://acme.example/guide',
  scope: { urls: ['https://api.acme.example/*'] },
  mediaTypes: { error: ['application/problem+json'] },
};
const beta: ProfileDocument = { ...acme, id: 'beta', name: 'Beta' };

/** The extension's real storage logic over the memory areas: sync (8 KB an item) and local. */
function areas() {
  const sync = MemoryStorageArea.sync();
  const local = MemoryStorageArea.local();
  const settings = settingsStoreOver(sync, local);
  const profiles = profileStoreOver(local);
  return { sync, local, settings, profiles, store: () => mergedSettingsStore(settings, profiles) };
}

describe('user profiles: documents in local storage, references in the synced settings', () => {
  it('saves documents to local and only references to sync, and reads them back as one', async () => {
    const a = areas();
    const store = a.store();
    const loaded = await store.load();
    await store.save({
      ...loaded,
      userProfiles: [acme],
      profiles: ['problem', 'acme'],
      profileScopes: {
        acme: { urls: ['https://eu.acme.example/*'] },
        problem: { urls: ['https://x.example/*'] },
      },
      rules: { 'acme/media-type': 'off', 'http/date': 'info' },
    });
    const inSync = (await a.sync.get('settings')) as Settings;
    expect(inSync.userProfiles).toEqual([]);
    expect(inSync.profiles).toEqual(['problem', 'acme']);
    expect(inSync.profileScopes.acme).toEqual({ urls: ['https://eu.acme.example/*'] });
    expect(inSync.rules).toEqual({ 'acme/media-type': 'off', 'http/date': 'info' });
    // The document itself, unchanged (its scope is the user's override, kept in sync).
    expect(await a.local.get(USER_PROFILES_KEY)).toEqual({ profiles: [acme] });

    // Another surface, later: the references parse (they name a profile sync does not hold).
    const again = await a.store().load();
    expect(again.profiles).toEqual(['problem', 'acme']);
    expect(again.userProfiles).toEqual([acme]);
    expect(again.profileScopes.acme).toEqual({ urls: ['https://eu.acme.example/*'] });
    expect(again.rules['acme/media-type']).toBe('off');
  });

  it('migrates the earlier shape (which are on, in local storage) into sync references, losing nothing', async () => {
    const a = areas();
    await a.sync.set({ settings: { ...defaultSettings(), profiles: ['problem'] } });
    await a.local.set({ [USER_PROFILES_KEY]: { profiles: [acme, beta], enabled: ['acme'] } });
    const loaded = await a.store().load();
    expect(loaded.profiles).toEqual(['problem', 'acme']);
    expect(loaded.userProfiles).toEqual([acme, beta]);
    expect(((await a.sync.get('settings')) as Settings).profiles).toEqual(['problem', 'acme']);
    expect(await a.local.get(USER_PROFILES_KEY)).toEqual({ profiles: [acme, beta] });
  });

  it('migrates documents an earlier version kept in the synced settings into local storage', async () => {
    const a = areas();
    await a.sync.set({ settings: { ...defaultSettings(), userProfiles: [acme], profiles: ['acme'] } });
    await a.local.set({ [USER_PROFILES_KEY]: { profiles: [beta] } });
    const loaded = await a.store().load();
    expect(loaded.userProfiles).toEqual([beta, acme]);
    expect(loaded.profiles).toEqual(['acme']);
    expect(await a.local.get(USER_PROFILES_KEY)).toEqual({ profiles: [beta, acme] });
    const inSync = (await a.sync.get('settings')) as Settings;
    expect(inSync.userProfiles).toEqual([]);
    expect(inSync.profiles).toEqual(['acme']);
  });

  it('a migration that cannot write sync keeps the old shape, still read the same, and finishes next time', async () => {
    const synced = new MemorySettingsStore({ ...defaultSettings(), profiles: ['problem'] });
    const local = new MemoryProfileStore({ profiles: [acme], enabled: ['acme'] });
    synced.outcome = new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    expect((await mergedSettingsStore(synced, local).load()).profiles).toEqual(['problem', 'acme']);
    expect(local.current).toEqual({ profiles: [acme], enabled: ['acme'] });
    synced.outcome = { storedIn: 'sync' };
    expect((await mergedSettingsStore(synced, local).load()).profiles).toEqual(['problem', 'acme']);
    expect(synced.current.profiles).toEqual(['problem', 'acme']);
    expect(local.current).toEqual({ profiles: [acme] });
  });

  it('keeps references to profiles this browser does not hold (imported on another machine)', async () => {
    const synced = new MemorySettingsStore({
      ...defaultSettings(),
      profiles: ['beta'],
      profileScopes: { beta: { urls: ['https://beta.example/*'] } },
      rules: { 'beta/media-type': 'error' },
    });
    const store = mergedSettingsStore(synced, new MemoryProfileStore({ profiles: [acme] }));
    const loaded = await store.load();
    // Not shown here (nothing to show: no document)…
    expect(loaded.profiles).toEqual([]);
    expect(loaded.profileScopes).toEqual({});
    expect(loaded.rules).toEqual({});
    // …and written back untouched when this browser saves.
    await store.save({ ...loaded, profiles: ['problem', 'acme'] });
    expect(synced.current.profiles).toEqual(['problem', 'acme', 'beta']);
    expect(synced.current.profileScopes).toEqual({ beta: { urls: ['https://beta.example/*'] } });
    expect(synced.current.rules).toEqual({ 'beta/media-type': 'error' });
  });

  it('removing a profile here removes its references too', async () => {
    const synced = new MemorySettingsStore({ ...defaultSettings(), profiles: ['acme'] });
    const local = new MemoryProfileStore({ profiles: [acme] });
    const store = mergedSettingsStore(synced, local);
    const loaded = await store.load();
    await store.save({ ...loaded, userProfiles: [], profiles: [] });
    expect(synced.current.profiles).toEqual([]);
    expect(local.current).toEqual({ profiles: [] });
  });

  it('follows changes to either store', async () => {
    const synced = new MemorySettingsStore({ ...defaultSettings(), profiles: ['acme'] });
    const local = new MemoryProfileStore({ profiles: [] });
    const store = mergedSettingsStore(synced, local);
    const seen: Settings[] = [];
    store.subscribe((s) => seen.push(s));
    expect((await store.load()).profiles).toEqual([]);
    await local.save({ profiles: [acme] });
    expect(seen.at(-1)?.profiles).toEqual(['acme']);
    expect(seen.at(-1)?.userProfiles).toEqual([acme]);
  });

  it('reads stored user profiles leniently: a broken document is kept aside, with its errors, the rest work', () => {
    const got = parseUserProfiles({ profiles: [acme, { id: 'Bad' }, acme], enabled: ['acme', 'ghost', 7] });
    expect(got.profiles).toEqual([acme]);
    expect(got.enabled).toEqual(['acme']);
    expect(got.invalid?.map((i) => [i.raw, i.label])).toEqual([
      [{ id: 'Bad' }, 'Bad'],
      [acme, acme.name],
    ]);
    expect(got.invalid?.[0]!.errors.join('\n')).toMatch(/^\$\.id: /m);
    expect(got.invalid?.[1]!.errors).toEqual([
      '$.id: another stored profile already has the id "acme"; the first one is used',
    ]);
    expect(parseUserProfiles({ profiles: [acme] })).toEqual({ profiles: [acme] });
    expect(parseUserProfiles('junk')).toEqual({ profiles: [] });
  });

  it('moving the old "enabled" list keeps a profile on whose document this version cannot read', async () => {
    const a = areas();
    const future = { ...beta, pagination: { style: 'cursor' } };
    await a.local.set({ [USER_PROFILES_KEY]: { profiles: [acme, future], enabled: ['acme', 'beta'] } });
    const loaded = await a.store().load();
    expect(loaded.profiles).toEqual(['acme']);
    expect(a.local.items.get(USER_PROFILES_KEY)).toEqual({ profiles: [acme, future] });
    expect((a.sync.items.get('settings') as Settings).profiles).toEqual(['acme', 'beta']);
  });
});
