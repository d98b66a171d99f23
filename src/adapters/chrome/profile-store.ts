import type { ProfileStore } from '../ports';
import { profileStoreOver } from '../profile-storage';
import { chromeStorageArea } from './storage-area';

/** User profiles' documents in chrome.storage.local; the synced settings refer to them. */
export function chromeProfileStore(): ProfileStore {
  return profileStoreOver(chromeStorageArea('local'));
}
