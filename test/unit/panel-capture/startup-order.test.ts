import { describe, expect, it, vi } from 'vitest';
import type { CapturedRequest } from '../../../src/adapters/ports';
import type { Exchange } from '../../../src/core/exchange/types';
import { listNumberAt } from '../../../src/state/panel/row-order';
import { createPanelStore, type PanelStore } from '../../../src/state/panel-store';
import { createInlineAnalyzer } from '../../../src/surfaces/panel/analyzer';
import { EXISTING_LOG_WAIT_MS, startCapture } from '../../../src/surfaces/panel/capture';
import { harEntry } from '../../helpers/har';
import { GatedSource, J, tick } from './fakes';

/** A GET of `path` answered 200 with JSON, started `ms` after ten o'clock. */
const at = (path: string, ms: number) => ({
  ...harEntry({ url: `https://a.io${path}`, status: 200, headers: J, text: '{}' }),
  startedDateTime: new Date(Date.UTC(2026, 11, 7, 10, 0, 0, ms)).toISOString(),
});
const held = (entry: unknown): CapturedRequest => ({
  entry,
  getContent: async () => ({ text: '{}', encoding: null }),
});

/**
 * A panel opening: DevTools' log (getHAR) holds `log` and answers only when the test says;
 * the analyzer's calls are recorded (the live session's judging order).
 */
function opening(log: unknown[]) {
  const source = new GatedSource();
  let answer!: () => void;
  const gate = new Promise<void>((r) => (answer = r));
  source.getExisting = async () => {
    await gate;
    return log.map(held);
  };
  const store = createPanelStore();
  const analyzer = createInlineAnalyzer();
  const judged: string[] = [];
  const analyze = analyzer.analyze.bind(analyzer);
  analyzer.analyze = (exchanges, choice) => {
    judged.push(...exchanges.map((ex: Exchange) => new URL(ex.url).pathname));
    analyze(exchanges, choice);
  };
  // The # each row was first listed with: a row's number must not change as others arrive.
  const firstNumber = new Map<string, number>();
  store.subscribe((s) =>
    s.rows.forEach((r, i) => {
      const path = new URL(r.exchange.url).pathname;
      if (!firstNumber.has(path)) firstNumber.set(path, listNumberAt(s.dropped, i));
    }),
  );
  startCapture({ source, store, analyzer, flushMs: 0 });
  return { source, store, answer, judged, firstNumber };
}

const listed = (store: PanelStore) =>
  store.getState().rows.map((r, i) => `#${listNumberAt(0, i)} ${new URL(r.exchange.url).pathname}`);

describe('opening the panel while requests finish', () => {
  it('lists the log’s rows first, in its order, then those that finished meanwhile, each once', async () => {
    // Started alike (DevTools records milliseconds): the order they came in decides.
    const log = [at('/log-1', 0), at('/log-2', 0), at('/both', 0)];
    const { source, store, answer, judged, firstNumber } = opening(log);
    // Finished while the log is read; /both finished just before DevTools copied its log.
    source.respond(at('/both', 0), '{}');
    source.respond(at('/live-1', 0), '{}');
    source.respond(at('/live-2', 0), '{}');
    await tick(10);
    answer();
    await vi.waitFor(() => expect(store.getState().rows).toHaveLength(5));
    await tick(10);
    expect(listed(store)).toEqual(['#1 /log-1', '#2 /log-2', '#3 /both', '#4 /live-1', '#5 /live-2']);
    // Never listed under another number first.
    expect([...firstNumber]).toEqual([
      ['/log-1', 1],
      ['/log-2', 2],
      ['/both', 3],
      ['/live-1', 4],
      ['/live-2', 5],
    ]);
    // The live session judges them in the browser's order too.
    expect(judged).toEqual(['/log-1', '/log-2', '/both', '/live-1', '/live-2']);
  });

  it('a request repeated live after the log’s copy is the duplicate, not the log’s row', async () => {
    const { source, store, answer } = opening([at('/items', 0)]);
    source.respond(at('/items', 200), '{}');
    await tick(10);
    answer();
    await vi.waitFor(() => expect(store.getState().rows.every((r) => r.analysis)).toBe(true));
    await tick(10);
    const duplicate = store
      .getState()
      .rows.map((r) => r.analysis!.findings.some((f) => f.rule === 'session/duplicate-request'));
    expect(duplicate).toEqual([false, true]);
  });

  it('lists what finishes meanwhile if the log takes too long, and the log’s copies of it once', async () => {
    vi.useFakeTimers();
    try {
      const { source, store, answer } = opening([at('/log-1', 0), at('/both', 10)]);
      source.respond(at('/both', 10), '{}');
      source.respond(at('/live', 20), '{}');
      await vi.advanceTimersByTimeAsync(EXISTING_LOG_WAIT_MS - 10);
      expect(store.getState().rows).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(20);
      expect(listed(store)).toEqual(['#1 /both', '#2 /live']);
      answer();
      await vi.advanceTimersByTimeAsync(10);
      expect(listed(store)).toEqual(['#1 /log-1', '#2 /both', '#3 /live']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a Clear before the log answers drops what finished before it, and keeps what came after', async () => {
    const { source, store, answer } = opening([at('/log-1', 0)]);
    source.respond(at('/before-clear', 10), '{}');
    store.getState().clear();
    source.respond(at('/after-clear', 20), '{}');
    answer();
    await vi.waitFor(() => expect(store.getState().rows).toHaveLength(1));
    await tick(20);
    expect(listed(store)).toEqual(['#1 /after-clear']);
    expect(store.getState().rows[0]!.analysis).toBeDefined();
  });
});
