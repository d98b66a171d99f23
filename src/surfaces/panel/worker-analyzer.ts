import { engineSettingsOf } from '../../core/engine/engine-settings';
import type { Analyzer } from './analyzer';
import { createInlineAnalyzer } from './analyzer';
import { AnalyzeOutbox } from './analyze-outbox';
import { createWorkerAnalyzerState } from './worker-analyzer-state';
import { takeWorkerAnswer } from './worker-answers';
import { COMPARE_NEEDS_WORKER, handOver, WORKER_FAILED_NOTICE } from './worker-fallback';
import { isFromWorker, type ToWorker } from './worker-protocol';

/** What the analyzer needs of a Worker (tests pass a fake). */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent<unknown>) => void) | null;
}

export interface WorkerAnalyzerOptions {
  /** Starts the analysis worker. Default: analysis.worker.ts as a module worker. */
  createWorker?: () => WorkerLike;
  /** The analyzer that takes over on this thread when the worker fails. Default: the inline one. */
  fallback?: () => Analyzer;
}

const startWorker = (): WorkerLike =>
  new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });

/**
 * The engine in a Web Worker. If the worker cannot start or fails later (a load error, a crash,
 * running out of memory on a huge HAR, a message that cannot be read), the work it had not
 * answered — and all work after — runs on the panel's thread instead, and the user is told.
 * Its answers are taken in worker-answers.ts; the hand-over is worker-fallback.ts.
 */
