import { parseUserProfiles } from '../../core/profiles/user';
import type { ProfileStore } from '../ports';

const KEY = 'userProfiles';

/**
 * chrome.storage.local: user profiles can be larger than chrome.storage.sync allows an item
 * (8 KB), and local storage has room. Read leniently: an invalid stored document is dropped.
 */
export function chromeProfileStore(): ProfileStore {
  return {
    async load() {
      const got = await chrome.storage.local.get(KEY);
      return parseUserProfiles(got[KEY]);
    },
    async save(profiles) {
      await chrome.storage.local.set({ [KEY]: profiles });
    },
    subscribe(listener) {
      const handler = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
        if (area === 'local' && changes[KEY]) listener(parseUserProfiles(changes[KEY].newValue));
      };
      chrome.storage.onChanged.addListener(handler);
      return () => chrome.storage.onChanged.removeListener(handler);
    },
  };
}
