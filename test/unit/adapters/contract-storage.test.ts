import { describe, expect, it } from 'vitest';
import { contractStoreOver } from '../../../src/adapters/contract-storage/store';
import { MemoryBlobArea, MemoryStorageArea } from '../../../src/adapters/memory';
import type { StorageArea } from '../../../src/adapters/ports';
import type { ContractDoc } from '../../../src/core/contract/load';

/** Two contexts (options page, panel) over the same two areas, as in the browser. */
function setup() {
  // chrome.storage.local as it is without unlimitedStorage: 10 MB in all.
  const local = MemoryStorageArea.local();
  const idb = new MemoryBlobArea();
  return { local, idb, options: contractStoreOver(local, idb), panel: contractStoreOver(local, idb) };
}

const MB = 1024 * 1024;
const big = (name: string, mb: number): ContractDoc => ({
  name,
  text: `{"openapi":"3.1.0","info":{"title":"big","version":"1"},"x-pad":"${'a'.repeat(mb * MB)}"}`,
});

describe('OpenAPI descriptions: text in IndexedDB, index in storage.local (no unlimitedStorage)', () => {
  it('stores a 20 MB description, and storage.local holds only a small index', async () => {
    const { local, options, panel } = setup();
    await options.put({ ...big('huge.json', 20), baseUrl: 'http://127.0.0.1:8080' });
    const docs = await panel.list();
    expect(docs).toHaveLength(1);
    expect(docs[0]!.text.length).toBeGreaterThan(20 * MB);
    expect(docs[0]!.baseUrl).toBe('http://127.0.0.1:8080');
    expect(JSON.stringify([...local.items]).length).toBeLessThan(1024);
  });

  it('without the blob area the same write is refused by storage.local’s quota (why it exists)', async () => {
    const local = MemoryStorageArea.local();
    await expect(local.set({ openapi: [big('huge.json', 20)] })).rejects.toThrow(/QUOTA_BYTES/);
  });

  it('tells every context of a change, with the documents and their parts', async () => {
    const { options, panel } = setup();
    const seen: ContractDoc[][] = [];
    panel.subscribe((d) => seen.push(d));
    const doc: ContractDoc = {
      name: 'api.yaml',
      text: 'openapi: 3.1.0',
      parts: [{ name: 'schemas/pet.yaml', text: 'Pet: {}' }],
    };
    await options.put(doc);
    await expect.poll(() => seen.at(-1)).toEqual([doc]);
    await options.put({ ...doc, baseUrl: 'https://staging.example.com' });
    await expect.poll(() => seen.at(-1)?.[0]?.baseUrl).toBe('https://staging.example.com');
    await options.remove('api.yaml');
    await expect.poll(() => seen.at(-1)).toEqual([]);
  });

  it('removing a description deletes its text', async () => {
    const { idb, options } = setup();
    await options.put({ name: 'a.yaml', text: 'openapi: 3.1.0' });
    await options.put({ name: 'b.yaml', text: 'openapi: 3.0.0' });
    expect(idb.items.size).toBe(2);
    await options.remove('a.yaml');
    expect([...idb.items.keys()]).toEqual([expect.stringMatching(/^openapi@[^:]+:b\.yaml$/)]);
    expect((await options.list()).map((d) => d.name)).toEqual(['b.yaml']);
  });

  it('reads descriptions an older version kept whole in storage.local, and moves them on the next write', async () => {
    const { local, idb, options } = setup();
    await local.set({ openapi: [{ name: 'old.yaml', text: 'openapi: 3.0.0', baseUrl: 'http://x.example' }] });
    expect(await options.list()).toEqual([
      { name: 'old.yaml', text: 'openapi: 3.0.0', baseUrl: 'http://x.example' },
    ]);
    await options.put({ name: 'new.yaml', text: 'openapi: 3.1.0' });
    expect((await options.list()).map((d) => [d.name, d.baseUrl])).toEqual([
      ['old.yaml', 'http://x.example'],
      ['new.yaml', undefined],
    ]);
    expect(JSON.stringify(await local.get('openapi'))).not.toContain('openapi: 3.0.0');
    expect([...idb.items.keys()].filter((k) => k.endsWith(':old.yaml'))).toHaveLength(1);
  });

  it('a save that stops before its index entry is written keeps the previous text, whole and readable', async () => {
    const { local, idb, options, panel } = setup();
    await options.put({ name: 'api.yaml', text: 'openapi: 3.0.0', baseUrl: 'https://old.example' });
    // The browser closes (or the quota runs out) between the text's write and the index's.
    const failing: StorageArea = {
      get: (key) => local.get(key),
      set: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')),
      remove: (key) => local.remove(key),
      onChanged: (listener) => local.onChanged(listener),
    };
    await expect(
      contractStoreOver(failing, idb).put({ name: 'api.yaml', text: 'openapi: 3.1.0' }),
    ).rejects.toThrow(/QUOTA/);
    expect(await panel.read()).toEqual({
      docs: [{ name: 'api.yaml', text: 'openapi: 3.0.0', baseUrl: 'https://old.example' }],
      unreadable: [],
    });
    // The next save that finishes replaces it, and the text it replaced is deleted.
    await options.put({ name: 'api.yaml', text: 'openapi: 3.1.0' });
    expect(await panel.list()).toEqual([{ name: 'api.yaml', text: 'openapi: 3.1.0' }]);
    const texts = await Promise.all([...idb.items.keys()].map((k) => idb.get(k)));
    expect(texts.map((t) => (t as { text: string }).text)).not.toContain('openapi: 3.0.0');
  });

  it('reads a text an older version wrote in place, and deletes it once a save replaces it', async () => {
    const { local, idb, options } = setup();
    await local.set({ openapi: [{ name: 'api.yaml', rev: 'r1', size: 14 }] });
    await idb.put('openapi:api.yaml', { rev: 'r1', text: 'openapi: 3.0.0' });
    expect(await options.list()).toEqual([{ name: 'api.yaml', text: 'openapi: 3.0.0' }]);
    await options.put({ name: 'api.yaml', text: 'openapi: 3.1.0' });
    expect(await options.list()).toEqual([{ name: 'api.yaml', text: 'openapi: 3.1.0' }]);
    expect(idb.items.has('openapi:api.yaml')).toBe(false);
    expect(idb.items.size).toBe(1);
  });

  it('junk in either area is dropped, not trusted', async () => {
    const { local, idb, options } = setup();
    await local.set({ openapi: [{ name: 'a.yaml', rev: 'r1', size: 3 }, 42, { name: 7 }] });
    await idb.put('openapi:a.yaml', { rev: 'other', text: 'x' });
    expect(await options.list()).toEqual([]);
  });

  it('index items this version cannot read are not used, and survive every write untouched', async () => {
    const { local, options } = setup();
    // A newer version's kind of entry, and a corrupted one.
    const unread = [{ name: 'remote.yaml', source: { url: 'https://api.example/openapi.yaml' } }, 42];
    await local.set({ openapi: unread });
    expect(await options.list()).toEqual([]);
    await options.put({ name: 'a.yaml', text: 'openapi: 3.1.0' });
    expect(await options.list()).toEqual([{ name: 'a.yaml', text: 'openapi: 3.1.0' }]);
    expect(local.items.get('openapi')).toEqual([expect.objectContaining({ name: 'a.yaml' }), ...unread]);
    await options.remove('a.yaml');
    expect(local.items.get('openapi')).toEqual(unread);
  });
});
