import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { READ_RETRY_MS } from '../../../src/adapters/contract-storage/retry';
import { contractStoreOver } from '../../../src/adapters/contract-storage/store';
import { MemoryBlobArea, MemoryNetworkSource, MemoryStorageArea } from '../../../src/adapters/memory';
import { createPanelStore, type PanelStore } from '../../../src/state/panel-store';
import { createInlineAnalyzer } from '../../../src/surfaces/panel/analyzer';
import { startCapture } from '../../../src/surfaces/panel/capture';
import { followContracts } from '../../../src/surfaces/panel/contracts';
import { impDescription } from '../../helpers/contracts';
import { harEntry } from '../../helpers/har';
import { J } from './fakes';

/** GET /i/{n}: the row below answers 404, documented, and then no longer. */
const with404 = impDescription([200, 404]);
const without404 = impDescription([200]);

const undocumented = (store: PanelStore) =>
  store
    .getState()
    .rows.some((r) => r.analysis?.findings.some((f) => f.rule === 'contract/undocumented-status'));

/**
 * A panel with one live row (GET /i/1 → 404) following the descriptions another context saves,
 * `docs` saved before it opens; `failedRead`: its first read of them fails so.
 */
async function panelWith(docs: { name: string; text: string }[], failedRead?: string) {
  const local = new MemoryStorageArea();
  const idb = new MemoryBlobArea();
  const options = contractStoreOver(local, idb);
  for (const d of docs) await options.put(d);
  // Saved before the panel opens: their change events are long gone.
  await vi.advanceTimersByTimeAsync(0);
  local.failNextGet = failedRead;
  const store = createPanelStore();
  const source = new MemoryNetworkSource();
  const analyzer = createInlineAnalyzer();
  startCapture({ source, store, analyzer, flushMs: 0 });
  followContracts(contractStoreOver(local, idb), analyzer, store);
  source.emit(harEntry({ url: 'https://imp.io/i/1', status: 404, headers: J, text: '{}' }), { text: '{}' });
  await vi.advanceTimersByTimeAsync(10);
  expect(store.getState().rows[0]?.analysis).toBeDefined();
  return { local, options, store };
}

describe('the panel, when the stored OpenAPI descriptions cannot be read', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('says so when a change cannot be read, and judges by the change once a retry reads it', async () => {
    const { local, options, store } = await panelWith([with404]);
    expect(undocumented(store)).toBe(false);
    await options.put(without404);
    local.failNextGet = 'IO error: the database is busy';
    await vi.advanceTimersByTimeAsync(10);
    // Still judged by the description before the change, and the user is told.
    expect(undocumented(store)).toBe(false);
    expect(store.getState().notice).toBe(
      'The OpenAPI descriptions changed but could not be read (IO error: the database is busy): the panel still judges by the ones it had, and tries again.',
    );
    await vi.advanceTimersByTimeAsync(READ_RETRY_MS[0]);
    expect(undocumented(store)).toBe(true);
    expect(store.getState().notice).toBeNull();
  });

  it('says so when they cannot be read on opening, and uses them once a retry reads them', async () => {
    const { store } = await panelWith([without404], 'IO error: the database is busy');
    expect(undocumented(store)).toBe(false);
    expect(store.getState().notice).toBe(
      'The stored OpenAPI descriptions could not be read (IO error: the database is busy): the panel judges without them, and tries again.',
    );
    await vi.advanceTimersByTimeAsync(READ_RETRY_MS[0]);
    expect(undocumented(store)).toBe(true);
    expect(store.getState().notice).toBeNull();
  });

  it('leaves a newer notice in place when the descriptions are read at last', async () => {
    const { local, options, store } = await panelWith([with404]);
    await options.put(without404);
    local.failNextGet = 'IO error';
    await vi.advanceTimersByTimeAsync(10);
    store.getState().setNotice('Imported 3 of 3 entries from a.har');
    await vi.advanceTimersByTimeAsync(READ_RETRY_MS[0]);
    expect(undocumented(store)).toBe(true);
    expect(store.getState().notice).toBe('Imported 3 of 3 entries from a.har');
  });
});
