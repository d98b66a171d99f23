import { describe, expect, it, vi } from 'vitest';
import { MemoryNetworkSource, MemorySettingsStore } from '../../../src/adapters/memory';
import { defaultSettings } from '../../../src/core/settings/schema';
import { createPanelStore } from '../../../src/state/panel-store';
import { createInlineAnalyzer, type Analyzer } from '../../../src/surfaces/panel/analyzer';
import { startCapture } from '../../../src/surfaces/panel/capture';
import { importHar, type ImportBatch } from '../../../src/surfaces/panel/har-import';
import { activeRules } from '../../../src/core/engine/analyze';
import { createImporter } from '../../../src/surfaces/panel/importer';
import { createWorkerAnalyzer } from '../../../src/surfaces/panel/worker-analyzer';
import { harDocument, harEntry } from '../../helpers/har';
import { makeExchange } from '../../helpers/exchange';
import { FakeWorker, J } from './fakes';

/** 600 entries of invalid JSON, several batches: body/invalid-json on every row while the rule is on. */
const broken = JSON.stringify(
  harDocument(
    Array.from({ length: 600 }, (_, i) =>
      harEntry({ url: `https://api.example.com/broken/${i}`, status: 200, headers: J, text: '{' }),
    ),
  ),
);
const ruleOff = () => ({ ...defaultSettings(), rules: { 'body/invalid-json': 'off' as const } });
const flaggedIn = (items: ImportBatch['items']) =>
  items.filter((i) => i.analysis.findings.some((f) => f.rule === 'body/invalid-json')).length;

describe('a settings change during a HAR import applies to the rest of it (not only at its end)', () => {
  it('entries judged after the change carry its findings, and only the rows judged before are judged again', async () => {
    const analyzer = createInlineAnalyzer();
    const sent: string[] = [];
    const spied: Analyzer = {
      ...analyzer,
      get revision() {
        return analyzer.revision;
      },
      analyze: (exchanges, choice) => {
        sent.push(...exchanges.map((e) => e.id));
        analyzer.analyze(exchanges, choice);
      },
    };
    const store = createPanelStore();
    const settings = new MemorySettingsStore();
    startCapture({ source: new MemoryNetworkSource(), store, analyzer: spied, settings, flushMs: 0 });
    let changedAt: number | null = null;
    const after: ImportBatch[] = [];
    // Heard before the importer lists the batch (and the change its rows set off).
    analyzer.onImport((batch) => {
      if (changedAt !== null) after.push(batch);
    });
    const importer = createImporter(spied, store);
    const off = store.subscribe((state) => {
      // The first rows are in, the rest of the file still to be read: the rule is switched off.
      if (changedAt !== null || state.rows.length === 0) return;
      changedAt = state.rows.length;
      void settings.save(ruleOff());
    });
    await importer.importFiles([new File([broken], 'broken.har')]);
    await vi.waitFor(() => expect(store.getState().notice).toMatch(/^Imported 600 of 600/));
    off();

    // Judged by the new settings as they were read: no finding of the rule switched off.
    expect(changedAt).toBeLessThan(600);
    expect(after.flatMap((b) => b.items)).toHaveLength(600 - changedAt!);
    expect(flaggedIn(after.flatMap((b) => b.items))).toBe(0);
    // The rows listed at the change were judged again, once; not the whole file at its end.
    await vi.waitFor(() =>
      expect(
        flaggedIn(store.getState().rows.map((r) => ({ exchange: r.exchange, analysis: r.analysis! }))),
      ).toBe(0),
    );
    expect(sent).toHaveLength(changedAt!);
  });

  it('through the worker: a batch judged before the worker had the new settings is judged again, a later one is not', async () => {
    const worker = new FakeWorker();
    const analyzer = createWorkerAnalyzer({ createWorker: () => worker });
    const store = createPanelStore();
    const settings = new MemorySettingsStore();
    startCapture({ source: new MemoryNetworkSource(), store, analyzer, settings, flushMs: 0 });
    const importer = createImporter(analyzer, store);
    await importer.importFiles([new File([broken], 'broken.har')]);
    const [importId] = worker.importIds();
    const startedWith = analyzer.revision;
    const batch = (from: number, revision: number, done = false): ImportBatch => ({
      importId: importId!,
      fileName: 'broken.har',
      items: [0, 1].map((i) => ({
        exchange: { ...analysedRowOf(from + i) },
        analysis: { findings: [], problems: [] } as never,
      })),
      problems: [],
      total: from + 2,
      done,
      revision,
    });
    worker.reply({ type: 'imported', batch: batch(0, startedWith) });
    await vi.waitFor(() => expect(store.getState().rows).toHaveLength(2));
    await settings.save(ruleOff());
    await vi.waitFor(() => expect(analyzer.revision).toBe(startedWith + 1));
    const analyzedIds = () =>
      worker.of('analyze').flatMap((m) => (m.exchanges as { id: string }[]).map((e) => e.id));
    // The two rows listed at the change: judged again by capture's re-analysis.
    expect(analyzedIds().sort()).toEqual([`${importId}-0`, `${importId}-1`]);
    // Posted before the worker took the new settings: judged by the old ones, so judged again.
    worker.reply({ type: 'imported', batch: batch(2, startedWith) });
    expect(analyzedIds()).toContain(`${importId}-2`);
    expect(worker.of('analyze').at(-1)).toMatchObject({ session: importId });
    // Judged by the new settings: nothing more to do.
    worker.reply({ type: 'imported', batch: batch(4, startedWith + 1, true) });
    expect(analyzedIds()).not.toContain(`${importId}-4`);
  });
});

describe('an import batch is judged by one revision of the settings', () => {
  it('entries judged before a change and after it never share a batch', async () => {
    const rules = activeRules(defaultSettings());
    let judged = 0;
    const batches: ImportBatch[] = [];
    await importHar(
      new TextEncoder().encode(broken).buffer,
      { importId: 'r', bodyCap: 5_000_000, idPrefix: 'r-', fileName: 'broken.har' },
      // New settings arrive once three entries are judged.
      { active: () => (judged++, rules), contracts: () => [], revision: () => (judged >= 3 ? 1 : 0) },
      (b) => batches.push(b),
      Number.MAX_SAFE_INTEGER,
    );
    expect(batches[0]).toMatchObject({ revision: 0, done: false });
    expect(batches[0]!.items).toHaveLength(3);
    expect(batches.slice(1).every((b) => b.revision === 1)).toBe(true);
    expect(batches.flatMap((b) => b.items)).toHaveLength(600);
  });
});

/** An imported row as the worker sends it: the file's entry `i`. */
function analysedRowOf(i: number) {
  return {
    ...makeExchange({ url: `https://api.example.com/broken/${i}`, status: 200, headers: J, body: {} }),
    id: `har0-${i}`,
  };
}
