import { isContractDoc, type ContractDoc } from '../core/contract/load';
import { clip } from '../core/text/clip';
import { nounFor } from '../core/text/plural';
import type { BlobArea, ContractStore, StorageArea, StoredContracts, UnreadableContract } from './ports';
import { isJsonObject, isObjectOrArray } from '../core/json/walk';

/** The index in chrome.storage.local: small, and its onChanged tells every context. */
const INDEX = 'openapi';
/**
 * Each save's text under a key of its own, named by its rev: a save writes the new text beside
 * the old, then the index entry that names it, and only then deletes the old text. A save that
 * stops half-way (the browser closed, the quota ran out) leaves the index naming the old text,
 * still whole, instead of an index entry whose text was overwritten. (A text whose index write
 * never came stays behind unnamed; it is never read, and a later load deletes it: `sweep`.)
 */
const revKey = (name: string, rev: string) => `openapi@${rev}:${name}`;
/** Where versions up to 0.1 kept a description's text, overwritten in place by each save. */
const legacyKey = (name: string) => `openapi:${name}`;

/** One description in the index; its text (and parts) are in the blob area. */
interface IndexEntry {
  name: string;
  baseUrl?: string;
  /** Characters of text, for the options page. */
  size: number;
  /** Which write of the blob this entry describes. */
  rev: string;
  /**
   * Switched off on the options page: kept, text and base URL, but not checked against. Only
   * `true` is written; an entry without it (every entry before the switch existed) is on.
   */
  off?: true;
}

interface Blob {
  rev: string;
  text: string;
  parts?: ContractDoc['parts'];
}

function isEntry(v: unknown): v is IndexEntry {
  return (
    isObjectOrArray(v) &&
    typeof v.name === 'string' &&
    typeof v.rev === 'string' &&
    typeof v.size === 'number' &&
    (v.baseUrl === undefined || typeof v.baseUrl === 'string') &&
    (v.off === undefined || v.off === true)
  );
}

function isBlob(v: unknown): v is Blob {
  return (
    isObjectOrArray(v) &&
    typeof v.rev === 'string' &&
    isContractDoc({ name: '', text: v.text, parts: v.parts })
  );
}

