import { restoreMovedBodies } from './moved-bodies';
import type { WorkerAnalyzerState } from './worker-analyzer-state';
import type { FromWorker } from './worker-protocol';

/**
 * One message from the analysis worker: news to its listeners, or the answer to work it was
 * sent (`analyzed`, which paces the analysis, is the worker analyzer's own: analyze-outbox.ts).
 */
export function takeWorkerAnswer(
  msg: Exclude<FromWorker, { type: 'analyzed' }>,
  s: WorkerAnalyzerState,
): void {
  if (msg.type === 'contracts') {
    s.contractNews.deliver(msg.status);
    return;
  }
  if (msg.type === 'endpoints') return s.endpointNews.deliver(msg.snapshot);
  if (msg.type === 'coverage') return s.coverageNews.deliver(msg.report);
  if (msg.type === 'search') return s.searchNews.deliver(msg.update);
  if (msg.type === 'results') {
    for (const r of msg.results) {
      const o = s.outstanding.get(r.id);
      if (o && --o.sent <= 0) s.outstanding.delete(r.id);
    }
    s.results.deliver(msg.results);
    return;
  }
  if (msg.type === 'compare/result')
    return s.harCompares.settle(
      msg.jobId,
      'report' in msg ? { ok: true, value: msg.report } : { ok: false, error: msg.error },
    );
  if (msg.type === 'exported')
    return s.exports.settle(
      msg.jobId,
      'text' in msg ? { ok: true, value: msg.text } : { ok: false, error: msg.error },
    );
  if (msg.type === 'description/checked')
    return s.checks.settle(
      msg.jobId,
      'result' in msg ? { ok: true, value: msg.result } : { ok: false, error: msg.error },
    );
  if (msg.type === 'compared')
    return s.compares.settle(
      msg.jobId,
      'comparison' in msg ? { ok: true, value: msg.comparison } : { ok: false, error: msg.error },
    );
  const batch = msg.moved ? restoreMovedBodies(msg.batch, msg.moved) : msg.batch;
  const run = s.imports.get(batch.importId);
  if (run) {
    run.delivered += batch.items.length;
    if (batch.done) s.imports.delete(batch.importId);
  }
  s.importBatches.deliver(batch);
}
