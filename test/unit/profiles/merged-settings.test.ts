import { describe, expect, it } from 'vitest';
import { MemoryProfileStore, MemorySettingsStore, MemoryStorageArea } from '../../../src/adapters/memory';
import { profileStoreOver, USER_PROFILES_KEY } from '../../../src/adapters/profile-storage';
import { settingsStoreOver } from '../../../src/adapters/settings-storage';
import type { ProfileDocument } from '../../../src/core/profiles/types';
import { parseUserProfiles } from '../../../src/core/profiles/user';
import { defaultSettings, type Settings } from '../../../src/core/settings/schema';
import { mergedSettingsStore } from '../../../src/state/merged-settings';
import { openingSettings } from '../../../src/state/settings-start';

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

/** chrome.storage announces a change after the call that made it, as a task of its own. */
const tick = () => new Promise((r) => setTimeout(r, 5));

/** Synced settings that switch acme on: a reference, which counts only once its document is here. */
const acmeOn = (): Settings => ({ ...defaultSettings(), profiles: ['acme'] });

/** Both stores with their reads held, as a busy chrome.storage holds them while the panel opens. */
function slowStores(user = { profiles: [] as ProfileDocument[] }) {
  const synced = new MemorySettingsStore(acmeOn());
  const local = new MemoryProfileStore(user);
  const holds = [synced.holdLoads(), local.holdLoads()];
  return { synced, local, release: () => holds.forEach((release) => release()) };
}

describe('the panel opening while profiles or settings are saved', () => {
  it('a profile saved while the first read is under way is in the settings it opens with', async () => {
    const { synced, local, release } = slowStores();
    const opening = openingSettings(mergedSettingsStore(synced, local));
    // The options page adds acme's document; the read already has what was stored before.
    await local.save({ profiles: [acme] });
    release();
    const opened = await opening;
    expect(opened.settings.userProfiles).toEqual([acme]);
    expect(opened.settings.profiles).toEqual(['acme']);
  });

  it('settings saved while the first read is under way keep the user’s profiles on', async () => {
    const { synced, local, release } = slowStores({ profiles: [acme] });
    const opening = openingSettings(mergedSettingsStore(synced, local));
    await synced.save({ ...acmeOn(), ruleOptions: { 'session/n-plus-one': { minCalls: 3 } } });
    release();
    const opened = await opening;
    expect(opened.settings.ruleOptions).toEqual({ 'session/n-plus-one': { minCalls: 3 } });
    expect(opened.settings.userProfiles).toEqual([acme]);
    expect(opened.settings.profiles).toEqual(['acme']);
  });

  it('over chrome.storage’s areas: a profile imported on the options page as the panel reads', async () => {
    const a = areas();
    await a.sync.set({ settings: acmeOn() });
    await tick();
    // The panel's read of the profiles answers only once the options page's save is announced.
    let answer!: () => void;
    const answered = new Promise<void>((r) => (answer = r));
    const get = a.local.get.bind(a.local);
    a.local.get = async (key) => {
      const read = await get(key);
      if (key === USER_PROFILES_KEY) await answered;
      return read;
    };
    const opening = openingSettings(a.store());
    await profileStoreOver(a.local).save({ profiles: [acme] });
    await tick();
    answer();
    const opened = await opening;
    expect(opened.settings.profiles).toEqual(['acme']);
    expect(opened.settings.userProfiles).toEqual([acme]);
  });
});

describe('a read made later (each edit the panel makes reads first)', () => {
  it('does not undo a profile change heard while it was under way', async () => {
    const synced = new MemorySettingsStore(acmeOn());
    const local = new MemoryProfileStore({ profiles: [] });
    const store = mergedSettingsStore(synced, local);
    const seen: Settings[] = [];
    store.subscribe((s) => seen.push(s));
    await store.load();
    const release = local.holdLoads();
    const reading = store.load();
    await local.save({ profiles: [acme] });
    release();
    expect((await reading).profiles).toEqual(['acme']);
    // A settings change after it is merged with the profiles heard of, not the older ones read.
    await synced.save({ ...acmeOn(), ruleOptions: { 'session/n-plus-one': { minCalls: 3 } } });
    expect(seen.at(-1)?.profiles).toEqual(['acme']);
    expect(seen.at(-1)?.userProfiles).toEqual([acme]);
  });
});

describe('settings that could not be read when the panel opened', () => {
  it('a save from the options page afterwards still reaches it, with the user’s profiles', async () => {
    const synced = new MemorySettingsStore(acmeOn());
    const load = synced.load.bind(synced);
    synced.load = async () => {
      throw new Error('IO error');
    };
    const opened = await openingSettings(
      mergedSettingsStore(synced, new MemoryProfileStore({ profiles: [acme] })),
    );
    expect(opened.problem).toMatch(/could not be read \(IO error\)/);
    synced.load = load;
    const seen: Settings[] = [];
    opened.changes.subscribe((s) => seen.push(s));
    await synced.save({ ...acmeOn(), ruleOptions: { 'session/n-plus-one': { minCalls: 3 } } });
    expect(seen.at(-1)?.ruleOptions).toEqual({ 'session/n-plus-one': { minCalls: 3 } });
    expect(seen.at(-1)?.profiles).toEqual(['acme']);
  });
});
