import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PermissionsPort, ProfileStore, SettingsStore } from '../adapters/ports';
import { knownRuleIds } from '../core/profiles/registry';
import { BUILTIN_PROFILE_IDS } from '../core/profiles/builtins';
import { describeScope } from '../core/profiles/scope';
import type { ProfileScope } from '../core/profiles/types';
import { parseProfileText, validateScope } from '../core/profiles/validate';
import type { ProfileId } from '../core/rules/types';
import { optionProblem, optionsOfId } from '../core/settings/rule-options';
import { defaultSettings, type RuleSetting, type Settings } from '../core/settings/schema';
import type { InvalidStoredProfile } from '../core/profiles/user';
import { mergedSettingsStore, type MergedSettingsStore } from './merged-settings';
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
  /** Saved, but not where settings usually go (too big for Chrome sync): said out loud. */
  note?: string;
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
  /** What the last profile import (or scope edit) said: path-named errors, or what was added. */
  profileResult: ImportResult | null;
  /**
   * Stored profile documents this version cannot read (a newer version's, or corrupted): kept in
   * storage untouched, listed with the validator's errors until the user exports or deletes them.
   */
  unreadableProfiles: InvalidStoredProfile[];
  /** What the stored settings hold that this version cannot read (kept as stored, not used), by place. */
  unreadableSettings: string[];
  /** Why the last delete of one of them failed. */
  unreadableError: string | null;

  /** Loads the settings and follows changes made elsewhere. Returns the way to stop. */
  start(): () => void;
  /** Edits the settings; the save is debounced so typing does not write on every key. */
  update(recipe: (draft: Settings) => void): void;
  setProfile(id: ProfileId, on: boolean): void;
  /** Validates a profile file and adds it (on), replacing one of the same id; saves nothing on error. */
  importProfile(text: string, fileName?: string): void;
  /** Shows why a profile file could not even be read. */
  profileFailed(message: string): void;
  removeProfile(id: ProfileId): void;
  /** Offers an unreadable stored profile as a file, exactly as stored. */
  exportUnreadableProfile(profile: InvalidStoredProfile): void;
  /** Deletes an unreadable stored profile from storage (the only way one ever goes). */
  deleteUnreadableProfile(profile: InvalidStoredProfile): Promise<void>;
  /** Sets where a profile applies; null restores its document's scope. Returns the errors, if any. */
  setScope(id: ProfileId, scope: ProfileScope | null): string[];
  setRule(id: string, value: RuleSetting | 'default'): void;
  /**
   * Sets one of a rule's options (`ruleOptions`); null goes back to the rule's default. A value
   * the rule does not accept changes nothing: the message (naming the field) is returned.
   */
  setRuleOption(id: string, name: string, value: number | null): string | null;
  /** Every option of one rule back to its default. */
  resetRuleOptions(id: string): void;
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
  /** Where user profiles live (chrome.storage.local); without one they stay in the settings. */
  profiles?: ProfileStore;
  permissions: PermissionsPort;
  /** Offers a file to the user (Blob + a[download] in the page). */
  download: (fileName: string, text: string) => void;
  debounceMs?: number;
}

