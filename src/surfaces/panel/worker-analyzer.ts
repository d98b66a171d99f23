import { restoreMovedBodies } from './moved-bodies';
import type { EngineSettings } from '../../core/engine/analyze';
import { engineSettingsOf } from '../../core/engine/engine-settings';
import type { Exchange } from '../../core/exchange/types';
import type { ContractDoc, ContractsStatus } from '../../core/contract/load';
import type { NewVersion } from '../../core/contract/new-version';
import type { Analyzer, AnalysisResult } from './analyzer';
import { createInlineAnalyzer } from './analyzer';
import type { ExportJob } from './export-jobs';
import type { CompareJob } from './compare-jobs';
import type { ExchangeComparison } from '../../core/diff/compare-exchanges';
import type { EndpointsSnapshot } from './endpoints-protocol';
import type { CoverageReport } from '../../core/contract/coverage';
import type { HarSource, ImportBatch, ImportOptions } from './har-import';
import type { SearchTerm } from '../../core/filter/search-terms';
import type { SearchUpdate } from './worker-search';
import { isFromWorker, type ToWorker } from './worker-protocol';
import type { CaptureDiffReport } from '../../core/diff/capture/report';
import { Listeners, WorkerJobs } from './worker-jobs';

/** Why "Compare with HAR…" cannot run: it reads the file in the worker, never on the panel's thread. */
export const COMPARE_NEEDS_WORKER =
  'Comparing needs the background analysis, which failed; reopen DevTools to try again.';

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

export const WORKER_FAILED_NOTICE = 'Background analysis failed; analysing in the panel instead.';

const startWorker = (): WorkerLike =>
  new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });

/**
 * The engine in a Web Worker. If the worker cannot start or fails later (a load error, a crash,
 * running out of memory on a huge HAR, a message that cannot be read), the work it had not
 * answered — and all work after — runs on the panel's thread instead, and the user is told.
 */
