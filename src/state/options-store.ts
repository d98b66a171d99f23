import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PermissionsPort, SettingsStore } from '../adapters/ports';
import { RULE_IDS } from '../core/rules/registry';
import { PROFILE_IDS, type ProfileId } from '../core/rules/types';
import { defaultSettings, type RuleSetting, type Settings } from '../core/settings/schema';
import {
  clipMessage,
  exportText,
  readSettingsFile,
  SETTINGS_FILE_NAME,
  type ImportResult,
} from './settings-file';

export interface MonitoringState {
  /** Chrome's permission prompt is open. */
  pending: boolean;
  /** Whether this browser holds the access monitoring needs; null until known. */
  granted: boolean | null;
  note: string | null;
}

export interface SaveState {
  state: 'idle' | 'pending' | 'saved' | 'error';
  error?: string;
}

export interface OptionsState {
  phase: 'loading' | 'ready';
  settings: Settings;
  /**
   * Bumped whenever the settings are replaced wholesale (load, reset, import, another page's
   * save), so fields that keep their own text while the user types re-read them.
   */
  revision: number;
  save: SaveState;
  query: string;
  monitoring: MonitoringState;
  importResult: ImportResult | null;

  /** Loads the settings and follows changes made elsewhere. Returns the way to stop. */
  start(): () => void;
  /** Edits the settings; the save is debounced so typing does not write on every key. */
  update(recipe: (draft: Settings) => void): void;
  setProfile(id: ProfileId, on: boolean): void;
  setRule(id: string, value: RuleSetting | 'default'): void;
  setQuery(query: string): void;
  reset(): void;
  importText(text: string, fileName?: string): void;
  /** Shows why a file could not even be read (too large, unreadable). */
  importFailed(message: string): void;
  /** Adds back the redaction names the last import removed. */
  keepRedacting(): void;
  exportSettings(): void;
  /** Call synchronously from the click: Chrome only shows its permission prompt during a user gesture. */
  setMonitoring(on: boolean): void;
  /** Writes a pending debounced save now. */
  flush(): Promise<void>;
}

export type OptionsStore = StoreApi<OptionsState>;

export interface OptionsDeps {
  settings: SettingsStore;
  permissions: PermissionsPort;
  /** Offers a file to the user (Blob + a[download] in the page). */
  download: (fileName: string, text: string) => void;
  debounceMs?: number;
}

export function createOptionsStore(deps: OptionsDeps): OptionsStore {
  const debounceMs = deps.debounceMs ?? 300;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = 0;

  return createStore<OptionsState>()((set, get) => {
    async function persist() {
      if (timer) clearTimeout(timer);
      timer = null;
      inFlight++;
      set({ save: { state: 'pending' } });
      try {
        await deps.settings.save(structuredClone(get().settings));
        set({ save: { state: timer ? 'pending' : 'saved' } });
      } catch (e) {
        // chrome.storage.sync has small quotas (8 KiB per item, 120 writes a minute).
        set({ save: { state: 'error', error: clipMessage(String((e as Error)?.message ?? e)) } });
      } finally {
        inFlight--;
      }
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
      schedule();
    }

    /** Replaces everything but monitoring, which only its own switch (and Chrome's prompt) may change. */
    function replaceAll(next: Settings) {
      const s = structuredClone(next);
      s.capture.monitoring = get().settings.capture.monitoring;
      set({ settings: s, revision: get().revision + 1 });
      void persist();
    }

    return {
      phase: 'loading',
      settings: defaultSettings(),
      revision: 0,
      save: { state: 'idle' },
      query: '',
      monitoring: { pending: false, granted: null, note: null },
      importResult: null,

      start() {
        let stopped = false;
        const offSettings = deps.settings.subscribe((next) => {
          // Our own pending edits win over an echo or an older save from elsewhere.
          if (stopped || timer || inFlight > 0) return;
          if (JSON.stringify(next) === JSON.stringify(get().settings)) return;
          set({ settings: next, revision: get().revision + 1 });
        });
        const offPermissions = deps.permissions.onChanged((granted) => {
          if (stopped) return;
          set({ monitoring: { ...get().monitoring, granted } });
          if (!granted && get().settings.capture.monitoring && !get().monitoring.pending) {
            edit((d) => {
              d.capture.monitoring = false;
            });
            set({
              monitoring: {
                ...get().monitoring,
                note: 'Chrome’s access to all sites was withdrawn, so monitoring is off.',
              },
            });
          }
        });
        void Promise.all([
          deps.settings.load().catch(() => defaultSettings()),
          deps.permissions.hasMonitoring().catch(() => false),
        ]).then(([settings, granted]) => {
          if (stopped) return;
          const note =
            settings.capture.monitoring && !granted
              ? 'Monitoring is on in your synced settings, but this browser has not granted access to all sites: switch it off and on again to grant it.'
              : null;
          set({
            phase: 'ready',
            settings,
            revision: get().revision + 1,
            monitoring: { pending: false, granted, note },
          });
        });
        return () => {
          stopped = true;
          offSettings();
          offPermissions();
        };
      },

      update: edit,

      setProfile(id, on) {
        edit((d) => {
          d.profiles = PROFILE_IDS.filter((p) => (p === id ? on : d.profiles.includes(p)));
        });
      },

      setRule(id, value) {
        if (!RULE_IDS.has(id)) return;
        edit((d) => {
          if (value === 'default') delete d.rules[id];
          else d.rules[id] = value;
        });
      },

      setQuery: (query) => set({ query }),

      reset() {
        replaceAll(defaultSettings());
        set({ importResult: null });
      },

      importText(text, fileName = 'the file') {
        const { result, settings } = readSettingsFile(text, fileName, get().settings);
        if (settings) replaceAll(settings);
        set({ importResult: result });
      },

      keepRedacting() {
        const result = get().importResult;
        if (!result?.ok || !result.unredacted) return;
        const { headers, queryParams } = result.unredacted;
        edit((d) => {
          d.redaction.headers.push(...headers.filter((h) => !d.redaction.headers.includes(h)));
          d.redaction.queryParams.push(...queryParams.filter((q) => !d.redaction.queryParams.includes(q)));
        });
        set({ importResult: { ok: true, message: `${result.message} Redaction kept as it was.` } });
      },

      importFailed(message) {
        set({ importResult: { ok: false, errors: [clipMessage(message)] } });
      },

      exportSettings() {
        deps.download(SETTINGS_FILE_NAME, exportText(get().settings));
      },

      setMonitoring(on) {
        if (get().monitoring.pending) return;
        if (!on) {
          edit((d) => {
            d.capture.monitoring = false;
          });
          set({ monitoring: { ...get().monitoring, note: null } });
          void deps.permissions.removeMonitoring().catch(() => undefined);
          return;
        }
        // Asked before anything else runs, while the click's user gesture still holds.
        const request = deps.permissions.requestMonitoring();
        set({
          monitoring: {
            ...get().monitoring,
            pending: true,
            note: 'Waiting for your answer to Chrome’s permission prompt…',
          },
        });
        void request
          .catch(() => false)
          .then((granted) => {
            if (granted) {
              edit((d) => {
                d.capture.monitoring = true;
              });
              set({ monitoring: { pending: false, granted: true, note: null } });
            } else {
              set({
                monitoring: {
                  pending: false,
                  granted: false,
                  note: 'Chrome did not grant access to all sites, so monitoring stays off.',
                },
              });
            }
          });
      },

      flush() {
        return timer ? persist() : Promise.resolve();
      },
    };
  });
}
