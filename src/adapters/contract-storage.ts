import { isContractDoc, type ContractDoc } from '../core/contract/load';
import type { BlobArea, ContractStore, StorageArea } from './ports';

/** The index in chrome.storage.local: small, and its onChanged tells every context. */
const INDEX = 'openapi';
const blobKey = (name: string) => `openapi:${name}`;

/** One description in the index; its text (and parts) are in the blob area. */
interface IndexEntry {
  name: string;
  baseUrl?: string;
  /** Characters of text, for the options page. */
  size: number;
  /** Which write of the blob this entry describes. */
  rev: string;
}

interface Blob {
  rev: string;
  text: string;
  parts?: ContractDoc['parts'];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function isEntry(v: unknown): v is IndexEntry {
  return (
    isObj(v) &&
    typeof v.name === 'string' &&
    typeof v.rev === 'string' &&
    typeof v.size === 'number' &&
    (v.baseUrl === undefined || typeof v.baseUrl === 'string')
  );
}

function isBlob(v: unknown): v is Blob {
  return isObj(v) && typeof v.rev === 'string' && isContractDoc({ name: '', text: v.text, parts: v.parts });
}

let counter = 0;
const newRev = () =>
  `${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * OpenAPI descriptions over two areas: the text (megabytes; 20 MB must fit) in a BlobArea —
 * IndexedDB of the extension's origin, which needs no permission — and a small index in
 * chrome.storage.local, whose change events tell the options page and every open panel. So the
 * extension needs no `unlimitedStorage` (storage.local's 10 MB would not hold a 20 MB document).
 *
 * Everything read back is checked (another context may be older); descriptions an older
 * version stored whole in the index are still read, and moved to the blob area on the next write.
 */
export function contractStoreOver(index: StorageArea, blobs: BlobArea): ContractStore {
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

  const docsOf = async (entries: IndexEntry[], legacy: ContractDoc[]): Promise<ContractDoc[]> => {
    const docs: ContractDoc[] = [...legacy];
    for (const e of entries) {
      const blob = await blobs.get(blobKey(e.name));
      // Missing or half-written (another context is writing it): left out until its next change.
      if (!isBlob(blob) || blob.rev !== e.rev) continue;
      const doc: ContractDoc = { name: e.name, text: blob.text };
      if (e.baseUrl !== undefined) doc.baseUrl = e.baseUrl;
      if (blob.parts && blob.parts.length > 0) doc.parts = blob.parts;
      docs.push(doc);
    }
    return docs;
  };

  const list = async () => {
    const { entries, legacy } = await readIndex();
    return docsOf(entries, legacy);
  };

  /** Writes a document's blob and returns its index entry. */
  const store = async (doc: ContractDoc): Promise<IndexEntry> => {
    const rev = newRev();
    const blob: Blob = { rev, text: doc.text };
    if (doc.parts && doc.parts.length > 0) blob.parts = doc.parts;
    await blobs.put(blobKey(doc.name), blob);
    const entry: IndexEntry = { name: doc.name, size: doc.text.length, rev };
    if (doc.baseUrl !== undefined) entry.baseUrl = doc.baseUrl;
    return entry;
  };

  return {
    list,
    async put(doc) {
      const { entries, legacy, other } = await readIndex();
      // The blob first: the index entry that names it is what makes it visible.
      const next: unknown[] = [...entries.filter((e) => e.name !== doc.name)];
      for (const old of legacy) if (old.name !== doc.name) next.push(await store(old));
      next.push(await store(doc));
      await index.set({ [INDEX]: [...next, ...other] });
    },
    async remove(name) {
      const { entries, legacy, other } = await readIndex();
      const next: unknown[] = entries.filter((e) => e.name !== name);
      for (const old of legacy) if (old.name !== name) next.push(await store(old));
      await index.set({ [INDEX]: [...next, ...other] });
      await blobs.delete(blobKey(name));
    },
    subscribe(listener) {
      let latest = 0;
      return index.onChanged((changes) => {
        if (!(INDEX in changes)) return;
        const ticket = ++latest;
        void list().then(
          (docs) => ticket === latest && listener(docs),
          () => undefined,
        );
      });
    },
  };
}
