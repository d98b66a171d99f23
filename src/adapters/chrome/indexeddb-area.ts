import type { BlobArea } from '../ports';

/**
 * A BlobArea on the extension origin's IndexedDB: one database, one object store, values by key.
 * Every extension page (options, panel) shares it. It needs no permission, and its quota is a
 * share of the disk, not chrome.storage.local's 10 MB.
 */
export function indexedDbArea(database = 'status-lens', storeName = 'blobs'): BlobArea {
  let opened: Promise<IDBDatabase> | null = null;
  const open = () =>
    (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(database, 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(storeName)) req.result.createObjectStore(storeName);
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => {
        opened = null;
        reject(req.error ?? new Error(`IndexedDB ${database} could not be opened`));
      };
    }));
  const run = async <T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const db = await open();
    return new Promise<T>((resolve, reject) => {
      const tx = db.transaction(storeName, mode);
      const req = op(tx.objectStore(storeName));
      // Resolved when the transaction commits, so a reader in another page sees the write.
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? req.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  };
  return {
    get: (key) => run('readonly', (s) => s.get(key)),
    put: async (key, value) => {
      await run('readwrite', (s) => s.put(value, key));
    },
    delete: async (key) => {
      await run('readwrite', (s) => s.delete(key));
    },
    keys: async (prefix) => {
      // Listing creates nothing: opening is what creates the database, and a sweep at load
      // (contract-storage/sweep.ts) must not leave one in a profile that never stored a text
      // (e2e storage-privacy checks the extension keeps no IndexedDB it does not need).
      if (opened === null && typeof indexedDB.databases === 'function') {
        const existing = await indexedDB.databases();
        if (!existing.some((d) => d.name === database)) return [];
      }
      const db = await open();
      return new Promise<string[]>((resolve, reject) => {
        const found: string[] = [];
        const tx = db.transaction(storeName, 'readonly');
        // A key cursor from the prefix on: keys only (never the megabytes of text behind them),
        // stopped at the first key past the prefix. Keys of other types sort after strings.
        const req = tx.objectStore(storeName).openKeyCursor(IDBKeyRange.lowerBound(prefix));
        req.onsuccess = () => {
          const cursor = req.result;
          if (!cursor || typeof cursor.key !== 'string' || !cursor.key.startsWith(prefix)) return;
          found.push(cursor.key);
          cursor.continue();
        };
        tx.oncomplete = () => resolve(found);
        tx.onerror = () => reject(tx.error ?? req.error ?? new Error('IndexedDB transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      });
    },
  };
}
