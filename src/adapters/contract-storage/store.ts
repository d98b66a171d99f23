import type { ContractDoc } from '../../core/contract/load';
import { isObjectOrArray } from '../../core/json/walk';
import type { BlobArea, ContractStore, StorageArea, StoredContracts } from '../ports';
import { INDEX, isEntry, legacyKey, newRev, revKey, type Blob, type IndexEntry } from './layout';
import { readContracts, readIndex } from './read';
import { readUntilRead } from './retry';
import { orphanSweeper } from './sweep';

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
  const sweepOnce = orphanSweeper(index, blobs, clock);
  const read = async (): Promise<StoredContracts> => {
    const stored = await readContracts(index, blobs);
    sweepOnce();
    return stored;
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
      const { entries, legacy, other } = await readIndex(index);
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
      const { entries, legacy, other } = await readIndex(index);
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
      const { entries, legacy, other } = await readIndex(index);
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
    subscribe(listener, failed) {
      /** The read of the latest change: an answer to an older one is not the latest state. */
      let reading: (() => void) | null = null;
      const off = index.onChanged((changes) => {
        if (!(INDEX in changes)) return;
        reading?.();
        // A read that fails is said and tried again (retry.ts): the subscriber would otherwise
        // keep the state before the change for good, judging by descriptions no longer stored.
        reading = readUntilRead(
          read,
          ({ docs, unreadable }) => listener(docs, unreadable),
          (reason) => failed?.(reason),
        );
      });
      return () => {
        off();
        reading?.();
      };
    },
  };
}
