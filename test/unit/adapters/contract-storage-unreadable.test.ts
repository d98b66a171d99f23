import { describe, expect, it } from 'vitest';
import { contractStoreOver } from '../../../src/adapters/contract-storage/store';
import { MemoryBlobArea, MemoryStorageArea } from '../../../src/adapters/memory';
import type { BlobArea } from '../../../src/adapters/ports';

/**
 * Stored OpenAPI descriptions this version cannot read — an index entry of a newer version's
 * kind, text that is missing or damaged, IndexedDB refusing the read — are listed as unreadable,
 * each naming what is wrong, never hide the readable ones, survive every write, and go only
 * when the user deletes them.
 */
function setup(blobs: BlobArea = new MemoryBlobArea()) {
  const local = MemoryStorageArea.local();
  return { local, store: contractStoreOver(local, blobs) };
}

const good = { name: 'good.yaml', rev: 'r1', size: 14 };
const goodText = { rev: 'r1', text: 'openapi: 3.1.0' };

describe('stored OpenAPI descriptions this version cannot read', () => {
  it('are listed each with what is wrong, beside the readable ones, which list() alone still gives', async () => {
    const idb = new MemoryBlobArea();
    const { local, store } = setup(idb);
    await local.set({
      openapi: [
        good,
        { name: 'missing.yaml', rev: 'r2', size: 10 },
        { name: 'damaged.yaml', rev: 'r3', size: 10 },
        { name: 'parts.yaml', rev: 'r4', size: 10 },
        { name: 'torn.yaml', rev: 'r5', size: 10 },
        { name: 'remote.yaml', source: { url: 'https://api.example/openapi.yaml' } },
        42,
      ],
    });
    await idb.put('openapi:good.yaml', goodText);
    await idb.put('openapi:damaged.yaml', { rev: 'r3', text: 7 });
    await idb.put('openapi:parts.yaml', { rev: 'r4', text: 'openapi: 3.1.0', parts: [{ name: 1 }] });
    await idb.put('openapi:torn.yaml', { rev: 'r6', text: 'openapi: 3.1.0' });

    const { docs, unreadable } = await store.read();
    expect(docs).toEqual([{ name: 'good.yaml', text: 'openapi: 3.1.0' }]);
    expect(await store.list()).toEqual(docs);
    expect(unreadable.map((u) => [u.label, u.problem])).toEqual([
      ['missing.yaml', 'its text is missing from this browser’s storage'],
      ['damaged.yaml', 'its stored text is not text (damaged)'],
      ['parts.yaml', 'the files stored with it (its $ref parts) are damaged'],
      ['torn.yaml', 'its stored text is from another save than its index entry (a save that did not finish)'],
      [
        'remote.yaml',
        'its index entry is not one this version can read (a newer version’s, or damaged): no rev, no size, unknown member source',
      ],
      ['item 7 of the index', 'its index entry is not an object (42)'],
    ]);
  });

  it('a text IndexedDB refuses to read is unreadable with the reason, and the others are still read', async () => {
    const idb = new MemoryBlobArea();
    await idb.put('openapi:good.yaml', goodText);
    const refusing: BlobArea = {
      get: (key) =>
        key === 'openapi:bad.yaml' ? Promise.reject(new Error('UnknownError: Internal error')) : idb.get(key),
      put: (key, value) => idb.put(key, value),
      delete: (key) => idb.delete(key),
      keys: (prefix) => idb.keys(prefix),
    };
    const { local, store } = setup(refusing);
    await local.set({ openapi: [{ name: 'bad.yaml', rev: 'r0', size: 3 }, good] });
    const { docs, unreadable } = await store.read();
    expect(docs.map((d) => d.name)).toEqual(['good.yaml']);
    expect(unreadable).toEqual([
      {
        label: 'bad.yaml',
        problem: 'its text could not be read from this browser’s storage: UnknownError: Internal error',
        raw: { name: 'bad.yaml', rev: 'r0', size: 3 },
      },
    ]);
  });

  it('survive a put and a remove, and are deleted (index entry and text) only by deleteUnreadable', async () => {
    const idb = new MemoryBlobArea();
    const { local, store } = setup(idb);
    const remote = { name: 'remote.yaml', source: { url: 'https://api.example/openapi.yaml' } };
    await local.set({ openapi: [{ name: 'damaged.yaml', rev: 'r3', size: 10 }, remote] });
    await idb.put('openapi:damaged.yaml', { rev: 'r3', text: 7 });
    await store.put({ name: 'a.yaml', text: 'openapi: 3.1.0' });
    await store.remove('a.yaml');
    const seen: string[][] = [];
    store.subscribe((_docs, unreadable) => seen.push(unreadable.map((u) => u.label)));
    const { unreadable } = await store.read();
    expect(unreadable.map((u) => u.label)).toEqual(['damaged.yaml', 'remote.yaml']);

    await store.deleteUnreadable(unreadable[0]!);
    expect(local.items.get('openapi')).toEqual([remote]);
    expect(idb.items.has('openapi:damaged.yaml')).toBe(false);
    await expect.poll(() => seen.at(-1)).toEqual(['remote.yaml']);

    await store.deleteUnreadable(unreadable[1]!);
    expect(local.items.get('openapi')).toEqual([]);
  });

  it('deleting one never takes the text of a readable description of the same name, nor one saved again since', async () => {
    const idb = new MemoryBlobArea();
    const { local, store } = setup(idb);
    const newer = { name: 'good.yaml', source: { url: 'https://api.example/openapi.yaml' } };
    await local.set({ openapi: [good, newer, { name: 'later.yaml', rev: 'r8', size: 3 }] });
    await idb.put('openapi:good.yaml', goodText);
    const { unreadable } = await store.read();
    expect(unreadable.map((u) => u.label)).toEqual(['good.yaml', 'later.yaml']);

    await store.deleteUnreadable(unreadable[0]!);
    expect((await store.list()).map((d) => d.name)).toEqual(['good.yaml']);

    // later.yaml is saved again (readable now) before the user's Delete of what was listed.
    await store.put({ name: 'later.yaml', text: 'openapi: 3.0.0' });
    await store.deleteUnreadable(unreadable[1]!);
    expect((await store.list()).map((d) => d.name)).toEqual(['good.yaml', 'later.yaml']);
  });
});
