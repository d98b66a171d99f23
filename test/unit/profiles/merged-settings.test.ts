import { describe, expect, it } from 'vitest';
import { MemoryProfileStore, MemorySettingsStore } from '../../../src/adapters/memory';
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
};

describe('synced settings and user profiles, read and written as one', () => {
  it('loads both, saves each where it belongs, and follows changes to either', async () => {
    const synced = new MemorySettingsStore({ ...defaultSettings(), profiles: ['problem'] });
    const local = new MemoryProfileStore({ profiles: [acme], enabled: ['acme'] });
    const store = mergedSettingsStore(synced, local);
    const seen: Settings[] = [];
    store.subscribe((s) => seen.push(s));
    const loaded = await store.load();
    expect(loaded.profiles).toEqual(['problem', 'acme']);
    expect(loaded.userProfiles).toEqual([acme]);

    await store.save({
      ...loaded,
      profiles: ['acme'],
      profileScopes: {
        acme: { urls: ['https://eu.acme.example/*'] },
        problem: { urls: ['https://x.example/*'] },
      },
    });
    expect(synced.current.profiles).toEqual([]);
    expect(synced.current.userProfiles).toEqual([]);
    expect(synced.current.profileScopes).toEqual({ problem: { urls: ['https://x.example/*'] } });
    // A user profile's edited scope is written into its own document.
    expect(local.current).toEqual({
      profiles: [{ ...acme, scope: { urls: ['https://eu.acme.example/*'] } }],
      enabled: ['acme'],
    });
    await local.save({ profiles: [acme], enabled: [] });
    expect(seen.at(-1)?.profiles).toEqual([]);
    expect(seen.at(-1)?.userProfiles).toEqual([acme]);
  });

  it('reads stored user profiles leniently: a broken document is dropped, the rest kept', () => {
    const got = parseUserProfiles({ profiles: [acme, { id: 'Bad' }, acme], enabled: ['acme', 'ghost', 7] });
    expect(got).toEqual({ profiles: [acme], enabled: ['acme'] });
    expect(parseUserProfiles('junk')).toEqual({ profiles: [], enabled: [] });
  });
});
