import { describe, expect, it, vi } from 'vitest';
import { activeRules } from '../../../src/core/engine/analyze';
import { defaultSettings } from '../../../src/core/settings/schema';
import { createPanelStore } from '../../../src/state/panel-store';
import { startCapture } from '../../../src/surfaces/panel/capture';
import { importHar, type ImportBatch } from '../../../src/surfaces/panel/har-import';
import { createImporter } from '../../../src/surfaces/panel/importer';
import { createWorkerAnalyzer } from '../../../src/surfaces/panel/worker-analyzer';
import { WORKER_FAILED_NOTICE } from '../../../src/surfaces/panel/worker-fallback';
import { harEntry } from '../../helpers/har';
import { FakeWorker, GatedSource, harBytes, harText, J, tick } from './fakes';

const created = (path: string) =>
  harEntry({ method: 'POST', url: `https://a.io${path}`, status: 201, headers: J, size: 2 });

function setup() {
  const store = createPanelStore();
  const worker = new FakeWorker();
  const analyzer = createWorkerAnalyzer({ createWorker: () => worker });
  const source = new GatedSource();
  startCapture({ source, store, analyzer, flushMs: 0 });
  return { store, worker, analyzer, source };
}

const analysed = (store: ReturnType<typeof createPanelStore>) =>
  store.getState().rows.map((r) => r.analysis?.findings.map((f) => f.rule) ?? null);

describe('when the analysis worker fails', () => {
  it('rows it never answered are analysed in the panel, and the user is told', async () => {
    const { store, worker, source } = setup();
    source.respond(created('/a'), '{}');
    source.respond(created('/b'), '{}');
    await vi.waitFor(() => expect(store.getState().rows).toHaveLength(2));
    expect(worker.of('analyze')).toHaveLength(1);
    expect(analysed(store)).toEqual([null, null]);
    worker.crash();
    expect(worker.terminated).toBe(true);
    expect(store.getState().notice).toBe(WORKER_FAILED_NOTICE);
    for (const rules of analysed(store)) expect(rules).toContain('http/created-location');
    // Later work runs in the panel too.
    source.respond(created('/c'), '{}');
    await vi.waitFor(() => expect(analysed(store)[2]).toContain('http/created-location'));
    expect(worker.of('analyze')).toHaveLength(1);
  });

  it('only what the worker had not answered is redone; its settings carry over', async () => {
    const { store, worker, source, analyzer } = setup();
    const settings = defaultSettings();
    settings.rules = { 'http/created-location': 'off' };
    analyzer.configure(settings);
    source.respond(created('/answered'), '{}');
    await vi.waitFor(() => expect(worker.of('analyze')).toHaveLength(1));
    const first = store.getState().rows[0]!.exchange;
    worker.reply({ type: 'results', results: [{ id: first.id, analysis: { findings: [], problems: [] } }] });
    source.respond(created('/pending'), '{}');
    await vi.waitFor(() => expect(worker.of('analyze')).toHaveLength(2));
    const results = vi.fn();
    analyzer.onResults(results);
    worker.onmessageerror?.({ data: null } as MessageEvent<unknown>);
    expect(results).toHaveBeenCalledTimes(1);
    const redone = results.mock.calls[0]![0] as { id: string; analysis: { findings: { rule: string }[] } }[];
    expect(redone.map((r) => r.id)).toEqual([store.getState().rows[1]!.exchange.id]);
    // The rule switched off before the failure stays off in the panel's analyzer.
    expect(redone[0]!.analysis.findings.map((f) => f.rule)).not.toContain('http/created-location');
    expect(store.getState().notice).toBe(WORKER_FAILED_NOTICE);
  });

  it('a worker that cannot even start: everything runs in the panel, with the notice', async () => {
    const store = createPanelStore();
    const analyzer = createWorkerAnalyzer({
      createWorker: () => {
        throw new Error('blocked');
      },
    });
    const source = new GatedSource();
    startCapture({ source, store, analyzer, flushMs: 0 });
    expect(store.getState().notice).toBe(WORKER_FAILED_NOTICE);
    source.respond(created('/x'), '{}');
    await vi.waitFor(() => expect(analysed(store)[0]).toContain('http/created-location'));
  });

  it('an import the worker was running is finished in the panel, without repeating delivered rows', async () => {
    const store = createPanelStore();
    const worker = new FakeWorker();
    const analyzer = createWorkerAnalyzer({ createWorker: () => worker });
    const importer = createImporter(analyzer, store);
    const text = harText(600);
    await importer.importFiles([new File([text], 'huge.har')]);
    const [importId] = worker.importIds();
    const batches: ImportBatch[] = [];
    await importHar(
      harBytes(text),
      {
        importId: importId!,
        bodyCap: 5_000_000,
        idPrefix: `${importId!}-`,
        fileName: 'huge.har',
      },
      activeRules(defaultSettings()),
      (b) => batches.push(b),
      1_000,
    );
    worker.reply({ type: 'imported', batch: batches[0]! });
    expect(store.getState().rows).toHaveLength(250);
    worker.crash();
    await vi.waitFor(() => expect(store.getState().notice).toBe('Imported 600 of 600 entries from huge.har'));
    const ids = store.getState().rows.map((r) => r.exchange.id);
    expect(ids).toHaveLength(600);
    expect(new Set(ids).size).toBe(600);
    expect(store.getState().rows.every((r) => r.analysis && r.imported)).toBe(true);
  });

  it('messages from a worker that was given up on are ignored', async () => {
    const { store, worker, source } = setup();
    source.respond(created('/a'), '{}');
    await vi.waitFor(() => expect(store.getState().rows).toHaveLength(1));
    const handler = worker.onmessage!;
    worker.crash();
    const rows = store.getState().rows;
    handler({
      data: {
        type: 'results',
        results: [{ id: rows[0]!.exchange.id, analysis: { findings: [], problems: [] } }],
      },
    } as MessageEvent<unknown>);
    await tick(0);
    expect(store.getState().rows).toBe(rows);
  });
});
