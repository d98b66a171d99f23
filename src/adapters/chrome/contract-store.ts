import { isContractDoc, type ContractDoc } from '../../core/contract/load';
import type { ContractStore } from '../ports';

const KEY = 'openapi';

/** Stored values are read back as untrusted: anything that is not a document is dropped. */
function fromStored(value: unknown): ContractDoc[] {
  return Array.isArray(value) ? value.filter(isContractDoc) : [];
}

/**
 * chrome.storage.local, never sync: descriptions run to megabytes (sync allows 8 KB an item).
 * The manifest's unlimitedStorage lifts local's 10 MB quota, as a 20 MB description needs.
 */
export function chromeContractStore(): ContractStore {
  const read = async () => fromStored((await chrome.storage.local.get(KEY))[KEY]);
  return {
    list: read,
    async put(doc) {
      const docs = (await read()).filter((d) => d.name !== doc.name);
      await chrome.storage.local.set({ [KEY]: [...docs, doc] });
    },
    async remove(name) {
      await chrome.storage.local.set({ [KEY]: (await read()).filter((d) => d.name !== name) });
    },
    subscribe(listener) {
      const handler = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
        if (area === 'local' && changes[KEY]) listener(fromStored(changes[KEY].newValue));
      };
      chrome.storage.onChanged.addListener(handler);
      return () => chrome.storage.onChanged.removeListener(handler);
    },
  };
}
