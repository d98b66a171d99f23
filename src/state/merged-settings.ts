import type { ProfileStore, SaveOutcome, SettingsStore } from '../adapters/ports';
import {
  foreignReferences,
  keepUnreadable,
  NO_USER_PROFILES,
  splitUserProfiles,
  withUserProfiles,
  type ForeignReferences,
  type InvalidStoredProfile,
  type UserProfiles,
} from '../core/profiles/user';
import type { Settings } from '../core/settings/schema';

const idsOf = (user: UserProfiles) => new Set(user.profiles.map((p) => p.id));

/** Whether what is stored is in an earlier shape: documents in sync, or which are on in local storage. */
const needsMigration = (synced: Settings, user: UserProfiles) =>
  synced.userProfiles.length > 0 || user.enabled !== undefined;

/** The merged store, and what it keeps of stored profiles this version cannot read. */
export interface MergedSettingsStore extends SettingsStore {
  /** Stored profile documents that fail validation, kept in storage as they were; [] until loaded. */
  unreadableProfiles(): InvalidStoredProfile[];
  /** Deletes one of them (`raw`, as unreadableProfiles() gave it) from storage: only ever the user's explicit choice. */
  deleteUnreadableProfile(raw: unknown): Promise<void>;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

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
export function mergedSettingsStore(settings: SettingsStore, profiles: ProfileStore): MergedSettingsStore {
  let lastSynced: Settings | null = null;
  let lastUser: UserProfiles = NO_USER_PROFILES;
  /** The profiles were read or heard of: until then, merging would drop every user profile. */
  let userKnown = false;
  /**
   * Changes heard from each store. A subscriber subscribes before it reads (openingSettings), so
   * a change heard while a read is under way is newer than what that read answers: the read
   * takes it over its own, and never puts the older copy back.
   */
  let syncedHeard = 0;
  let userHeard = 0;
  /** Why the stored profiles could not be read, if they could not: then no save may replace them. */
  let unread: string | null = null;
  /** References to profiles this browser does not hold, as sync last had them. */
  const foreign = (): ForeignReferences | undefined =>
    lastSynced ? foreignReferences(lastSynced, lastUser.profiles) : undefined;

  async function write(merged: Settings): Promise<SaveOutcome> {
    if (unread !== null) {
      throw new Error(
        `your profiles could not be read from this browser's storage (${unread}), so nothing was saved: it would have replaced them`,
      );
    }
    const split = splitUserProfiles(merged, foreign());
    // Documents this version cannot read go back as they were: only the user deletes them.
    const user = keepUnreadable(split.user, lastUser);
    const synced = split.synced;
    // A document before any reference to it: a reader never finds a profile on that it lacks.
    await profiles.save(user);
    lastUser = user;
    const outcome = await settings.save(synced);
    lastSynced = synced;
    return outcome;
  }

  async function migrate(synced: Settings, user: UserProfiles): Promise<void> {
    const merged = withUserProfiles(synced, user);
    const foreign = foreignReferences(synced, user.profiles);
    // Profiles switched on whose documents this version cannot read stay on, for one that can.
    const unreadableOn = (user.enabled ?? []).filter((id) => !idsOf(user).has(id));
    foreign.profiles = [...new Set([...foreign.profiles, ...unreadableOn])];
    const { synced: nextSynced } = splitUserProfiles(merged, foreign);
    // Documents moved out of sync, with the old `enabled` list still beside them…
    await profiles.save(
      keepUnreadable(
        { profiles: merged.userProfiles, ...(user.enabled ? { enabled: user.enabled } : {}) },
        user,
      ),
    );
    // …then the references in sync…
    await settings.save(nextSynced);
    lastSynced = nextSynced;
    // …and only then the old list goes.
    const done = keepUnreadable({ profiles: merged.userProfiles }, user);
    await profiles.save(done);
    lastUser = done;
  }

  return {
    async load() {
      const syncedBefore = syncedHeard;
      const userBefore = userHeard;
      const readUser = profiles
        .load()
        .then(
          (user) => ({ user, error: null }),
          // The surfaces still work without them; saving is what must wait.
          (e: unknown) => ({ user: NO_USER_PROFILES, error: String((e as Error)?.message ?? e) }),
        )
        .then((read) => {
          // What was heard while reading is what is stored now, whatever this read said.
          if (userHeard === userBefore) {
            lastUser = read.user;
            unread = read.error;
          }
          // Known even should the settings' read fail: a settings change heard next is told.
          userKnown = true;
        });
      const [readSynced] = await Promise.all([settings.load(), readUser]);
      // The newest of each half: what was read, or what was heard since the read began.
      const synced = syncedHeard !== syncedBefore && lastSynced ? lastSynced : readSynced;
      const user = lastUser;
      lastSynced = synced;
      if (unread === null && needsMigration(synced, user)) {
        // Should a step fail, the old shape stays readable (and is read the same way) until next time.
        await migrate(synced, user).catch(() => undefined);
      }
      return withUserProfiles(synced, user);
    },
    save: write,
    unreadable: () => settings.unreadable?.() ?? [],
    unreadableProfiles: () => lastUser.invalid ?? [],
    async deleteUnreadableProfile(raw) {
      const invalid = (lastUser.invalid ?? []).filter((i) => !sameJson(i.raw, raw));
      const next: UserProfiles = { ...lastUser, invalid };
      await profiles.save(next);
      lastUser = next;
    },
    subscribe(listener) {
      // Until both halves are known nothing is told: the read under way merges what was heard.
      const offSettings = settings.subscribe((synced) => {
        lastSynced = synced;
        syncedHeard++;
        if (userKnown) listener(withUserProfiles(synced, lastUser));
      });
      const offProfiles = profiles.subscribe((user) => {
        lastUser = user;
        userKnown = true;
        userHeard++;
        unread = null;
        if (lastSynced) listener(withUserProfiles(lastSynced, user));
      });
      return () => {
        offSettings();
        offProfiles();
      };
    },
  };
}
