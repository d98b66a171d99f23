import { isContractDoc } from '../../core/contract/load';
import type { BlobArea, StorageArea } from '../ports';
import { BLOB_PREFIX, INDEX, isEntry, legacyKey, revKey } from './layout';

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
async function sweep(index: StorageArea, blobs: BlobArea, clock: { now: () => number }): Promise<void> {
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
}

/** Once per store, on its first read (an options page or panel opening): never in its way. */
export function orphanSweeper(index: StorageArea, blobs: BlobArea, clock: { now: () => number }): () => void {
  let swept = false;
  return () => {
    if (swept) return;
    swept = true;
    void sweep(index, blobs, clock).catch(() => undefined);
  };
}