let counter = 0;
/** A rev starts with the time of its save (milliseconds, base 36): how old an unnamed text is. */
const newRev = (now: number) =>
  `${now.toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Every blob key of this store starts with it (`openapi@<rev>:<name>`, and the older `openapi:<name>`). */
const BLOB_PREFIX = 'openapi';
/**
 * How old a text no index entry names must be before a load deletes it. Another context (a
 * second options page, an open panel's toolbar) may be saving right now: its text is written
 * before the index entry naming it, and a sweep between the two would delete a text about to be
 * named. This store cannot see other contexts' saves in flight, so the rev's own time decides: a
 * save takes seconds (a 20 MB text into IndexedDB, then a small index write), and an hour is far
 * beyond it. A text from a save that stopped half-way is kept that long, unread, and then goes.
 */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;

/**
 * Whether an `openapi@<rev>:<name>` key's save started ORPHAN_GRACE_MS or more before `now`. A
 * rev this version does not write (no time in it) is never old: its age is unknown. (A rev
 * holds no colon; a name may.)
 */
function isOldOrphan(key: string, now: number): boolean {
  const m = /^openapi@([0-9a-z]{1,12})-[0-9a-z]+-[0-9a-z]*:/.exec(key);
  if (!m) return false;
  const started = parseInt(m[1]!, 36);
  return Number.isSafeInteger(started) && now - started >= ORPHAN_GRACE_MS;
}

const ENTRY_MEMBERS = ['name', 'baseUrl', 'size', 'rev', 'off'];
const shown = (v: unknown) => clip(JSON.stringify(v) ?? String(v), 40);

/** What is wrong with an index item that is neither an entry nor an older version's whole document. */
function entryProblem(v: unknown): string {
  if (!isJsonObject(v)) return `its index entry is not an object (${shown(v)})`;
  const wrong: string[] = [];
  if (typeof v.name !== 'string') wrong.push(v.name === undefined ? 'no name' : 'a name that is not text');
  if (typeof v.rev !== 'string') wrong.push(v.rev === undefined ? 'no rev' : 'a rev that is not text');
  if (typeof v.size !== 'number')
    wrong.push(v.size === undefined ? 'no size' : 'a size that is not a number');
  if (v.baseUrl !== undefined && typeof v.baseUrl !== 'string') wrong.push('a baseUrl that is not text');
  if (v.off !== undefined && v.off !== true) wrong.push('an off switch that is not true');
  const unknown = Object.keys(v).filter((k) => !ENTRY_MEMBERS.includes(k));
  if (unknown.length > 0)
    wrong.push(`unknown ${nounFor(unknown.length, 'member')} ${clip(unknown.join(', '), 80)}`);
  return `its index entry is not one this version can read (a newer version’s, or damaged): ${wrong.join(', ')}`;
}

/** What is wrong with the stored text of a well-formed entry, or null when it is its text. */
function blobProblem(blob: unknown, entry: IndexEntry): string | null {
  if (blob === undefined) return 'its text is missing from this browser’s storage';
  if (!isObjectOrArray(blob) || typeof blob.rev !== 'string')
    return 'its stored text is not in a form this version can read (a newer version’s, or damaged)';
  if (typeof blob.text !== 'string') return 'its stored text is not text (damaged)';
  if (!isBlob(blob)) return 'the files stored with it (its $ref parts) are damaged';
  if (blob.rev !== entry.rev)
    return 'its stored text is from another save than its index entry (a save that did not finish)';
  return null;
}

/**
 * OpenAPI descriptions over two areas: the text (megabytes; 20 MB must fit) in a BlobArea —
 * IndexedDB of the extension's origin, which needs no permission — and a small index in
 * chrome.storage.local, whose change events tell the options page and every open panel. So the
 * extension needs no `unlimitedStorage` (storage.local's 10 MB would not hold a 20 MB document).
 *
 * Everything read back is checked (another context may be older); descriptions an older
 * version stored whole in the index are still read, and moved to the blob area on the next write.
 */
export function contractStoreOver(
  index: StorageArea,
  blobs: BlobArea,
  clock: { now: () => number } = Date,
): ContractStore {
  const readIndex = async (): Promise<{ entries: IndexEntry[]; legacy: ContractDoc[]; other: unknown[] }> => {
    const raw = await index.get(INDEX);
    const list = Array.isArray(raw) ? raw : [];
    return {
      entries: list.filter(isEntry),
      legacy: list.filter((v) => !isEntry(v) && isContractDoc(v)) as ContractDoc[],
      // Items this version cannot read (a newer one's, or corrupted): written back as they were.
      other: list.filter((v) => !isEntry(v) && !isContractDoc(v)),
    };
  };

  /**
   * Every description, each entry's text read on its own: one that cannot be read (missing,
   * damaged, or IndexedDB refused) is listed as unreadable and never hides the others.
   */
  const read = async (): Promise<StoredContracts> => {
    const raw = await index.get(INDEX);
    const list: unknown[] = Array.isArray(raw) ? raw : [];
    const docs: ContractDoc[] = [];
    const unreadable: UnreadableContract[] = [];
    for (const [i, item] of list.entries()) {
      if (!isEntry(item)) {
        if (isContractDoc(item)) docs.push(item);
        else {
          const name = isObjectOrArray(item) && typeof item.name === 'string' ? item.name : null;
          unreadable.push({
            label: name ?? `item ${i + 1} of the index`,
            problem: entryProblem(item),
            raw: item,
          });
        }
        continue;
      }
      let blob: unknown;
      try {
        blob = await blobs.get(revKey(item.name, item.rev));
        // Written by an older version, in place (its rev inside tells whether the save finished).
        if (blob === undefined) blob = await blobs.get(legacyKey(item.name));
      } catch (e) {
        const why = String((e as Error)?.message ?? e);
        unreadable.push({
          label: item.name,
          problem: clip(`its text could not be read from this browser’s storage: ${why}`, 300),
          raw: item,
        });
        continue;
      }
      const problem = blobProblem(blob, item);
      if (problem !== null || !isBlob(blob)) {
        unreadable.push({ label: item.name, problem: problem ?? 'its stored text is damaged', raw: item });
        continue;
      }
      const doc: ContractDoc = { name: item.name, text: blob.text };
      if (item.baseUrl !== undefined) doc.baseUrl = item.baseUrl;
      if (item.off) doc.off = true;
      if (blob.parts && blob.parts.length > 0) doc.parts = blob.parts;
      docs.push(doc);
    }
    sweepOnce();
    return { docs, unreadable };
  };

  /**
   * Deletes the texts no index item names (a save that stopped between its text and its index
   * entry leaves one; nothing ever reads it). Only what is certainly unnamed goes:
   * - an index with an item this version cannot read (a newer version's, or damaged) sweeps
   *   nothing: this version cannot tell which texts such an item names;
   * - any item with a name keeps that name's older-layout text, and with a rev too, that rev's;
   * - an unnamed `openapi@<rev>:…` text goes only once its rev is ORPHAN_GRACE_MS old (a save in
   *   another context may be between its two writes); one whose rev this version does not write
   *   is kept (its age is unknown);
   * - an unnamed older-layout `openapi:<name>` text goes at once: no version that writes them
   *   runs beside this one (an update reloads every page of the extension).
   * Best effort, each deletion on its own: a text left behind is harmless.
   */
  const sweep = async () => {
    const raw = await index.get(INDEX);
    if (raw !== undefined && !Array.isArray(raw)) return;
    const named = new Set<string>();
    for (const item of (raw ?? []) as unknown[]) {
      if (!isEntry(item) && !isContractDoc(item)) return;
      named.add(legacyKey(item.name));
      if (isEntry(item)) named.add(revKey(item.name, item.rev));
    }
    const now = clock.now();
    for (const key of await blobs.keys(BLOB_PREFIX)) {
      if (named.has(key)) continue;
      if (key.startsWith(`${BLOB_PREFIX}:`) || isOldOrphan(key, now))
        await blobs.delete(key).catch(() => undefined);
    }
  };
  /** Once per store, on its first read (an options page or panel opening): never in its way. */
  let swept = false;
  const sweepOnce = () => {
    if (swept) return;
    swept = true;
    void sweep().catch(() => undefined);
  };

  const list = async () => (await read()).docs;

  /** Writes a document's blob and returns its index entry. */
  const store = async (doc: ContractDoc): Promise<IndexEntry> => {
    const rev = newRev(clock.now());
    const blob: Blob = { rev, text: doc.text };
    if (doc.parts && doc.parts.length > 0) blob.parts = doc.parts;
    await blobs.put(revKey(doc.name, rev), blob);
    const entry: IndexEntry = { name: doc.name, size: doc.text.length, rev };
    if (doc.baseUrl !== undefined) entry.baseUrl = doc.baseUrl;
    if (doc.off) entry.off = true;
    return entry;
  };

  /**
   * Deletes the texts of these index entries once the index no longer names them (and the
   * older layout's text of their names). Best effort: the index is already right, and a text
   * left behind is never read.
   */
  const dropTexts = async (gone: readonly IndexEntry[]) => {
    for (const e of gone) {
      await blobs.delete(revKey(e.name, e.rev)).catch(() => undefined);
      await blobs.delete(legacyKey(e.name)).catch(() => undefined);
    }
  };

  return {
    list,
    read,
    async put(doc) {
      const { entries, legacy, other } = await readIndex();
      // The blob first: the index entry that names it is what makes it visible.
      const next: unknown[] = [...entries.filter((e) => e.name !== doc.name)];
      const moved: IndexEntry[] = [];
      for (const old of legacy) if (old.name !== doc.name) moved.push(await store(old));
      next.push(...moved, await store(doc));
      await index.set({ [INDEX]: [...next, ...other] });
      // The text this save replaces, now that nothing names it.
      await dropTexts(entries.filter((e) => e.name === doc.name));
    },
    async setOff(name, off) {
      const { entries, legacy, other } = await readIndex();
      // Only the index entry changes: the text (megabytes) stays where it is.
      const next: unknown[] = entries.map((e) => {
        if (e.name !== name) return e;
        const { off: _was, ...rest } = e;
        return off ? { ...rest, off: true } : rest;
      });
      for (const old of legacy) {
        const { off: _was, ...rest } = old;
        next.push(await store(old.name === name && off ? { ...rest, off: true } : rest));
      }
      await index.set({ [INDEX]: [...next, ...other] });
    },
    async remove(name) {
      const { entries, legacy, other } = await readIndex();
      const next: unknown[] = entries.filter((e) => e.name !== name);
      for (const old of legacy) if (old.name !== name) next.push(await store(old));
      await index.set({ [INDEX]: [...next, ...other] });
      const gone = entries.filter((e) => e.name === name);
      await dropTexts(gone.length > 0 ? gone : [{ name, rev: '', size: 0 }]);
    },
    async deleteUnreadable(item) {
      const raw = await index.get(INDEX);
      const stored: unknown[] = Array.isArray(raw) ? raw : [];
      const same = JSON.stringify(item.raw);
      const at = stored.findIndex((v) => JSON.stringify(v) === same);
      // Gone already, or changed since it was listed (another context saved it again): kept.
      if (at < 0) return;
      const next = stored.filter((_, i) => i !== at);
      await index.set({ [INDEX]: next });
      const name = isObjectOrArray(item.raw) && typeof item.raw.name === 'string' ? item.raw.name : null;
      // Its text goes with it: the text its rev names, and the older layout's text of its name
      // unless a description still in the index has that name.
      if (isEntry(item.raw)) await blobs.delete(revKey(item.raw.name, item.raw.rev));
      if (name !== null && !next.some((v) => isObjectOrArray(v) && v.name === name))
        await blobs.delete(legacyKey(name));
    },
    subscribe(listener) {
      let latest = 0;
      return index.onChanged((changes) => {
        if (!(INDEX in changes)) return;
        const ticket = ++latest;
        void read().then(
          ({ docs, unreadable }) => ticket === latest && listener(docs, unreadable),
          () => undefined,
        );
      });
    },
  };
}
