import { isContractDoc, type ContractDoc } from '../../core/contract/load';
import { isJsonObject, isObjectOrArray } from '../../core/json/walk';
import { clip } from '../../core/text/clip';
import { nounFor } from '../../core/text/plural';
import type { BlobArea, StorageArea, StoredContracts, UnreadableContract } from '../ports';
import { INDEX, isBlob, isEntry, legacyKey, revKey, type IndexEntry } from './layout';

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

/** The index's items by kind: this version's entries, older versions' whole documents, and the rest. */
export async function readIndex(
  index: StorageArea,
): Promise<{ entries: IndexEntry[]; legacy: ContractDoc[]; other: unknown[] }> {
  const raw = await index.get(INDEX);
  const list = Array.isArray(raw) ? raw : [];
  return {
    entries: list.filter(isEntry),
    legacy: list.filter((v) => !isEntry(v) && isContractDoc(v)) as ContractDoc[],
    // Items this version cannot read (a newer one's, or corrupted): written back as they were.
    other: list.filter((v) => !isEntry(v) && !isContractDoc(v)),
  };
}

/**
 * Every description, each entry's text read on its own: one that cannot be read (missing,
 * damaged, or IndexedDB refused) is listed as unreadable and never hides the others.
 */
export async function readContracts(index: StorageArea, blobs: BlobArea): Promise<StoredContracts> {
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
  return { docs, unreadable };
}
