import type { ProfileStore, SettingsStore } from '../adapters/ports';
import {
  NO_USER_PROFILES,
  splitUserProfiles,
  withUserProfiles,
  type UserProfiles,
} from '../core/profiles/user';
import type { Settings } from '../core/settings/schema';

/**
 * One SettingsStore over two: the synced settings and the user's profiles (local storage). The
 * panel reads and writes settings through it, so the engine sees user profiles and a profile
 * switched on from the panel lands where the options page keeps it.
 */
export function mergedSettingsStore(settings: SettingsStore, profiles: ProfileStore): SettingsStore {
  let lastSynced: Settings | null = null;
  let lastUser: UserProfiles = NO_USER_PROFILES;
  return {
    async load() {
      const [synced, user] = await Promise.all([
        settings.load(),
        profiles.load().catch(() => NO_USER_PROFILES),
      ]);
      lastSynced = synced;
      lastUser = user;
      return withUserProfiles(synced, user);
    },
    async save(next) {
      const { synced, user } = splitUserProfiles(next);
      const [outcome] = await Promise.all([settings.save(synced), profiles.save(user)]);
      return outcome;
    },
    subscribe(listener) {
      const offSettings = settings.subscribe((synced) => {
        lastSynced = synced;
        listener(withUserProfiles(synced, lastUser));
      });
      const offProfiles = profiles.subscribe((user) => {
        lastUser = user;
        if (lastSynced) listener(withUserProfiles(lastSynced, user));
      });
      return () => {
        offSettings();
        offProfiles();
      };
    },
  };
}
