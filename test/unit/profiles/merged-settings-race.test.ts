import { describe, expect, it } from 'vitest';
import { MemoryProfileStore, MemorySettingsStore, MemoryStorageArea } from '../../../src/adapters/memory';
import { profileStoreOver, USER_PROFILES_KEY } from '../../../src/adapters/profile-storage';
import { settingsStoreOver } from '../../../src/adapters/settings-storage';
import type { ProfileDocument } from '../../../src/core/profiles/types';
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
    const sync = MemoryStorageArea.sync();
    const local = MemoryStorageArea.local();
    await sync.set({ settings: acmeOn() });
    await tick();
    // The panel's read of the profiles answers only once the options page's save is announced.
    let answer!: () => void;
    const answered = new Promise<void>((r) => (answer = r));
    const get = local.get.bind(local);
    local.get = async (key) => {
      const read = await get(key);
      if (key === USER_PROFILES_KEY) await answered;
      return read;
    };
    const panel = mergedSettingsStore(settingsStoreOver(sync, local), profileStoreOver(local));
    const opening = openingSettings(panel);
    await profileStoreOver(local).save({ profiles: [acme] });
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
