/// <reference lib="webworker" />
import { activeRules, analyzeExchange, type ActiveRule } from '../../core/engine/analyze';
import type { AnalysisResult } from './analyzer';
import { isToWorker, type FromWorker } from './worker-protocol';

// The engine off the main thread: a 5 MB body or a 50,000-entry HAR never blocks the list.
let active: ActiveRule[] = activeRules({ profiles: [], rules: {} });
const CHUNK_MS = 50;

self.onmessage = (event: MessageEvent<unknown>) => {
  const msg = event.data;
  if (!isToWorker(msg)) return;
  if (msg.type === 'configure') {
    active = activeRules(msg.settings);
    return;
  }
  // Post results in slices of ~50 ms so findings appear while a big import is still running.
  let batch: AnalysisResult[] = [];
  let started = performance.now();
  for (const ex of msg.exchanges) {
    batch.push({ id: ex.id, analysis: analyzeExchange(ex, active) });
    if (performance.now() - started > CHUNK_MS) {
      self.postMessage({ type: 'results', results: batch } satisfies FromWorker);
      batch = [];
      started = performance.now();
    }
  }
  if (batch.length > 0) self.postMessage({ type: 'results', results: batch } satisfies FromWorker);
};
