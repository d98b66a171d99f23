import type { ProfileStore, SaveOutcome, SettingsStore } from '../adapters/ports';
import {
  foreignReferences,
  NO_USER_PROFILES,
  splitUserProfiles,
  withUserProfiles,
  type ForeignReferences,
  type UserProfiles,
} from '../core/profiles/user';
import type { Settings } from '../core/settings/schema';

const idsOf = (user: UserProfiles) => new Set(user.profiles.map((p) => p.id));

/** Whether what is stored is in an earlier shape: documents in sync, or which are on in local storage. */
const needsMigration = (synced: Settings, user: UserProfiles) =>
  synced.userProfiles.length > 0 || user.enabled !== undefined;

/**
 * One SettingsStore over two: the synced settings (references: which user profiles are on,
 * their scopes, their rules' severities) and the user's profile documents (local storage). Every
 * surface reads and writes settings through it, so the engine sees user profiles and a profile
 * switched on from the panel lands where the options page keeps it.
 *
 * On load, settings stored in an earlier shape are moved to this one, in an order that loses
 * nothing if a step fails: documents into local storage first, then the synced references,
 * and only then the old `enabled` list goes.
 */
export function mergedSettingsStore(settings: SettingsStore, profiles: ProfileStore): SettingsStore {
  let lastSynced: Settings | null = null;
  let lastUser: UserProfiles = NO_USER_PROFILES;
  /** References to profiles this browser does not hold, as sync last had them. */
  const foreign = (): ForeignReferences | undefined =>
    lastSynced ? foreignReferences(lastSynced, idsOf(lastUser)) : undefined;

  async function write(merged: Settings): Promise<SaveOutcome> {
    const { synced, user } = splitUserProfiles(merged, foreign());
    // A document before any reference to it: a reader never finds a profile on that it lacks.
    await profiles.save(user);
    lastUser = user;
    const outcome = await settings.save(synced);
    lastSynced = synced;
    return outcome;
  }

  async function migrate(synced: Settings, user: UserProfiles): Promise<void> {
    const merged = withUserProfiles(synced, user);
    const { synced: nextSynced } = splitUserProfiles(merged, foreignReferences(synced, idsOf(user)));
    // Documents moved out of sync, with the old `enabled` list still beside them…
    await profiles.save({
      profiles: merged.userProfiles,
      ...(user.enabled ? { enabled: user.enabled } : {}),
    });
    // …then the references in sync…
    await settings.save(nextSynced);
    lastSynced = nextSynced;
    // …and only then the old list goes.
    const done: UserProfiles = { profiles: merged.userProfiles };
    await profiles.save(done);
    lastUser = done;
  }

  return {
    async load() {
      const [synced, user] = await Promise.all([
        settings.load(),
        profiles.load().catch(() => NO_USER_PROFILES),
      ]);
      lastSynced = synced;
      lastUser = user;
      if (needsMigration(synced, user)) {
        // Should a step fail, the old shape stays readable (and is read the same way) until next time.
        await migrate(synced, user).catch(() => undefined);
      }
      return withUserProfiles(synced, user);
    },
    save: write,
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
