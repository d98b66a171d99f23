import { contractStoreOver } from '../contract-storage/store';
import type { ContractStore } from '../ports';
import { indexedDbArea } from './indexeddb-area';
import { chromeStorageArea } from './storage-area';

/**
 * OpenAPI descriptions: the text in the extension origin's IndexedDB (a 20 MB description fits
 * without the unlimitedStorage permission), a small index in chrome.storage.local whose change
 * events reach every context. Never sync. See contract-storage/store.ts.
 */
export function chromeContractStore(): ContractStore {
  return contractStoreOver(chromeStorageArea('local'), indexedDbArea());
}
