import type { SettingsStore } from '../../adapters/ports';
import type { Settings } from '../../core/settings/schema';
import { mergedSettingsStore, type MergedSettingsStore } from '../merged-settings';
import { clipMessage } from '../settings-file';
import type { OptionsDeps, OptionsState, SaveState } from './types';

/**
 * What every action module of the options store works through: the state, the one way an
 * edit reaches storage (debounced, never before the stored settings arrived), and the stores.
 * The factory builds one per options store and hands it to each module.
 */
export interface OptionsContext {
  deps: OptionsDeps;
  /** Every load and save goes through it: the settings merged with the profile store, when there is one. */
  store: SettingsStore;
  /** The merged store, for the stored profiles it could not read; null without a profile store. */
  merged: MergedSettingsStore | null;
  get(): OptionsState;
  set(partial: Partial<OptionsState>): void;
  /** Edits the settings and schedules a save; before the load, queues the edit to apply over it. */
  edit(recipe: (draft: Settings) => void): void;
  /** Replaces everything but monitoring, which only its own switch (and Chrome's prompt) may change; saves now. */
  replaceAll(next: Settings): Promise<SaveState>;
  /** Writes a pending debounced save now. */
  flush(): Promise<void>;
  /** The stored settings have not arrived yet: edits are queued and nothing is saved. */
  loading(): boolean;
  /** An edit made here is waiting to be saved, or being saved: it wins over what arrives from elsewhere. */
  busy(): boolean;
  /** The load is over: `settings` with the edits queued meanwhile applied (their save scheduled). */
  loaded(settings: Settings): Settings;
}

export function createOptionsContext(
  deps: OptionsDeps,
  set: (partial: Partial<OptionsState>) => void,
  get: () => OptionsState,
): OptionsContext {
  const debounceMs = deps.debounceMs ?? 300;
  // User profiles' documents in local storage, references to them in the synced settings.
  const merged: MergedSettingsStore | null = deps.profiles
    ? mergedSettingsStore(deps.settings, deps.profiles)
    : null;
  const store: SettingsStore = merged ?? deps.settings;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = 0;
  /**
   * Edits made before the stored settings arrive (a click as the page opens, a permission
   * change): shown at once, and applied again over the stored settings when they arrive, so
   * the load neither undoes the edit nor is the edit saved over the defaults shown meanwhile.
   */
  let beforeLoad: ((draft: Settings) => void)[] | null = [];

  /** Saves the current settings; resolves to what happened, never rejects. */
  async function persist(): Promise<SaveState> {
    if (timer) clearTimeout(timer);
    timer = null;
    // Never a save over the defaults shown while the stored settings are still on their way.
    if (beforeLoad) return { state: 'error', error: 'the stored settings are still loading; try again' };
    inFlight++;
    set({ save: { state: 'pending' } });
    let result: SaveState;
    try {
      const current = structuredClone(get().settings);
      const outcome = await store.save(current);
      result = { state: 'saved', ...(outcome.note !== undefined ? { note: outcome.note } : {}) };
      // "Saved" only once nothing is left to write: an edit made meanwhile may already be on
      // its way (its save started before this one landed), and closing the page would lose it.
      set({ save: timer || inFlight > 1 ? { state: 'pending' } : result });
    } catch (e) {
      // chrome.storage.sync has small quotas (8 KiB per item, 120 writes a minute).
      result = { state: 'error', error: clipMessage(String((e as Error)?.message ?? e)) };
      set({ save: result });
    } finally {
      inFlight--;
    }
    return result;
  }

  function schedule() {
    if (timer) clearTimeout(timer);
    set({ save: { state: 'pending' } });
    timer = setTimeout(() => void persist(), debounceMs);
  }

  function edit(recipe: (draft: Settings) => void) {
    const draft = structuredClone(get().settings);
    recipe(draft);
    set({ settings: draft });
    if (beforeLoad) beforeLoad.push(recipe);
    else schedule();
  }

  return {
    deps,
    store,
    merged,
    get,
    set,
    edit,
    replaceAll(next) {
      const s = structuredClone(next);
      s.capture.monitoring = get().settings.capture.monitoring;
      set({ settings: s, revision: get().revision + 1 });
      return persist();
    },
    flush: () => (timer ? persist().then(() => undefined) : Promise.resolve()),
    loading: () => beforeLoad !== null,
    busy: () => timer !== null || inFlight > 0,
    loaded(stored) {
      const settings = structuredClone(stored);
      const edits = beforeLoad ?? [];
      beforeLoad = null;
      for (const recipe of edits) recipe(settings);
      if (edits.length > 0) schedule();
      return settings;
    },
  };
}
