import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { READ_RETRY_MS } from '../../../src/adapters/contract-storage/retry';
import { contractStoreOver } from '../../../src/adapters/contract-storage/store';
import { MemoryBlobArea, MemoryStorageArea } from '../../../src/adapters/memory';
import type { ContractDoc } from '../../../src/core/contract/load';

const a: ContractDoc = { name: 'a.yaml', text: 'openapi: 3.1.0' };
const b: ContractDoc = { name: 'b.yaml', text: 'openapi: 3.0.3' };

/** Two contexts over one storage.local and one IndexedDB; the panel follows what the options page saves. */
function setup() {
  const local = new MemoryStorageArea();
  const idb = new MemoryBlobArea();
  const options = contractStoreOver(local, idb);
  const panel = contractStoreOver(local, idb);
  const seen: string[][] = [];
  const failures: string[] = [];
  const off = panel.subscribe(
    (docs) => seen.push(docs.map((d) => d.name)),
    (reason) => failures.push(reason),
  );
  return { local, options, seen, failures, off };
}

/** Saves `doc` in the options page, then makes the panel's read of that change fail (once). */
async function saveWithFailedRead(s: ReturnType<typeof setup>, doc: ContractDoc) {
  await s.options.put(doc);
  // The save's own reads are done; its change event is still to come, and the panel reads then.
  s.local.failNextGet = 'IO error: the database is busy';
  await vi.advanceTimersByTimeAsync(0);
}

describe('OpenAPI descriptions: a read after a change that fails', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('is reported, and read again until the change is applied', async () => {
    const s = setup();
    await s.options.put(a);
    await vi.advanceTimersByTimeAsync(0);
    expect(s.seen).toEqual([['a.yaml']]);
    await saveWithFailedRead(s, b);
    expect(s.failures).toEqual(['IO error: the database is busy']);
    expect(s.seen).toEqual([['a.yaml']]);
    await vi.advanceTimersByTimeAsync(READ_RETRY_MS[0]);
    expect(s.seen).toEqual([['a.yaml'], ['a.yaml', 'b.yaml']]);
    // Once read, not read again.
    await vi.advanceTimersByTimeAsync(READ_RETRY_MS.at(-1)! * 2);
    expect(s.seen).toHaveLength(2);
    expect(s.failures).toHaveLength(1);
  });

  it('keeps trying, more slowly, while storage keeps refusing', async () => {
    const s = setup();
    await saveWithFailedRead(s, a);
    for (const wait of READ_RETRY_MS) {
      s.local.failNextGet = 'IO error: still busy';
      await vi.advanceTimersByTimeAsync(wait);
    }
    expect(s.failures).toHaveLength(1 + READ_RETRY_MS.length);
    expect(s.seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(READ_RETRY_MS.at(-1)!);
    expect(s.seen).toEqual([['a.yaml']]);
  });

  it('a newer change is read at once, and the failed read is not repeated after it', async () => {
    const s = setup();
    await saveWithFailedRead(s, a);
    expect(s.failures).toHaveLength(1);
    await s.options.put(b);
    await vi.advanceTimersByTimeAsync(0);
    expect(s.seen).toEqual([['a.yaml', 'b.yaml']]);
    await vi.advanceTimersByTimeAsync(READ_RETRY_MS[0]);
    expect(s.seen).toHaveLength(1);
  });

  it('a subscriber that left is not read for again', async () => {
    const s = setup();
    await saveWithFailedRead(s, a);
    s.off();
    await vi.advanceTimersByTimeAsync(READ_RETRY_MS[0]);
    expect(s.seen).toEqual([]);
  });
});
