import { describe, expect, it } from 'vitest';
import { contractStoreOver } from '../../../src/adapters/contract-storage/store';
import { MemoryBlobArea, MemoryStorageArea } from '../../../src/adapters/memory';
import type { ContractDoc } from '../../../src/core/contract/load';

function setup() {
  const local = MemoryStorageArea.local();
  const idb = new MemoryBlobArea();
  return { local, idb, options: contractStoreOver(local, idb), panel: contractStoreOver(local, idb) };
}

const doc: ContractDoc = {
  name: 'api.yaml',
  text: 'openapi: 3.1.0',
  baseUrl: 'http://127.0.0.1:8080/api',
  parts: [{ name: 'schemas/pet.yaml', text: 'Pet: {}' }],
};

describe('switching a stored OpenAPI description off and on', () => {
  it('keeps its text, parts and base URL, and only the index entry is written', async () => {
    const { idb, options, panel } = setup();
    await options.put(doc);
    const blobs = structuredClone([...idb.items]);
    await options.setOff('api.yaml', true);
    expect(await panel.list()).toEqual([{ ...doc, off: true }]);
    // The text (megabytes, for a real description) stays where it was, under the same key.
    expect([...idb.items]).toEqual(blobs);
    await options.setOff('api.yaml', false);
    expect(await panel.list()).toEqual([doc]);
    expect([...idb.items]).toEqual(blobs);
  });

  it('tells every context, and a later base-URL save keeps it off', async () => {
    const { options, panel } = setup();
    const seen: ContractDoc[][] = [];
    panel.subscribe((d) => seen.push(d));
    await options.put(doc);
    await options.setOff('api.yaml', true);
    await expect.poll(() => seen.at(-1)?.[0]?.off).toBe(true);
    const [stored] = await options.list();
    await options.put({ ...stored!, baseUrl: 'https://staging.example.com' });
    expect(await panel.list()).toEqual([{ ...doc, baseUrl: 'https://staging.example.com', off: true }]);
  });

  it('reads an index entry stored before the switch existed as on', async () => {
    const { local, idb, panel } = setup();
    await idb.put('openapi@k0-0-abc:old.yaml', { rev: 'k0-0-abc', text: 'openapi: 3.0.3' });
    await local.set({ openapi: [{ name: 'old.yaml', size: 14, rev: 'k0-0-abc' }] });
    const docs = await panel.list();
    expect(docs).toEqual([{ name: 'old.yaml', text: 'openapi: 3.0.3' }]);
    expect(docs[0]!.off).toBeUndefined();
  });

  it('switches off a description an older version stored whole in the index, moving its text out', async () => {
    const { local, idb, options } = setup();
    await local.set({ openapi: [{ name: 'legacy.yaml', text: 'openapi: 3.0.3', baseUrl: 'http://x.test' }] });
    await options.setOff('legacy.yaml', true);
    expect(await options.list()).toEqual([
      { name: 'legacy.yaml', text: 'openapi: 3.0.3', baseUrl: 'http://x.test', off: true },
    ]);
    expect(idb.items.size).toBe(1);
  });

  it('an entry whose switch is not one this version writes is unreadable, named, and kept', async () => {
    const { local, options } = setup();
    const raw = { name: 'odd.yaml', size: 1, rev: 'r', off: 'yes' };
    await local.set({ openapi: [raw] });
    const { docs, unreadable } = await options.read();
    expect(docs).toEqual([]);
    expect(unreadable).toEqual([
      expect.objectContaining({
        label: 'odd.yaml',
        problem: expect.stringContaining('an off switch that is not true'),
      }),
    ]);
    await options.put({ name: 'b.yaml', text: 'openapi: 3.1.0' });
    expect(((await local.get('openapi')) as unknown[]).at(-1)).toEqual(raw);
  });
});
