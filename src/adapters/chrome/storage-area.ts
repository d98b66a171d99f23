import type { StorageArea } from '../ports';

/** chrome.storage.sync or chrome.storage.local as a StorageArea. */
export function chromeStorageArea(name: 'sync' | 'local'): StorageArea {
  const area = chrome.storage[name];
  return {
    async get(key) {
      return (await area.get(key))[key];
    },
    async set(items) {
      await area.set(items);
    },
    async remove(key) {
      await area.remove(key);
    },
    onChanged(listener) {
      const handler = (changes: Record<string, chrome.storage.StorageChange>, areaName: string) => {
        if (areaName === name) listener(changes);
      };
      chrome.storage.onChanged.addListener(handler);
      return () => chrome.storage.onChanged.removeListener(handler);
    },
  };
}
