import { parseUserProfiles, storedUserProfiles } from '../core/profiles/user';
import type { ProfileStore, StorageArea } from './ports';

/** The key user profiles are kept under in chrome.storage.local. */
export const USER_PROFILES_KEY = 'userProfiles';

/**
 * User profile documents in one storage area (chrome.storage.local: profiles can be larger than
 * chrome.storage.sync allows an item, 8 KB). Read leniently: an invalid stored document does
 * not stop the rest, and is kept (`invalid`) and written back untouched by every save.
 */
export function profileStoreOver(local: StorageArea): ProfileStore {
  return {
    async load() {
      return parseUserProfiles(await local.get(USER_PROFILES_KEY));
    },
    async save(profiles) {
      await local.set({ [USER_PROFILES_KEY]: storedUserProfiles(profiles) });
    },
    subscribe(listener) {
      return local.onChanged((changes) => {
        if (USER_PROFILES_KEY in changes) listener(parseUserProfiles(changes[USER_PROFILES_KEY]!.newValue));
      });
    },
  };
}
