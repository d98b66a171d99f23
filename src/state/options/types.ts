import type { PermissionsPort, ProfileStore, SettingsStore } from '../../adapters/ports';
import type { InvalidStoredProfile } from '../../core/profiles/user';
import type { ProfileScope } from '../../core/profiles/types';
import type { ProfileId } from '../../core/rules/types';
import type { RuleSetting, Settings } from '../../core/settings/schema';
import type { ImportResult } from '../settings-file';

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

/** A typed field holding text not saved yet (use-draft-field.ts): the page must not say "Saved" meanwhile. */
export interface UnsavedDraft {
  /** Which field (one per mounted field). */
  key: string;
  /** The field as the status names it ("Requests kept in the panel"). */
  field: string;
  /** Enter saves it (a one-line field); a list saves when left. */
  enterSaves: boolean;
  /** What is typed can be saved; otherwise the field says why not. */
  valid: boolean;
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
  /** Fields holding an unsaved draft, in the order they began one. */
  drafts: readonly UnsavedDraft[];
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
  /** Offers one of the shipped example profiles as a file, to start one's own from. */
  downloadExampleProfile(): void;
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
  /** A field's draft began, changed or ended (null: saved, given up, or the field is gone). */
  setDraft(key: string, draft: Omit<UnsavedDraft, 'key'> | null): void;
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

export interface OptionsDeps {
  settings: SettingsStore;
  /** Where user profiles live (chrome.storage.local); without one they stay in the settings. */
  profiles?: ProfileStore;
  permissions: PermissionsPort;
  /** Offers a file to the user (Blob + a[download] in the page). */
  download: (fileName: string, text: string) => void;
  debounceMs?: number;
}
