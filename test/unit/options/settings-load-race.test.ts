import { describe, expect, it } from 'vitest';
import { MemoryPermissions, MemorySettingsStore, MemoryStorageArea } from '../../../src/adapters/memory';
import { profileStoreOver, USER_PROFILES_KEY } from '../../../src/adapters/profile-storage';
import { defaultSettings, type Settings } from '../../../src/core/settings/schema';
import { mergedSettingsStore } from '../../../src/state/merged-settings';
import { createOptionsStore } from '../../../src/state/options-store';

/** What the user saved earlier: not the defaults anywhere the test looks. */
function storedSettings(): Settings {
  const s = defaultSettings();
  s.capture.preserveLog = true;
  s.redaction.headers = ['x-team-secret'];
  s.rules = { 'http/unauthorized-challenge': 'off' };
  return s;
}

/** The options page's store over stored settings whose load is held (or, with `failLoad`, fails). */
function setup(failLoad?: string, settings = new MemorySettingsStore(storedSettings())) {
  const release = settings.holdLoads();
  if (failLoad)
    settings.load = async () => {
      throw new Error(failLoad);
    };
  const store = createOptionsStore({
    settings,
    permissions: new MemoryPermissions(false, true),
    download: () => undefined,
    debounceMs: 5,
  });
  const stop = store.getState().start();
  return { settings, release, store, stop };
}

/** chrome.storage on a busy machine: each save is written only when the test says so. */
class SlowSettingsStore extends MemorySettingsStore {
  writes: (() => void)[] = [];
  override save(settings: Settings) {
    return new Promise<Awaited<ReturnType<MemorySettingsStore['save']>>>((resolve, reject) => {
      this.writes.push(() => void super.save(settings).then(resolve, reject));
    });
  }
}

const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

describe('an edit made while the stored settings are still loading', () => {
  it('is applied over the stored settings when they arrive: neither undone by the load nor saved over defaults', async () => {
    const { settings, release, store, stop } = setup();
    expect(store.getState().phase).toBe('loading');
    store.getState().update((d) => {
      d.capture.apiOnly = false;
    });
    expect(store.getState().settings.capture.apiOnly).toBe(false);
    // Longer than the debounce: nothing may be written while what is stored is unknown.
    await tick();
    expect(settings.saved).toEqual([]);
    release();
    await tick();
    const s = store.getState();
    expect(s.phase).toBe('ready');
    expect(s.settings.capture.apiOnly).toBe(false);
    expect(s.settings.capture.preserveLog).toBe(true);
    expect(s.settings.redaction.headers).toEqual(['x-team-secret']);
    await store.getState().flush();
    expect(settings.saved.at(-1)).toEqual({
      ...storedSettings(),
      capture: { ...storedSettings().capture, apiOnly: false },
    });
    stop();
  });

  it('a save from another page while the load is under way wins over the older copy the load read', async () => {
    const { settings, release, store, stop } = setup();
    const newer = storedSettings();
    newer.capture.retentionCap = 1234;
    await settings.save(newer);
    release();
    await tick();
    expect(store.getState().settings.capture.retentionCap).toBe(1234);
    stop();
  });

  it('a reset or import before the load is refused with a reason, not saved over what is stored', async () => {
    const { settings, release, store, stop } = setup();
    store.getState().importText(JSON.stringify({ capture: { apiOnly: false } }), 'team.json');
    await tick();
    expect(store.getState().importResult).toMatchObject({ ok: false });
    expect(JSON.stringify(store.getState().importResult)).toContain('still loading');
    expect(settings.saved).toEqual([]);
    release();
    await tick();
    expect(store.getState().settings).toEqual(storedSettings());
    stop();
  });
});

describe('stored settings that cannot be read at all', () => {
  it('are never replaced: the page says why, and edits stay unsaved', async () => {
    const { settings, store, stop } = setup('IO error: storage is corrupt');
    await tick();
    expect(store.getState().phase).toBe('ready');
    expect(store.getState().save).toMatchObject({ state: 'error' });
    expect(store.getState().save.error).toContain('IO error: storage is corrupt');
    store.getState().update((d) => {
      d.capture.apiOnly = false;
    });
    await tick();
    expect(settings.saved).toEqual([]);
    stop();
  });

  it('user profiles that cannot be read are not replaced by a save', async () => {
    const local = MemoryStorageArea.local();
    local.items.set(USER_PROFILES_KEY, { profiles: [{ id: 'acme' }] });
    const get = local.get.bind(local);
    local.get = async (key) => {
      if (key === USER_PROFILES_KEY) throw new Error('IO error');
      return get(key);
    };
    const settings = new MemorySettingsStore(storedSettings());
    const merged = mergedSettingsStore(settings, profileStoreOver(local));
    const loaded = await merged.load();
    await expect(merged.save({ ...loaded, profiles: ['problem'] })).rejects.toThrow(
      /your profiles could not be read .*IO error.*nothing was saved/,
    );
    expect(local.items.get(USER_PROFILES_KEY)).toEqual({ profiles: [{ id: 'acme' }] });
    expect(settings.saved).toEqual([]);
  });
});

describe('the options page’s save status', () => {
  it('says "Saved" only once the last edit is stored, not when an earlier save lands', async () => {
    const settings = new SlowSettingsStore(storedSettings());
    const { release, store, stop } = setup(undefined, settings);
    release();
    await tick();
    // One threshold typed; its save goes out and takes its time.
    store.getState().setRuleOption('session/retry-too-soon', 'toleranceMs', 60_000);
    await tick();
    expect(settings.writes).toHaveLength(1);
    // The next threshold, typed while the first save is under way: its save goes out too.
    store.getState().setRuleOption('session/n-plus-one', 'minCalls', 3);
    await tick();
    expect(settings.writes).toHaveLength(2);
    // The first save lands. The second is still on its way: closing the page now could lose it.
    settings.writes[0]!();
    await tick();
    expect(store.getState().save.state).toBe('pending');
    settings.writes[1]!();
    await tick();
    expect(store.getState().save.state).toBe('saved');
    expect(settings.current.ruleOptions).toEqual({
      'session/retry-too-soon': { toleranceMs: 60_000 },
      'session/n-plus-one': { minCalls: 3 },
    });
    stop();
  });
});