export function createOptionsStore(deps: OptionsDeps): OptionsStore {
  const debounceMs = deps.debounceMs ?? 300;
  // User profiles' documents in local storage, references to them in the synced settings.
  const merged: MergedSettingsStore | null = deps.profiles
    ? mergedSettingsStore(deps.settings, deps.profiles)
    : null;
  const store: SettingsStore = merged ?? deps.settings;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = 0;

  return createStore<OptionsState>()((set, get) => {
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
        const merged = structuredClone(get().settings);
        const outcome = await store.save(merged);
        result = { state: 'saved', ...(outcome.note !== undefined ? { note: outcome.note } : {}) };
        set({ save: timer ? { state: 'pending' } : result });
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

    /** Replaces everything but monitoring, which only its own switch (and Chrome's prompt) may change. */
    function replaceAll(next: Settings): Promise<SaveState> {
      const s = structuredClone(next);
      s.capture.monitoring = get().settings.capture.monitoring;
      set({ settings: s, revision: get().revision + 1 });
      return persist();
    }

    return {
      phase: 'loading',
      settings: defaultSettings(),
      revision: 0,
      save: { state: 'idle' },
      query: '',
      monitoring: { pending: false, granted: null, note: null },
      importResult: null,
      profileResult: null,
      unreadableProfiles: [],
      unreadableError: null,
      unreadableSettings: [],

      start() {
        let stopped = false;
        /** Settings another context saved while the load was under way: newer than what it read. */
        let savedMeanwhile: Settings | null = null;
        const follow = (next: Settings) => {
          if (stopped) return;
          set({
            unreadableSettings: store.unreadable?.() ?? [],
            ...(merged ? { unreadableProfiles: merged.unreadableProfiles() } : {}),
          });
          if (beforeLoad) {
            savedMeanwhile = next;
            return;
          }
          // Our own pending edits win over an echo or an older save from elsewhere.
          if (stopped || timer || inFlight > 0) return;
          if (JSON.stringify(next) === JSON.stringify(get().settings)) return;
          set({ settings: next, revision: get().revision + 1 });
        };
        const offSettings = store.subscribe(follow);
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
        let loadFailed: string | null = null;
        void Promise.all([
          store.load().catch((e: unknown) => {
            loadFailed = String((e as Error)?.message ?? e);
            return defaultSettings();
          }),
          deps.permissions.hasMonitoring().catch(() => false),
        ]).then(([loaded, granted]) => {
          if (stopped) return;
          if (loadFailed !== null && savedMeanwhile === null) {
            // The defaults are shown, but saving them would replace settings that are stored
            // and only could not be read: edits stay unsaved until a reload reads them.
            set({
              phase: 'ready',
              settings: loaded,
              revision: get().revision + 1,
              monitoring: { pending: false, granted, note: null },
              save: {
                state: 'error',
                error: clipMessage(
                  `your stored settings could not be read (${loadFailed}); changes here are not saved, so they cannot replace them. Reload the page to try again.`,
                ),
              },
            });
            return;
          }
          const settings = structuredClone(savedMeanwhile ?? loaded);
          const edits = beforeLoad ?? [];
          beforeLoad = null;
          for (const recipe of edits) recipe(settings);
          if (edits.length > 0) schedule();
          const note =
            settings.capture.monitoring && !granted
              ? 'Monitoring is on in your synced settings, but this browser has not granted access to all sites: switch it off and on again to grant it.'
              : null;
          set({
            phase: 'ready',
            unreadableProfiles: merged?.unreadableProfiles() ?? [],
            unreadableSettings: store.unreadable?.() ?? [],
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
          const known = [...BUILTIN_PROFILE_IDS, ...d.userProfiles.map((p) => p.id)];
          d.profiles = known.filter((p) => (p === id ? on : d.profiles.includes(p)));
        });
      },

      importProfile(text, fileName = 'the file') {
        const parsed = parseProfileText(text);
        if (!parsed.ok) {
          const errors = parsed.errors.slice(0, 30).map((e) => clipMessage(`${fileName}: ${e}`));
          set({ profileResult: { ok: false, errors } });
          return;
        }
        const doc = parsed.profile;
        const replaced = get().settings.userProfiles.some((p) => p.id === doc.id);
        edit((d) => {
          d.userProfiles = [...d.userProfiles.filter((p) => p.id !== doc.id), doc];
          // The imported document's scope is the one to use; a scope edited for the old one goes.
          delete d.profileScopes[doc.id];
          if (!d.profiles.includes(doc.id)) d.profiles.push(doc.id);
        });
        set({
          profileResult: {
            ok: true,
            message: clipMessage(
              `${replaced ? 'Replaced' : 'Imported'} profile “${doc.name}” from ${fileName}. It is on, and applies to ${describeScope(doc.scope)}.`,
            ),
          },
        });
      },

      profileFailed(message) {
        set({ profileResult: { ok: false, errors: [clipMessage(message)] } });
      },

      removeProfile(id) {
        if (!get().settings.userProfiles.some((p) => p.id === id)) return;
        edit((d) => {
          d.userProfiles = d.userProfiles.filter((p) => p.id !== id);
          d.profiles = d.profiles.filter((p) => p !== id);
          delete d.profileScopes[id];
          // Its rules' severities go with it (a user profile's id is no built-in rule family).
          for (const rule of Object.keys(d.rules)) if (rule.startsWith(`${id}/`)) delete d.rules[rule];
        });
        set({ profileResult: null });
      },

      exportUnreadableProfile(profile) {
        const base = profile.label.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'profile';
        deps.download(`${base}.json`, `${JSON.stringify(profile.raw, null, 2)}\n`);
      },

      async deleteUnreadableProfile(profile) {
        if (!merged) return;
        try {
          await merged.deleteUnreadableProfile(profile.raw);
          set({ unreadableProfiles: merged.unreadableProfiles(), unreadableError: null });
        } catch (e) {
          set({
            unreadableError: clipMessage(
              `“${profile.label}” was not deleted: ${String((e as Error)?.message ?? e)}`,
            ),
          });
        }
      },

      setScope(id, scope) {
        if (scope === null) {
          edit((d) => {
            delete d.profileScopes[id];
          });
          return [];
        }
        const r = validateScope(scope, 'scope');
        if (!r.ok) return r.errors;
        edit((d) => {
          d.profileScopes = { ...d.profileScopes, [id]: r.scope };
        });
        return [];
      },

      setRule(id, value) {
        // The registry's rules, and those built-in and user profiles' data generates.
        if (!knownRuleIds(get().settings.userProfiles).has(id)) return;
        edit((d) => {
          if (value === 'default') delete d.rules[id];
          else d.rules[id] = value;
        });
      },

      setRuleOption(id, name, value) {
        const spec = optionsOfId(id).find((o) => o.name === name);
        if (!spec) return `${id} ${name}: unknown option`;
        const problem = value === null ? null : optionProblem(spec, value);
        if (problem !== null) return `${id} ${name}: ${problem}`;
        edit((d) => {
          // Other rules' options, and this rule's others, stay as they are (imported ones too).
          const own = { ...d.ruleOptions?.[id] };
          if (value === null) delete own[name];
          else own[name] = value;
          const all = { ...d.ruleOptions };
          if (Object.keys(own).length > 0) all[id] = own;
          else delete all[id];
          d.ruleOptions = all;
        });
        return null;
      },

      resetRuleOptions(id) {
        if (!get().settings.ruleOptions?.[id]) return;
        edit((d) => {
          const all = { ...d.ruleOptions };
          delete all[id];
          d.ruleOptions = all;
        });
      },

      setQuery: (query) => set({ query }),

      reset() {
        // Imported profiles are the user's own documents, not settings: they stay (switched off).
        void replaceAll({ ...defaultSettings(), userProfiles: get().settings.userProfiles });
        set({ importResult: null });
      },

      importText(text, fileName = 'the file') {
        const read = readSettingsFile(text, fileName, get().settings);
        const { settings } = read;
        let { result } = read;
        if (!settings || !result.ok) {
          set({ importResult: result });
          return;
        }
        // The user's own profile documents are never lost to a settings file that lacks them:
        // they stay, switched off (as on reset); the file's replace those of the same id.
        const kept = get().settings.userProfiles.filter(
          (p) => !settings.userProfiles.some((d) => d.id === p.id),
        );
        if (kept.length > 0) {
          settings.userProfiles = [...settings.userProfiles, ...kept];
          result = {
            ...result,
            message: clipMessage(
              `${result.message} Your profiles not in the file were kept, switched off: ${kept.map((p) => p.name).join(', ')}.`,
            ),
          };
        }
        const before = get().settings;
        set({
          importResult: {
            ok: true,
            pending: true,
            message: `Saving the settings from ${clipMessage(fileName)}…`,
          },
        });
        void replaceAll(settings).then((saved) => {
          if (saved.state === 'error') {
            // Never "Imported" for settings that are not stored: the page goes back to what
            // is stored, and says why.
            set({
              settings: before,
              revision: get().revision + 1,
              importResult: {
                ok: false,
                errors: [
                  clipMessage(`${fileName} is valid, but the settings could not be saved: ${saved.error}`),
                ],
              },
            });
            return;
          }
          set({
            importResult: saved.note ? { ...result, message: `${result.message} ${saved.note}` } : result,
          });
        });
      },

      keepRedacting() {
        const result = get().importResult;
        if (!result?.ok || !result.unredacted) return;
        const { headers, queryParams, bodyMembers } = result.unredacted;
        edit((d) => {
          d.redaction.headers.push(...headers.filter((h) => !d.redaction.headers.includes(h)));
          d.redaction.queryParams.push(...queryParams.filter((q) => !d.redaction.queryParams.includes(q)));
          d.redaction.bodyMembers.push(...bodyMembers.filter((m) => !d.redaction.bodyMembers.includes(m)));
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
        return timer ? persist().then(() => undefined) : Promise.resolve();
      },
    };
  });
}
