import { describe, expect, it, vi } from 'vitest';
import { MemorySummarySink } from '../../../src/adapters/memory';
import type { Exchange } from '../../../src/core/exchange/types';
import { createPanelStore } from '../../../src/state/panel-store';
import { createInlineAnalyzer, type Analyzer } from '../../../src/surfaces/panel/analyzer';
import { startCapture } from '../../../src/surfaces/panel/capture';
import { harEntry } from '../../helpers/har';
import { GatedSource, J, tick } from './fakes';

const entry = (path: string, status = 200) =>
  harEntry({ url: `https://a.io${path}`, status, headers: J, size: 2 });

/** A panel that has opened: DevTools' log read (what finishes before that is held until it is). */
async function setup(flushMs = 0, analyzer: Analyzer = createInlineAnalyzer()) {
  const store = createPanelStore();
  const source = new GatedSource();
  const summary = new MemorySummarySink();
  const stop = startCapture({ source, store, analyzer, summary, tabId: 3, flushMs, summaryMs: 0 });
  await tick();
  return { store, source, summary, stop };
}

const urls = (store: ReturnType<typeof createPanelStore>) => store.getState().rows.map((r) => r.exchange.url);

describe('a clear is final: nothing from before it comes back', () => {
  it('a request still fetching its body when Clear is pressed does not reappear', async () => {
    const { store, source } = await setup();
    source.respond(entry('/old'), '{}', { gated: true });
    expect(source.gates).toHaveLength(1);
    store.getState().clear();
    source.respond(entry('/new'), '{}');
    source.gates[0]!();
    await tick(10);
    expect(urls(store)).toEqual(['https://a.io/new']);
  });

  it('a navigation (without Preserve log) drops bodies still in flight too', async () => {
    const { store, source } = await setup();
    source.respond(entry('/before-nav'), '{}', { gated: true });
    source.navigate('https://a.io/next');
    source.gates[0]!();
    await tick(10);
    expect(store.getState().rows).toHaveLength(0);
  });

  it('with Preserve log on, a navigation keeps in-flight requests', async () => {
    const { store, source } = await setup();
    store.getState().setPreserveLog(true);
    source.respond(entry('/kept'), '{}', { gated: true });
    source.navigate('https://a.io/next');
    source.gates[0]!();
    await vi.waitFor(() => expect(urls(store)).toEqual(['https://a.io/kept']));
  });

  it('Clear empties the 50 ms ingest buffer: buffered rows are not flushed into the new list', async () => {
    const { store, source } = await setup(30);
    source.respond(entry('/buffered'), '{}');
    await tick(0);
    expect(store.getState().rows).toHaveLength(0);
    store.getState().clear();
    await tick(60);
    expect(store.getState().rows).toHaveLength(0);
    source.respond(entry('/after'), '{}');
    await vi.waitFor(() => expect(urls(store)).toEqual(['https://a.io/after']));
  });

  it('requests DevTools held at open are dropped if the list is cleared before getHAR answers', async () => {
    const store = createPanelStore();
    const source = new GatedSource();
    let answer!: () => void;
    const gate = new Promise<void>((r) => (answer = r));
    source.existing = [
      { entry: entry('/earlier'), getContent: async () => ({ text: '{}', encoding: null }) },
    ];
    const original = source.getExisting.bind(source);
    source.getExisting = async () => {
      await gate;
      return original();
    };
    startCapture({ source, store, analyzer: createInlineAnalyzer(), flushMs: 0 });
    store.getState().clear();
    answer();
    await tick(10);
    expect(store.getState().rows).toHaveLength(0);
  });

  it('results the analyzer returns for cleared rows change nothing and send no summary', async () => {
    // An analyzer that answers when told, like the worker.
    const inline = createInlineAnalyzer();
    let asked: Exchange[] = [];
    const slow: Analyzer = {
      ...inline,
      analyze(exchanges) {
        asked = [...exchanges];
      },
    };
    const { store, source, summary } = await setup(0, slow);
    source.respond(entry('/gone', 500), '{}');
    await vi.waitFor(() => expect(store.getState().rows).toHaveLength(1));
    store.getState().clear();
    const rowsAfterClear = store.getState().rows;
    const updates = vi.fn();
    store.subscribe(updates);
    inline.analyze(asked);
    await tick(10);
    expect(updates).not.toHaveBeenCalled();
    expect(store.getState().rows).toBe(rowsAfterClear);
    expect(summary.replaced).toEqual([]);
  });

  it('every clear bumps the store generation', () => {
    const store = createPanelStore();
    expect(store.getState().generation).toBe(0);
    store.getState().clear();
    store.getState().clear();
    expect(store.getState().generation).toBe(2);
  });
});
