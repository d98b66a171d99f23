import type { SessionArea } from '../ports';

export function chromeSessionArea(): SessionArea {
  return {
    async get<T>(key: string) {
      const got = await chrome.storage.session.get(key);
      return got[key] as T | undefined;
    },
    set: (key, value) => chrome.storage.session.set({ [key]: value }),
    remove: (key) => chrome.storage.session.remove(key),
  };
}
