import { describe, expect, it, vi } from 'vitest';
import { createPanelStore } from '../../../src/state/panel-store';
import { createInlineAnalyzer } from '../../../src/surfaces/panel/analyzer';
import { importHar, type ImportBatch } from '../../../src/surfaces/panel/har-import';
import { createImporter } from '../../../src/surfaces/panel/importer';
import { createWorkerAnalyzer } from '../../../src/surfaces/panel/worker-analyzer';
import { activeRules } from '../../../src/core/engine/analyze';
import { defaultSettings } from '../../../src/core/settings/schema';
import { FakeWorker, harBytes, harText, recordNotices, tick } from './fakes';

const file = (name: string, text: string) => new File([text], name, { type: 'application/json' });

/** The batches importHar makes of `text`, as the worker would post them. */
async function batchesOf(text: string, importId: string, fileName: string) {
  const out: ImportBatch[] = [];
  await importHar(
    harBytes(text),
    { importId, bodyCap: 5_000_000, idPrefix: `${importId}-`, fileName },
    activeRules(defaultSettings()),
    (b) => out.push(b),
    1_000,
  );
  return out;
}

describe('Clear during a HAR import', () => {
  it('stops the import: no rows arrive after the clear, and the notice says it was cancelled', async () => {
    const store = createPanelStore();
    const analyzer = createInlineAnalyzer();
    const importer = createImporter(analyzer, store);
    const delivered: ImportBatch[] = [];
    let clearedAfter = 0;
    // Cleared from inside the first slice's delivery: deterministic, however fast the machine.
    analyzer.onImport((b) => {
      delivered.push(b);
      if (clearedAfter > 0) return;
      clearedAfter = delivered.length;
      expect(store.getState().rows.length).toBeGreaterThan(0);
      store.getState().clear();
    });
    // 1,000 entries: four slices of 250, with a yield between each.
    void importer.importFiles([file('long.har', harText(1_000))]);
    await vi.waitFor(() => expect(clearedAfter).toBe(1));
    expect(store.getState().notice).toBe('Import of long.har cancelled: the list was cleared.');
    await tick(50);
    expect(store.getState().rows).toHaveLength(0);
    // The analyzer stopped too: no more slices were even made.
    expect(delivered.length).toBe(clearedAfter);
    expect(store.getState().notice).toBe('Import of long.har cancelled: the list was cleared.');
    expect(importer.running).toBe(0);
  });

  it('a clear while the file is still being read cancels it before it reaches the analyzer', async () => {
    const store = createPanelStore();
    const analyzer = createInlineAnalyzer();
    const importHarSpy = vi.spyOn(analyzer, 'importHar');
    const importer = createImporter(analyzer, store);
    let release!: () => void;
    const slow = {
      name: 'slow.har',
      size: 10,
      arrayBuffer: () =>
        new Promise<ArrayBuffer>((resolve) => (release = () => resolve(harBytes(harText(2))))),
    } as unknown as File;
    const done = importer.importFiles([slow, file('next.har', harText(2))]);
    await tick(0);
    store.getState().clear();
    release();
    await done;
    await tick(10);
    expect(importHarSpy).not.toHaveBeenCalled();
    expect(store.getState().rows).toHaveLength(0);
    expect(store.getState().notice).toMatch(/slow\.har cancelled/);
  });

  it('with the worker, a clear sends it a cancel and drops whatever batch was already on its way', async () => {
    const store = createPanelStore();
    const worker = new FakeWorker();
    const analyzer = createWorkerAnalyzer({ createWorker: () => worker });
    const importer = createImporter(analyzer, store);
    await importer.importFiles([file('w.har', harText(600))]);
    const [importId] = worker.importIds();
    const batches = await batchesOf(harText(600), importId!, 'w.har');
    worker.reply({ type: 'imported', batch: batches[0]! });
    expect(store.getState().rows).toHaveLength(250);
    store.getState().clear();
    expect(worker.of('cancel')).toEqual([{ type: 'cancel', importId: importId! }]);
    for (const b of batches.slice(1)) worker.reply({ type: 'imported', batch: b });
    expect(store.getState().rows).toHaveLength(0);
    expect(store.getState().notice).toMatch(/w\.har cancelled/);
  });

  it('imported rows are marked as imported', async () => {
    const store = createPanelStore();
    const importer = createImporter(createInlineAnalyzer(), store);
    await importer.importFiles([file('m.har', harText(2))]);
    await vi.waitFor(() => expect(store.getState().rows).toHaveLength(2));
    expect(store.getState().rows.every((r) => r.imported === true)).toBe(true);
  });
});

describe('progress is counted per import, not per file name', () => {
  it('two files called the same, imported at the same time, each report their own counts', async () => {
    const store = createPanelStore();
    const worker = new FakeWorker();
    const importer = createImporter(createWorkerAnalyzer({ createWorker: () => worker }), store);
    const notices = recordNotices(store);
    await importer.importFiles([file('same.har', harText(600, 'a')), file('same.har', harText(300, 'b'))]);
    const ids = worker.importIds();
    expect(new Set(ids).size).toBe(2);
    const a = await batchesOf(harText(600, 'a'), ids[0]!, 'same.har');
    const b = await batchesOf(harText(300, 'b'), ids[1]!, 'same.har');
    expect(a).toHaveLength(3);
    expect(b).toHaveLength(2);
    // Interleaved, as two running imports deliver them.
    for (const batch of [a[0], b[0], a[1], b[1], a[2]]) worker.reply({ type: 'imported', batch: batch! });
    expect(store.getState().rows).toHaveLength(900);
    expect(notices.filter((n) => n.startsWith('Imported'))).toEqual([
      'Imported 300 of 300 entries from same.har',
      'Imported 600 of 600 entries from same.har',
    ]);
    expect(notices).toContain('Importing same.har: 250 of 300…');
  });
});
