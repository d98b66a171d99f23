import { RULE_IDS } from '../../core/rules/registry';
import { defaultSettings, parseSettings, type Settings } from '../../core/settings/schema';
import type { SettingsStore } from '../ports';

const KEY = 'settings';

/** Reads stored settings leniently: a corrupt or outdated value falls back to defaults, never crashes a surface. */
function fromStored(value: unknown): Settings {
  if (value === undefined) return defaultSettings();
  const parsed = parseSettings(value, RULE_IDS);
  return parsed.ok ? parsed.settings : defaultSettings();
}

/** chrome.storage.sync, so a user's conventions follow them to every Chrome they sign in to. */
export function chromeSettingsStore(): SettingsStore {
  return {
    async load() {
      const got = await chrome.storage.sync.get(KEY);
      return fromStored(got[KEY]);
    },
    async save(settings) {
      await chrome.storage.sync.set({ [KEY]: settings });
    },
    subscribe(listener) {
      const handler = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
        if (area === 'sync' && changes[KEY]) listener(fromStored(changes[KEY].newValue));
      };
      chrome.storage.onChanged.addListener(handler);
      return () => chrome.storage.onChanged.removeListener(handler);
    },
  };
}
