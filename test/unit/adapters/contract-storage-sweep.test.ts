import { describe, expect, it } from 'vitest';
import { contractStoreOver } from '../../../src/adapters/contract-storage/store';
import { ORPHAN_GRACE_MS } from '../../../src/adapters/contract-storage/sweep';
import { MemoryBlobArea, MemoryStorageArea } from '../../../src/adapters/memory';
import type { BlobArea, StorageArea } from '../../../src/adapters/ports';

/** An index area whose writes fail: the browser closes between a save's text and its index entry. */
const interrupted = (local: StorageArea): StorageArea => ({
  get: (key) => local.get(key),
  set: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')),
  remove: (key) => local.remove(key),
  onChanged: (listener) => local.onChanged(listener),
});

/** A clock this far after now. */
const later = (ms: number) => ({ now: () => Date.now() + ms });

/** Lets the sweep that a first read starts (in the background) finish. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('OpenAPI texts no index entry names are swept when a store loads', () => {
  it('a save interrupted before its index entry leaves a text that a later load deletes', async () => {
    const local = MemoryStorageArea.local();
    const idb = new MemoryBlobArea();
    await contractStoreOver(local, idb).put({ name: 'api.yaml', text: 'openapi: 3.0.0' });
    await expect(
      contractStoreOver(interrupted(local), idb).put({ name: 'api.yaml', text: 'openapi: 3.1.0' }),
    ).rejects.toThrow(/QUOTA/);
    expect(idb.items.size).toBe(2);

    // The options page opens again a day later.
    const store = contractStoreOver(local, idb, later(24 * ORPHAN_GRACE_MS));
    expect(await store.list()).toEqual([{ name: 'api.yaml', text: 'openapi: 3.0.0' }]);
    await expect.poll(() => idb.items.size).toBe(1);
    // What is left is the text the index names, still read.
    expect(await contractStoreOver(local, idb).list()).toEqual([
      { name: 'api.yaml', text: 'openapi: 3.0.0' },
    ]);
  });

  it('never deletes the text of a save another context is between its two writes of', async () => {
    const local = MemoryStorageArea.local();
    const idb = new MemoryBlobArea();
    // The options page's save has written its text; its index write has not happened yet.
    let release!: () => void;
    const held: StorageArea = {
      ...interrupted(local),
      set: async (items) => {
        await new Promise<void>((r) => (release = r));
        await local.set(items);
      },
    };
    const saving = contractStoreOver(held, idb).put({ name: 'api.yaml', text: 'openapi: 3.1.0' });
    await expect.poll(() => idb.items.size).toBe(1);
    // A panel opens now, and sweeps.
    expect(await contractStoreOver(local, idb).list()).toEqual([]);
    await settle();
    expect(idb.items.size).toBe(1);
    release();
    await saving;
    expect(await contractStoreOver(local, idb).list()).toEqual([
      { name: 'api.yaml', text: 'openapi: 3.1.0' },
    ]);
  });

  it('keeps every text an index item names, older-layout ones included, however old', async () => {
    const local = MemoryStorageArea.local();
    const idb = new MemoryBlobArea();
    const old = (Date.now() - 48 * ORPHAN_GRACE_MS).toString(36);
    await local.set({
      openapi: [
        { name: 'current.yaml', rev: `${old}-0-abc`, size: 14 },
        // Written by an older version in place: its text under the name alone.
        { name: 'legacy.yaml', rev: 'r1', size: 14 },
      ],
    });
    await idb.put(`openapi@${old}-0-abc:current.yaml`, { rev: `${old}-0-abc`, text: 'openapi: 3.1.0' });
    await idb.put('openapi:legacy.yaml', { rev: 'r1', text: 'openapi: 3.0.0' });
    // Unnamed: an older layout's text of a name no longer in the index, and an old interrupted save.
    await idb.put('openapi:gone.yaml', { rev: 'r0', text: 'openapi: 3.0.0' });
    await idb.put(`openapi@${old}-1-def:current.yaml`, { rev: `${old}-1-def`, text: 'openapi: 3.1.1' });
    // Not this store's: another key in the same area.
    await idb.put('other:thing', 1);

    expect((await contractStoreOver(local, idb).list()).map((d) => d.name)).toEqual([
      'current.yaml',
      'legacy.yaml',
    ]);
    await expect
      .poll(() => [...idb.items.keys()].sort())
      .toEqual(['openapi:legacy.yaml', `openapi@${old}-0-abc:current.yaml`, 'other:thing']);
  });

  it('keeps an unnamed text whose rev tells no time, and sweeps nothing beside an index item it cannot read', async () => {
    const local = MemoryStorageArea.local();
    const idb = new MemoryBlobArea();
    await idb.put('openapi@r9:x.yaml', { rev: 'r9', text: 'openapi: 3.1.0' });
    await contractStoreOver(local, idb, later(ORPHAN_GRACE_MS)).list();
    await settle();
    expect(idb.items.has('openapi@r9:x.yaml')).toBe(true);

    // A newer version's index item: which texts it names is not this version's to guess.
    await local.set({ openapi: [{ title: 'newer.yaml', blob: 'openapi:newer.yaml' }] });
    await idb.put('openapi:newer.yaml', { text: 'openapi: 4.0.0' });
    const { unreadable } = await contractStoreOver(local, idb).read();
    expect(unreadable).toHaveLength(1);
    await settle();
    expect(idb.items.has('openapi:newer.yaml')).toBe(true);
  });

  it('sweeps once per store, not on every change it follows', async () => {
    const local = MemoryStorageArea.local();
    const idb = new MemoryBlobArea();
    let listed = 0;
    const counting: BlobArea = {
      get: (k) => idb.get(k),
      put: (k, v) => idb.put(k, v),
      delete: (k) => idb.delete(k),
      keys: (p) => {
        listed++;
        return idb.keys(p);
      },
    };
    const store = contractStoreOver(local, counting);
    await store.list();
    await store.read();
    await store.put({ name: 'a.yaml', text: 'openapi: 3.1.0' });
    await store.list();
    await settle();
    expect(listed).toBe(1);
  });

  it('a sweep that fails does not break loading', async () => {
    const local = MemoryStorageArea.local();
    const idb = new MemoryBlobArea();
    await contractStoreOver(local, idb).put({ name: 'api.yaml', text: 'openapi: 3.1.0' });
    const old = (Date.now() - 2 * ORPHAN_GRACE_MS).toString(36);
    await idb.put(`openapi@${old}-0-x:orphan.yaml`, { rev: `${old}-0-x`, text: 'openapi: 3.0.0' });
    const listingFails: BlobArea = {
      get: (k) => idb.get(k),
      put: (k, v) => idb.put(k, v),
      delete: (k) => idb.delete(k),
      keys: () => Promise.reject(new Error('UnknownError: Internal error')),
    };
    expect(await contractStoreOver(local, listingFails).list()).toEqual([
      { name: 'api.yaml', text: 'openapi: 3.1.0' },
    ]);
    const deletingFails: BlobArea = {
      ...listingFails,
      keys: (p) => idb.keys(p),
      delete: () => Promise.reject(new Error('UnknownError: Internal error')),
    };
    expect(await contractStoreOver(local, deletingFails).read()).toEqual({
      docs: [{ name: 'api.yaml', text: 'openapi: 3.1.0' }],
      unreadable: [],
    });
    await settle();
    expect(idb.items.size).toBe(2);
  });
});
