import type { SettingsStore } from '../adapters/ports';
import { defaultSettings, type Settings } from '../core/settings/schema';

/** What a surface opens on: the stored settings, or the defaults and why storage could not be read. */
export interface SettingsRead {
  settings: Settings;
  /** Chrome's (or the reader's) reason the stored settings could not be read at all; null when they were. */
  unreadable: string | null;
}

/**
 * The stored settings, or — when storage cannot be read at all (Chrome refused the read, the
 * stored document is not an object) — the defaults and the reason, so a surface still opens.
 * What the surface says and does about it is its own: the panel saves nothing because every
 * edit of its re-reads first (settings-edits.ts), while the options page, which saves what it
 * shows, refuses to save over storage it could not read (options/start.ts).
 */
export async function settingsOrDefaults(store: Pick<SettingsStore, 'load'>): Promise<SettingsRead> {
  try {
    return { settings: await store.load(), unreadable: null };
  } catch (e) {
    return { settings: defaultSettings(), unreadable: String((e as Error)?.message ?? e) };
  }
}

/**
 * The settings the panel starts with, and what to tell the user when they are the defaults
 * because storage could not be read: the stored settings are left as they are, since every
 * save goes through a fresh read that fails the same way.
 */
export async function startingSettings(
  store: Pick<SettingsStore, 'load'>,
): Promise<{ settings: Settings; problem: string | null }> {
  const { settings, unreadable } = await settingsOrDefaults(store);
  return {
    settings,
    problem:
      unreadable === null
        ? null
        : `Your stored settings could not be read (${unreadable}): the panel uses the defaults and saves nothing over them.`,
  };
}
