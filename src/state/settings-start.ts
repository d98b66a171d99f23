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

/** startingSettings, and the changes saved since: `changes` has one follower, the panel's capture. */
export interface OpeningSettings {
  settings: Settings;
  problem: string | null;
  changes: Pick<SettingsStore, 'subscribe'>;
}

/**
 * The settings the panel opens with, following changes from before the read: it subscribes
 * first, so a save made while the read is under way (chrome.storage answers from what it held
 * when asked, and announces the save before the panel would otherwise listen) is not lost.
 * A change announced before the read answered is the newer one; one announced before the
 * follower subscribes is handed to it when it does.
 */
export async function openingSettings(
  store: Pick<SettingsStore, 'load' | 'subscribe'>,
): Promise<OpeningSettings> {
  let meanwhile: Settings | null = null;
  let follower: ((settings: Settings) => void) | null = null;
  const off = store.subscribe((settings) => {
    if (follower) follower(settings);
    else meanwhile = settings;
  });
  const read = await startingSettings(store);
  const opened: Settings | null = meanwhile;
  meanwhile = null;
  return {
    // Announced settings were read, whatever the first read said.
    ...(opened ? { settings: opened, problem: null } : read),
    changes: {
      subscribe(listener) {
        follower = listener;
        const missed: Settings | null = meanwhile;
        meanwhile = null;
        if (missed) listener(missed);
        return () => {
          follower = null;
          off();
        };
      },
    },
  };
}
