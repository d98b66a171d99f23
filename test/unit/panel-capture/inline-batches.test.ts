import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Exchange } from '../../../src/core/exchange/types';
import type { Analysis } from '../../../src/core/rules/types';
import { defaultSettings } from '../../../src/core/settings/schema';
import { createInlineAnalyzer } from '../../../src/surfaces/panel/analyzer';
import { ANALYZE_BATCH_ROWS } from '../../../src/surfaces/panel/analyze-outbox';
import { makeExchange } from '../../helpers/exchange';
import { J } from './fakes';

const ROWS = 2 * ANALYZE_BATCH_ROWS + 100;

/**
 * Rows that per-exchange and session rules both speak of: every row's body is cut short
 * (body/invalid-json), and each URL is asked for several times in a row, a 500 among them, so
 * the session's memory spans batches (duplicate requests, repeated errors).
 */
function rows(n: number, from = 0): Exchange[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return {
      ...makeExchange({
        url: `https://api.example.com/orders/${Math.floor(i / 4)}`,
        status: i % 4 === 3 ? 500 : 200,
        headers: J,
        body: '{',
      }),
      id: `live-${i}`,
      startedAt: new Date(Date.UTC(2026, 11, 7, 10, 0, 0, i * 10)).toISOString(),
    };
  });
}

function analyzerRecording() {
  const analyzer = createInlineAnalyzer();
  analyzer.configure(defaultSettings());
  const deliveries: { id: string; analysis: Analysis }[][] = [];
  analyzer.onResults((results) => deliveries.push(results));
  const byId = () => new Map(deliveries.flat().map((r) => [r.id, r.analysis]));
  return { analyzer, deliveries, byId };
}

describe('the inline analyzer (the worker failed) judges many rows a batch per task', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('says of every row what it says of rows analysed one call each', async () => {
    const one = analyzerRecording();
    for (const ex of rows(ROWS)) one.analyzer.analyze([ex]);
    await vi.runAllTimersAsync();
    const batched = analyzerRecording();
    batched.analyzer.analyze(rows(ROWS));
    await vi.runAllTimersAsync();
    const rules = [...one.byId().values()].flatMap((a) => a.findings.map((f) => f.rule));
    // Both kinds of rule spoke, the session's across batches.
    expect(rules).toContain('body/invalid-json');
    expect(rules.filter((r) => r.startsWith('session/')).length).toBeGreaterThan(ANALYZE_BATCH_ROWS / 4);
    expect(batched.byId()).toEqual(one.byId());
  });

  it('hands the rows over in batches, each in a task of its own', async () => {
    const { analyzer, deliveries } = analyzerRecording();
    analyzer.analyze(rows(ROWS));
    // The first batch at once, as a small call always was; the rest after yielding to the thread.
    expect(deliveries.map((d) => d.length)).toEqual([ANALYZE_BATCH_ROWS]);
    await vi.advanceTimersToNextTimerAsync();
    expect(deliveries.map((d) => d.length)).toEqual([ANALYZE_BATCH_ROWS, ANALYZE_BATCH_ROWS]);
    await vi.advanceTimersToNextTimerAsync();
    expect(deliveries.map((d) => d.length)).toEqual([ANALYZE_BATCH_ROWS, ANALYZE_BATCH_ROWS, 100]);
    expect(deliveries.flat().map((r) => r.id)).toEqual(rows(ROWS).map((ex) => ex.id));
  });

  it('judges rows sent meanwhile after those still waiting, in the session’s order', async () => {
    const { analyzer, deliveries } = analyzerRecording();
    analyzer.analyze(rows(ROWS));
    analyzer.analyze(rows(1, ROWS));
    await vi.runAllTimersAsync();
    expect(deliveries.flat().map((r) => r.id)).toEqual(rows(ROWS + 1).map((ex) => ex.id));
  });

  it('rows still waiting when the list is cleared are not analysed', async () => {
    const { analyzer, deliveries } = analyzerRecording();
    analyzer.analyze(rows(ROWS));
    analyzer.endpoints({ type: 'endpoints/clear' });
    await vi.runAllTimersAsync();
    expect(deliveries.flat()).toHaveLength(ANALYZE_BATCH_ROWS);
  });
});
