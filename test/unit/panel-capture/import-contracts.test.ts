import { describe, expect, it, vi } from 'vitest';
import { MemoryContractStore, MemoryNetworkSource } from '../../../src/adapters/memory';
import { createPanelStore, type PanelStore } from '../../../src/state/panel-store';
import { createInlineAnalyzer, type Analyzer } from '../../../src/surfaces/panel/analyzer';
import { startCapture } from '../../../src/surfaces/panel/capture';
import { followContracts } from '../../../src/surfaces/panel/contracts';
import { createImporter } from '../../../src/surfaces/panel/importer';
import { impDescription } from '../../helpers/contracts';
import { harText, tick } from './fakes';

/** harText's rows answer 404 on GET /i/{n}; this description documents only 200 there. */
const only200 = impDescription();

/**
 * The analysis worker as a busy one answers: the descriptions are in use for what it is sent
 * next, but its word about them (outlines, problems) reaches the panel only when the test says.
 */
function slowToAnswer(inner: Analyzer) {
  const answers: (() => void)[] = [];
  const analyzer: Analyzer = {
    ...inner,
    onContracts: (listener) => inner.onContracts((status) => answers.push(() => listener(status))),
  };
  return { analyzer, answer: () => answers.splice(0).forEach((a) => a()) };
}

const undocumented = (store: PanelStore) =>
  store
    .getState()
    .rows.filter((r) => r.analysis?.findings.some((f) => f.rule === 'contract/undocumented-status'));

/** A panel whose analyzer answers late, importing imp.har (600 rows); `during` runs once its first rows are in. */
async function importAcross(stored: MemoryContractStore, during: () => Promise<void>) {
  const store = createPanelStore();
  const { analyzer, answer } = slowToAnswer(createInlineAnalyzer());
  // Capture is what applies the analyzer's results to the rows.
  startCapture({ source: new MemoryNetworkSource(), store, analyzer, flushMs: 0 });
  followContracts(stored, analyzer, store);
  const importer = createImporter(analyzer, store);
  await tick();
  answer();
  // The rest of the file is still being read when the descriptions change.
  let changed = false;
  analyzer.onImport(() => {
    if (changed) return;
    changed = true;
    void during();
  });
  await importer.importFiles([new File([harText(600)], 'imp.har')]);
  // 600 rows on a shared two-core machine: past the default second under load (a hang-stop, not a speed check).
  await vi.waitFor(() => expect(store.getState().notice).toBe('Imported 600 of 600 entries from imp.har'), {
    timeout: 10_000,
  });
  // The worker's word on the descriptions, after the import is in.
  answer();
  return store;
}

describe('an OpenAPI description changed while a HAR file is imported', () => {
  it('every imported row ends judged by one loaded, though the worker’s word on it comes after the import', async () => {
    const stored = new MemoryContractStore();
    const store = await importAcross(stored, () => stored.put(only200));
    await vi.waitFor(() => expect(undocumented(store)).toHaveLength(600));
  });

  it('no imported row keeps what one switched off said', async () => {
    const stored = new MemoryContractStore([only200]);
    const store = await importAcross(stored, () => stored.setOff(only200.name, true));
    await vi.waitFor(() => expect(undocumented(store)).toHaveLength(0));
    expect(store.getState().rows).toHaveLength(600);
  });
});
