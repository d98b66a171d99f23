import { describe, expect, it, vi } from 'vitest';
import { MemoryNetworkSource, MemorySettingsStore } from '../../../src/adapters/memory';
import { defaultSettings } from '../../../src/core/settings/schema';
import { createPanelStore, type PanelStore } from '../../../src/state/panel-store';
import { createInlineAnalyzer, type Analyzer } from '../../../src/surfaces/panel/analyzer';
import { startCapture } from '../../../src/surfaces/panel/capture';
import { createImporter } from '../../../src/surfaces/panel/importer';
import { harDocument, harEntry } from '../../helpers/har';
import { harBytes, J } from './fakes';

/** 300 entries of invalid JSON: body/invalid-json on every row, until the settings switch it off. */
const broken = JSON.stringify(
  harDocument(
    Array.from({ length: 300 }, (_, i) =>
      harEntry({ url: `https://api.example.com/broken/${i}`, status: 200, headers: J, text: '{' }),
    ),
  ),
);
const ruleOff = () => ({ ...defaultSettings(), rules: { 'body/invalid-json': 'off' as const } });

/** The analysis worker's batches, held on their way to the panel until the test delivers them. */
function heldBatches(inner: Analyzer) {
  const held: (() => void)[] = [];
  let judged = false;
  const analyzer: Analyzer = {
    ...inner,
    onImport: (listener) =>
      inner.onImport((batch) => {
        judged ||= batch.done;
        held.push(() => listener(batch));
      }),
  };
  return {
    analyzer,
    held,
    /** The worker has judged the whole file and posted every batch. */
    judgedAll: () => vi.waitFor(() => expect(judged).toBe(true)),
    deliver: () => held.splice(0).forEach((d) => d()),
  };
}

function panel(analyzer: Analyzer = createInlineAnalyzer()) {
  const store = createPanelStore();
  const settings = new MemorySettingsStore();
  startCapture({ source: new MemoryNetworkSource(), store, analyzer, settings, flushMs: 0 });
  return { store, settings, importer: createImporter(analyzer, store) };
}

const flagged = (store: PanelStore) =>
  store.getState().rows.filter((r) => r.analysis?.findings.some((f) => f.rule === 'body/invalid-json'));
const importedAll = (store: PanelStore) =>
  vi.waitFor(() => expect(store.getState().notice).toBe('Imported 300 of 300 entries from broken.har'));

describe('a HAR import and a settings change at the same moment', () => {
  it('a change saved while the file is still being read: its rows end with the new settings’ findings', async () => {
    const { store, settings, importer } = panel();
    let read!: () => void;
    const slow = {
      name: 'broken.har',
      size: broken.length,
      arrayBuffer: () => new Promise<ArrayBuffer>((r) => (read = () => r(harBytes(broken)))),
    } as unknown as File;
    const importing = importer.importFiles([slow]);
    await settings.save(ruleOff());
    read();
    await importing;
    await importedAll(store);
    await vi.waitFor(() => expect(flagged(store)).toHaveLength(0));
    expect(store.getState().rows).toHaveLength(300);
  });

  it('a change saved once the whole file is judged, its rows still on their way to the panel', async () => {
    const { analyzer, judgedAll, deliver } = heldBatches(createInlineAnalyzer());
    const { store, settings, importer } = panel(analyzer);
    await importer.importFiles([new File([broken], 'broken.har')]);
    // The worker has judged every entry by the old settings and posted them all.
    await judgedAll();
    await settings.save(ruleOff());
    deliver();
    await importedAll(store);
    expect(store.getState().rows).toHaveLength(300);
    await vi.waitFor(() => expect(flagged(store)).toHaveLength(0));
  });

  it('a change saved as the first rows arrive, and another before the rest do: the newest settings win', async () => {
    const { analyzer, held, judgedAll, deliver } = heldBatches(createInlineAnalyzer());
    const { store, settings, importer } = panel(analyzer);
    await importer.importFiles([new File([broken], 'broken.har')]);
    await judgedAll();
    expect(held.length).toBeGreaterThan(1);
    // Switched off once the first rows are in, then rated info before the rest arrive.
    held.shift()!();
    await settings.save(ruleOff());
    await settings.save({ ...defaultSettings(), rules: { 'body/invalid-json': 'info' } });
    deliver();
    await importedAll(store);
    const severities = () =>
      flagged(store).map((r) => r.analysis!.findings.find((f) => f.rule === 'body/invalid-json')!.severity);
    await vi.waitFor(() => expect(severities()).toEqual(Array(300).fill('info')));
  });
});