export function createWorkerAnalyzer(options: WorkerAnalyzerOptions = {}): Analyzer {
  const s = createWorkerAnalyzerState();
  let worker: WorkerLike | null = null;
  /** The in-panel analyzer, once the worker has failed. */
  let inline: Analyzer | null = null;

  const stopWorker = () => {
    if (!worker) return;
    worker.onmessage = worker.onerror = worker.onmessageerror = null;
    try {
      worker.terminate();
    } catch {
      // Already gone.
    }
    worker = null;
  };

  const fail = () => {
    if (inline) return;
    stopWorker();
    // Its rows are in s.outstanding, which the hand-over analyses here.
    outbox.takeAll();
    inline = (options.fallback ?? createInlineAnalyzer)();
    handOver(s, inline);
  };

  const post = (m: ToWorker, transfer: Transferable[] = []) => {
    try {
      worker!.postMessage(m, transfer);
    } catch {
      fail();
    }
  };

  /** Analysis goes to the worker a bounded batch at a time (analyze-outbox.ts). */
  const outbox = new AnalyzeOutbox(
    ({ exchanges, choice }) => post({ type: 'analyze', exchanges, ...choice }),
    // Taken off the queue unsent: no answer will come for them.
    (exchanges) => {
      for (const ex of exchanges) {
        const o = s.outstanding.get(ex.id);
        if (o && --o.sent <= 0) s.outstanding.delete(ex.id);
      }
    },
  );

  try {
    worker = (options.createWorker ?? startWorker)();
  } catch {
    worker = null;
  }
  if (worker) {
    worker.onmessage = (event) => {
      const msg = event.data;
      // Given up on: the panel redid its outstanding work, so a late answer would be a duplicate.
      if (inline || !isFromWorker(msg)) return;
      if (msg.type === 'analyzed') return outbox.answered();
      takeWorkerAnswer(msg, s);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fail();
    };
    worker.onmessageerror = () => fail();
  } else {
    fail();
  }

  return {
    configure(next) {
      s.settings = engineSettingsOf(next);
      if (inline) return inline.configure(s.settings);
      s.revision++;
      // The redaction lists go along for Compare with HAR's records, which only the worker keeps.
      post({
        type: 'configure',
        settings: s.settings,
        ...(next.redaction ? { redaction: next.redaction } : {}),
      });
    },
    setContracts(docs) {
      s.contractDocs = [...docs];
      if (inline) return inline.setContracts(s.contractDocs);
      s.revision++;
      post({ type: 'contracts', docs: [...s.contractDocs] });
    },
    // Once the worker has failed, the panel's analyzer numbers its own batches.
    get revision() {
      return inline ? inline.revision : s.revision;
    },
    onContracts: (listener) => s.contractNews.add(listener),
    analyze(exchanges, choice) {
      if (inline) return inline.analyze(exchanges, choice);
      const { again, ...sessionChoice } = choice ?? {};
      const session = sessionChoice.session;
      for (const exchange of exchanges) {
        const o = s.outstanding.get(exchange.id);
        s.outstanding.set(exchange.id, {
          exchange,
          sent: (o?.sent ?? 0) + 1,
          ...(session ? { session } : {}),
        });
      }
      outbox.add(exchanges, sessionChoice, again);
    },
    importHar(data, opts, reread) {
      if (inline) return inline.importHar(data, opts, reread);
      s.imports.set(opts.importId, { opts, ...(reread ? { reread } : {}), delivered: 0 });
      // A File is passed by reference (the worker reads it in slices); bytes are transferred.
      post({ type: 'import', data, opts }, data instanceof ArrayBuffer ? [data] : []);
    },
    cancelImport(importId) {
      s.imports.delete(importId);
      if (inline) inline.cancelImport(importId);
      else post({ type: 'cancel', importId });
    },
    exportText(job) {
      if (inline) return inline.exportText(job);
      const { jobId, answer } = s.exports.start(job);
      post({ type: 'export', jobId, job });
      return answer;
    },
    compareHar(data, name, { bodyCap, ignoreHost }) {
      if (inline || !worker) return Promise.reject(new Error(COMPARE_NEEDS_WORKER));
      const { jobId, answer } = s.harCompares.start(null);
      post({ type: 'compare/har', jobId, name, data, bodyCap, ignoreHost }, [data]);
      return answer;
    },
    compare(job) {
      if (inline) return inline.compare(job);
      const { jobId, answer } = s.compares.start(job);
      post({ type: 'compare', jobId, job });
      return answer;
    },
    checkDescription(loaded, previous) {
      if (inline) return inline.checkDescription(loaded, previous);
      const job = previous ? { loaded, previous } : { loaded };
      const { jobId, answer } = s.checks.start(job);
      post({ type: 'description/check', jobId, ...job });
      return answer;
    },
    onResults: (listener) => s.results.add(listener),
    onImport: (listener) => s.importBatches.add(listener),
    endpoints(message, lookup) {
      if (inline) return inline.endpoints(message, lookup);
      // Rows not yet sent that the panel no longer holds are not sent after it let them go.
      if (message.type === 'endpoints/clear') outbox.clear();
      else if (message.type === 'endpoints/forget') {
        const ids = new Set(message.ids);
        outbox.forget((ex) => ids.has(ex.id));
      }
      post(message);
    },
    onEndpoints: (listener) => s.endpointNews.add(listener),
    coverage(message, rows) {
      if (inline) inline.coverage(message, rows);
      else post(message);
    },
    onCoverage: (listener) => s.coverageNews.add(listener),
    search(searchId, terms) {
      s.running = { searchId, terms };
      if (inline) inline.search(searchId, terms);
      else post({ type: 'search', searchId, terms });
    },
    onSearch: (listener) => s.searchNews.add(listener),
    onNotice(listener) {
      const remove = s.notices.add(listener);
      // A worker that failed before anyone listened (it could not even start) is still news.
      if (inline) listener(WORKER_FAILED_NOTICE);
      return remove;
    },
    dispose() {
      for (const l of [
        s.results,
        s.importBatches,
        s.notices,
        s.contractNews,
        s.endpointNews,
        s.coverageNews,
        s.searchNews,
      ])
        l.clear();
      s.outstanding.clear();
      s.imports.clear();
      s.exports.rejectAll('The panel closed before the export was ready.');
      s.compares.rejectAll('The panel closed before the comparison was ready.');
      s.checks.rejectAll('The panel closed before the description was checked.');
      // Dropped unanswered, as before: the dialog that asked is gone with the panel.
      s.harCompares.takeAll();
      stopWorker();
      inline?.dispose();
    },
  };
}
