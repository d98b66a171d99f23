/// <reference lib="webworker" />
import { activeRules, analyzeExchange, DEFAULT_LIMITS, type ActiveRule } from '../../core/engine/analyze';
import { prepareAll } from '../../core/contract/load';
import type { PreparedContract } from '../../core/contract/types';
import type { AnalysisResult } from './analyzer';
import { importHar } from './har-import';
import { isToWorker, type FromWorker } from './worker-protocol';

// The engine off the main thread: a 5 MB body or a 50,000-entry HAR never blocks the list.
let active: ActiveRule[] = activeRules({ profiles: [], rules: {} });
/** Prepared once per load of the descriptions, then shared by every exchange. */
let contracts: PreparedContract[] = [];
const SLICE_MS = 40;
/** Imports running here, and those of them the panel has cancelled. */
const running = new Set<string>();
const cancelled = new Set<string>();

const post = (m: FromWorker) => self.postMessage(m);

self.onmessage = (event: MessageEvent<unknown>) => {
  const msg = event.data;
  if (!isToWorker(msg)) return;
  switch (msg.type) {
    case 'configure':
      active = activeRules(msg.settings);
      return;
    case 'contracts': {
      const prepared = prepareAll(msg.docs);
      contracts = prepared.contracts;
      post({ type: 'contracts', status: prepared.status });
      return;
    }
    case 'import': {
      const id = msg.opts.importId;
      running.add(id);
      void importHar(
        msg.data,
        msg.opts,
        active,
        (batch) => post({ type: 'imported', batch }),
        SLICE_MS,
        () => cancelled.has(id),
        contracts,
      ).finally(() => {
        running.delete(id);
        cancelled.delete(id);
      });
      return;
    }
    case 'cancel':
      if (running.has(msg.importId)) cancelled.add(msg.importId);
      return;
    case 'analyze': {
      // Results go out in slices so findings appear while a big batch is still running.
      let batch: AnalysisResult[] = [];
      let started = performance.now();
      for (const ex of msg.exchanges) {
        batch.push({ id: ex.id, analysis: analyzeExchange(ex, active, DEFAULT_LIMITS, contracts) });
        if (performance.now() - started > SLICE_MS) {
          post({ type: 'results', results: batch });
          batch = [];
          started = performance.now();
        }
      }
      if (batch.length > 0) post({ type: 'results', results: batch });
    }
  }
};