export function createWorkerAnalyzer(options: WorkerAnalyzerOptions = {}): Analyzer {
  const results = new Listeners<AnalysisResult[]>();
  const importBatches = new Listeners<ImportBatch>();
  const notices = new Listeners<string>();
  let contractDocs: readonly ContractDoc[] | null = null;
  const contractNews = new Listeners<ContractsStatus>();
  const deliverContracts = (s: ContractsStatus) => contractNews.deliver(s);
  const endpointNews = new Listeners<EndpointsSnapshot>();
  const coverageNews = new Listeners<CoverageReport | null>();
  const deliverCoverage = (report: CoverageReport | null) => coverageNews.deliver(report);
  const searchNews = new Listeners<SearchUpdate>();
  /** The search running, to start again on this thread if the worker fails. */
  let running: { searchId: number; terms: SearchTerm[] | null } | null = null;
  let settings: EngineSettings | null = null;
  /** Exchanges sent to the worker whose results have not come back, with how many times each was sent. */
  const outstanding = new Map<string, { exchange: Exchange; sent: number }>();
  /** Imports the worker is running: enough to run the rest of them here if it fails. */
  const imports = new Map<
    string,
    { opts: ImportOptions; reread?: () => Promise<HarSource>; delivered: number }
  >();
  /** Exports the worker is building; run here instead if it fails. */
  const exports = new WorkerJobs<ExportJob, string>('export');
  /** "Compare with HAR…" jobs the worker is running (they need it: refused if it fails). */
  const harCompares = new WorkerJobs<null, CaptureDiffReport>('compare-har');
  /** Comparisons the worker is making (issue #19); made here instead if it fails. */
  const compares = new WorkerJobs<CompareJob, ExchangeComparison>('compare');
  /** Descriptions loaded from the toolbar, being checked; checked here instead if the worker fails. */
  const checks = new WorkerJobs<{ loaded: ContractDoc; previous?: ContractDoc }, NewVersion>('check');
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

  const deliverResults = (r: AnalysisResult[]) => results.deliver(r);
  const deliverImport = (batch: ImportBatch) => importBatches.deliver(batch);
  const deliverEndpoints = (snapshot: EndpointsSnapshot) => endpointNews.deliver(snapshot);

  const rerunImport = async (importId: string) => {
    const run = imports.get(importId);
    if (!run) return;
    const failed = (why: string) => {
      imports.delete(importId);
      deliverImport({
        importId,
        fileName: run.opts.fileName,
        items: [],
        problems: [],
        total: 0,
        done: true,
        error: `${run.opts.fileName} could not be imported: ${why}.`,
      });
    };
    if (!run.reread) return failed('background analysis failed');
    let data: HarSource;
    try {
      data = await run.reread();
    } catch {
      return failed('the file could not be read again');
    }
    // Cancelled while the file was read again.
    if (!imports.delete(importId)) return;
    inline!.importHar(data, { ...run.opts, skip: run.delivered });
  };

  const fail = () => {
    if (inline) return;
    stopWorker();
    inline = (options.fallback ?? createInlineAnalyzer)();
    inline.onResults(deliverResults);
    inline.onImport(deliverImport);
    inline.onContracts(deliverContracts);
    // The worker's grouping records are gone; the Endpoints feed shows its rows again on the
    // notice below, and the inline grouping looks up the rows it never analysed.
    inline.onEndpoints(deliverEndpoints);
    // Likewise the coverage counts: the coverage feed opens the view again on the notice, with
    // the rows the panel holds, which the inline counting takes up.
    inline.onCoverage(deliverCoverage);
    // The worker's rows are gone with it: the search covers the rows analysed here from now on.
    inline.onSearch((u) => searchNews.deliver(u));
    if (running) inline.search(running.searchId, running.terms);
    if (settings) inline.configure(settings);
    if (contractDocs) inline.setContracts(contractDocs);
    notices.deliver(WORKER_FAILED_NOTICE);
    const redo = [...outstanding.values()].map((o) => o.exchange);
    outstanding.clear();
    if (redo.length > 0) inline.analyze(redo);
    for (const id of [...imports.keys()]) void rerunImport(id);
    for (const e of exports.takeAll()) inline.exportText(e.job).then(e.resolve, e.reject);
    harCompares.rejectAll(COMPARE_NEEDS_WORKER);
    for (const c of compares.takeAll()) inline.compare(c.job).then(c.resolve, c.reject);
    for (const c of checks.takeAll())
      inline.checkDescription(c.job.loaded, c.job.previous).then(c.resolve, c.reject);
  };

  const post = (m: ToWorker, transfer: Transferable[] = []) => {
    try {
      worker!.postMessage(m, transfer);
    } catch {
      fail();
    }
  };

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
      if (msg.type === 'contracts') {
        deliverContracts(msg.status);
        return;
      }
      if (msg.type === 'endpoints') return deliverEndpoints(msg.snapshot);
      if (msg.type === 'coverage') return deliverCoverage(msg.report);
      if (msg.type === 'search') return searchNews.deliver(msg.update);
      if (msg.type === 'results') {
        for (const r of msg.results) {
          const o = outstanding.get(r.id);
          if (o && --o.sent <= 0) outstanding.delete(r.id);
        }
        deliverResults(msg.results);
        return;
      }
      if (msg.type === 'compare/result')
        return harCompares.settle(
          msg.jobId,
          'report' in msg ? { ok: true, value: msg.report } : { ok: false, error: msg.error },
        );
      if (msg.type === 'exported')
        return exports.settle(
          msg.jobId,
          'text' in msg ? { ok: true, value: msg.text } : { ok: false, error: msg.error },
        );
      if (msg.type === 'description/checked')
        return checks.settle(
          msg.jobId,
          'result' in msg ? { ok: true, value: msg.result } : { ok: false, error: msg.error },
        );
      if (msg.type === 'compared')
        return compares.settle(
          msg.jobId,
          'comparison' in msg ? { ok: true, value: msg.comparison } : { ok: false, error: msg.error },
        );
      const batch = msg.moved ? restoreMovedBodies(msg.batch, msg.moved) : msg.batch;
      const run = imports.get(batch.importId);
      if (run) {
        run.delivered += batch.items.length;
        if (batch.done) imports.delete(batch.importId);
      }
      deliverImport(batch);
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
      settings = engineSettingsOf(next);
      if (inline) inline.configure(settings);
      // The redaction lists go along for Compare with HAR's records, which only the worker keeps.
      else post({ type: 'configure', settings, ...(next.redaction ? { redaction: next.redaction } : {}) });
    },
    setContracts(docs) {
      contractDocs = [...docs];
      if (inline) inline.setContracts(contractDocs);
      else post({ type: 'contracts', docs: [...contractDocs] });
    },
    onContracts: (listener) => contractNews.add(listener),
    analyze(exchanges) {
      if (inline) return inline.analyze(exchanges);
      for (const exchange of exchanges) {
        const o = outstanding.get(exchange.id);
        outstanding.set(exchange.id, { exchange, sent: (o?.sent ?? 0) + 1 });
      }
      post({ type: 'analyze', exchanges: [...exchanges] });
    },
    importHar(data, opts, reread) {
      if (inline) return inline.importHar(data, opts, reread);
      imports.set(opts.importId, { opts, ...(reread ? { reread } : {}), delivered: 0 });
      // A File is passed by reference (the worker reads it in slices); bytes are transferred.
      post({ type: 'import', data, opts }, data instanceof ArrayBuffer ? [data] : []);
    },
    cancelImport(importId) {
      imports.delete(importId);
      if (inline) inline.cancelImport(importId);
      else post({ type: 'cancel', importId });
    },
    exportText(job) {
      if (inline) return inline.exportText(job);
      const { jobId, answer } = exports.start(job);
      post({ type: 'export', jobId, job });
      return answer;
    },
    compareHar(data, name, { bodyCap, ignoreHost }) {
      if (inline || !worker) return Promise.reject(new Error(COMPARE_NEEDS_WORKER));
      const { jobId, answer } = harCompares.start(null);
      post({ type: 'compare/har', jobId, name, data, bodyCap, ignoreHost }, [data]);
      return answer;
    },
    compare(job) {
      if (inline) return inline.compare(job);
      const { jobId, answer } = compares.start(job);
      post({ type: 'compare', jobId, job });
      return answer;
    },
    checkDescription(loaded, previous) {
      if (inline) return inline.checkDescription(loaded, previous);
      const job = previous ? { loaded, previous } : { loaded };
      const { jobId, answer } = checks.start(job);
      post({ type: 'description/check', jobId, ...job });
      return answer;
    },
    onResults: (listener) => results.add(listener),
    onImport: (listener) => importBatches.add(listener),
    endpoints(message, lookup) {
      if (inline) inline.endpoints(message, lookup);
      else post(message);
    },
    onEndpoints: (listener) => endpointNews.add(listener),
    coverage(message, rows) {
      if (inline) inline.coverage(message, rows);
      else post(message);
    },
    onCoverage: (listener) => coverageNews.add(listener),
    search(searchId, terms) {
      running = { searchId, terms };
      if (inline) inline.search(searchId, terms);
      else post({ type: 'search', searchId, terms });
    },
    onSearch: (listener) => searchNews.add(listener),
    onNotice(listener) {
      const remove = notices.add(listener);
      // A worker that failed before anyone listened (it could not even start) is still news.
      if (inline) listener(WORKER_FAILED_NOTICE);
      return remove;
    },
    dispose() {
      for (const l of [results, importBatches, notices, contractNews, endpointNews, coverageNews, searchNews])
        l.clear();
      outstanding.clear();
      imports.clear();
      exports.rejectAll('The panel closed before the export was ready.');
      compares.rejectAll('The panel closed before the comparison was ready.');
      checks.rejectAll('The panel closed before the description was checked.');
      // Dropped unanswered, as before: the dialog that asked is gone with the panel.
      harCompares.takeAll();
      stopWorker();
      inline?.dispose();
    },
  };
}
