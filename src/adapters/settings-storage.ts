import { BUILTIN_RULE_IDS } from '../core/profiles/registry';
import { defaultSettings } from '../core/settings/schema';
import { readStoredSettings, withKeptParts, type StoredSettings } from '../core/settings/stored';
import type { SaveOutcome, SettingsStore, StorageArea } from './ports';
import { isJsonObject as isObject } from '../core/json/walk';
import { formatBytes } from '../core/units/bytes';

const KEY = 'settings';

/**
 * chrome.storage.sync.QUOTA_BYTES_PER_ITEM: an item's key plus the JSON of its value, in
 * bytes. About 150–200 redaction names fill it.
 */
export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;

/** What sync holds when the settings are in `local`: which copy is the current one. */
interface LocalPointer {
  storedIn: 'local';
  revision: string;
}

/** What `local` holds for settings too big for sync. */
interface LocalCopy {
  revision: string;
  settings: unknown;
}

function isPointer(v: unknown): v is LocalPointer {
  return isObject(v) && v.storedIn === 'local' && typeof v.revision === 'string';
}

function isLocalCopy(v: unknown): v is LocalCopy {
  return isObject(v) && typeof v.revision === 'string' && 'settings' in v;
}

/**
 * Reads stored settings leniently, part by part: what does not validate (a newer version's
 * setting, a corrupted value) is left out, never crashes a surface, and is kept to be written
 * back by the next save.
 */
function fromStored(value: unknown): StoredSettings {
  if (value === undefined) return { settings: defaultSettings(), kept: [], errors: [] };
  // User profiles' documents are in local storage (ProfileStore): sync holds references to them.
  return readStoredSettings(value, BUILTIN_RULE_IDS, { profilesStoredApart: true });
}

const NOTHING_STORED: StoredSettings = { settings: defaultSettings(), kept: [], errors: [] };

/** Bytes chrome.storage counts for one item. */
export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

function isQuotaError(e: unknown): boolean {
  return /QUOTA_BYTES/.test(String((e as Error)?.message ?? e));
}

let counter = 0;
function newRevision(): string {
  return `${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function localNote(bytes: number): string {
  return (
    `Your settings are ${formatBytes(bytes)}, more than the ${formatBytes(SYNC_QUOTA_BYTES_PER_ITEM)} Chrome sync keeps in one item, ` +
    'so they are saved in this browser only; your other Chrome browsers keep their own settings.'
  );
}

/**
 * The settings document in chrome.storage: in `sync` when it fits one item (it then follows
 * the user to every Chrome they sign in to), otherwise in `local`, with a small pointer in
 * `sync` naming the current local copy (written after it, so a reader that sees the pointer
 * finds the copy). A save resolves only once the settings are stored, and says where.
 */
export function settingsStoreOver(sync: StorageArea, local: StorageArea): SettingsStore {
  /** What the stored settings held that this version could not read, as last read: put back by every save. */
  let lastRead: StoredSettings = NOTHING_STORED;

  /** Settings as a reader sees them, given what sync holds. */
  async function resolve(inSync: unknown): Promise<{ read: StoredSettings; revision?: string }> {
    if (!isPointer(inSync)) return { read: fromStored(inSync) };
    const copy = await local.get(KEY);
    // Another browser's pointer, synced here, names a copy this browser does not have: its
    // own last local copy (or the defaults) is the best there is.
    return isLocalCopy(copy)
      ? { read: fromStored(copy.settings), revision: copy.revision }
      : { read: NOTHING_STORED };
  }

  return {
    async load() {
      lastRead = (await resolve(await sync.get(KEY))).read;
      return lastRead.settings;
    },

    unreadable: () => lastRead.errors,

    async save(given): Promise<SaveOutcome> {
      const settings = withKeptParts(given, lastRead.kept);
      const bytes = itemBytes(KEY, settings);
      if (bytes <= SYNC_QUOTA_BYTES_PER_ITEM) {
        try {
          await sync.set({ [KEY]: settings });
          // The big copy is no longer current; failing to tidy it up loses nothing.
          await local.remove(KEY).catch(() => undefined);
          return { storedIn: 'sync' };
        } catch (e) {
          // Sync's total quota (shared with nothing else today) or a miscount: use local.
          if (!isQuotaError(e)) throw e;
        }
      }
      const revision = newRevision();
      await local.set({ [KEY]: { revision, settings } satisfies LocalCopy });
      try {
        await sync.set({ [KEY]: { storedIn: 'local', revision } satisfies LocalPointer });
      } catch (e) {
        throw new Error(
          `saved in this browser, but Chrome sync still holds the previous settings: ${String((e as Error)?.message ?? e)}`,
        );
      }
      return { storedIn: 'local', note: localNote(bytes) };
    },

    subscribe(listener) {
      let stopped = false;
      let seq = 0;
      let lastRevision: string | undefined;
      const emit = (read: StoredSettings, revision: string | undefined) => {
        // The local copy and the pointer both change on a big save: tell listeners once.
        if (revision !== undefined && revision === lastRevision) return;
        lastRevision = revision;
        lastRead = read;
        listener(read.settings);
      };
      const offSync = sync.onChanged((changes) => {
        if (!(KEY in changes)) return;
        const mine = ++seq;
        void resolve(changes[KEY]!.newValue).then((got) => {
          if (!stopped && mine === seq) emit(got.read, got.revision);
        });
      });
      const offLocal = local.onChanged((changes) => {
        const copy = changes[KEY]?.newValue;
        if (!isLocalCopy(copy)) return;
        const mine = ++seq;
        void sync.get(KEY).then((inSync) => {
          // Only the copy the pointer names is current (the pointer is written second).
          if (stopped || mine !== seq || !isPointer(inSync) || inSync.revision !== copy.revision) return;
          emit(fromStored(copy.settings), copy.revision);
        });
      });
      return () => {
        stopped = true;
        offSync();
        offLocal();
      };
    },
  };
}
