import { createStore, type StoreApi } from 'zustand/vanilla';
import { defaultSettings } from '../core/settings/schema';
import { createOptionsContext } from './options/context';
import { monitoringActions } from './options/monitoring';
import { profileActions } from './options/profiles';
import { ruleActions } from './options/rules';
import { settingsFileActions } from './options/settings-file-actions';
import { startAction } from './options/start';
import type { OptionsDeps, OptionsState } from './options/types';

export type { MonitoringState, OptionsDeps, OptionsState, SaveState, UnsavedDraft } from './options/types';

export type OptionsStore = StoreApi<OptionsState>;

/**
 * The options page's store. Its actions live in src/state/options/ by concern (loading and
 * following, profiles, rules, the settings file, monitoring), each over one OptionsContext:
 * the state and the one debounced way an edit reaches storage.
 */
export function createOptionsStore(deps: OptionsDeps): OptionsStore {
  return createStore<OptionsState>()((set, get) => {
    const ctx = createOptionsContext(deps, set, get);
    return {
      phase: 'loading',
      settings: defaultSettings(),
      revision: 0,
      save: { state: 'idle' },
      drafts: [],
      query: '',
      monitoring: { pending: false, granted: null, note: null },
      importResult: null,
      profileResult: null,
      unreadableProfiles: [],
      unreadableError: null,
      unreadableSettings: [],

      start: startAction(ctx),
      update: ctx.edit,
      setQuery: (query) => set({ query }),
      setDraft(key, draft) {
        const had = get().drafts;
        const at = had.findIndex((d) => d.key === key);
        const was = at >= 0 ? had[at] : undefined;
        if (!draft) {
          if (was) set({ drafts: had.filter((d) => d.key !== key) });
          return;
        }
        if (
          was &&
          was.field === draft.field &&
          was.enterSaves === draft.enterSaves &&
          was.valid === draft.valid
        )
          return;
        const next = { key, ...draft };
        set({ drafts: at >= 0 ? had.map((d, i) => (i === at ? next : d)) : [...had, next] });
      },
      flush: ctx.flush,
      ...profileActions(ctx),
      ...ruleActions(ctx),
      ...settingsFileActions(ctx),
      ...monitoringActions(ctx),
    };
  });
}
