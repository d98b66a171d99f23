import type { SettingsStore } from '../ports';
import { settingsStoreOver } from '../settings-storage';
import { chromeStorageArea } from './storage-area';

/**
 * chrome.storage.sync, so a user's conventions follow them to every Chrome they sign in to;
 * settings too big for sync's 8 KB per item live in chrome.storage.local instead.
 */
export function chromeSettingsStore(): SettingsStore {
  return settingsStoreOver(chromeStorageArea('sync'), chromeStorageArea('local'));
}
