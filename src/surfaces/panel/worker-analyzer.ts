import type { EngineSettings } from '../../core/engine/analyze';
import { engineSettingsOf } from '../../core/engine/engine-settings';
import type { Exchange } from '../../core/exchange/types';
import type { ContractDoc, ContractsStatus } from '../../core/contract/load';
import type { Analyzer, AnalysisResult } from './analyzer';
import { createInlineAnalyzer } from './analyzer';
import type { ExportJob } from './export-jobs';
import type { CompareJob } from './compare-jobs';
import type { ExchangeComparison } from '../../core/diff/compare-exchanges';
import type { EndpointsSnapshot } from './endpoints-protocol';
import type { CoverageReport } from '../../core/contract/coverage';
import type { HarSource, ImportBatch, ImportOptions } from './har-import';
import type { BodySearchUpdate } from './body-search';
import { isFromWorker, type ToWorker } from './worker-protocol';
import type { CaptureDiffReport } from '../../core/diff/capture/report';

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
  const listeners = new Set<(r: AnalysisResult[]) => void>();
  const importListeners = new Set<(b: ImportBatch) => void>();
  const noticeListeners = new Set<(m: string) => void>();
  let contractDocs: readonly ContractDoc[] | null = null;
  const contractListeners = new Set<(s: ContractsStatus) => void>();
  const deliverContracts = (s: ContractsStatus) => {
    for (const l of contractListeners) l(s);
  };
  const endpointListeners = new Set<(s: EndpointsSnapshot) => void>();
  const coverageListeners = new Set<(r: CoverageReport | null) => void>();
  const deliverCoverage = (report: CoverageReport | null) => {
    for (const l of coverageListeners) l(report);
  };
  const searchListeners = new Set<(u: BodySearchUpdate) => void>();
  /** The body search running, to start again on this thread if the worker fails. */
  let bodySearch: { searchId: number; needle: string | null } | null = null;
  let settings: EngineSettings | null = null;
  /** Exchanges sent to the worker whose results have not come back, with how many times each was sent. */
  const outstanding = new Map<string, { exchange: Exchange; sent: number }>();
  /** Imports the worker is running: enough to run the rest of them here if it fails. */
  const imports = new Map<
    string,
    { opts: ImportOptions; reread?: () => Promise<HarSource>; delivered: number }
  >();
  /** Exports the worker is building, answered by id; run here instead if it fails. */
  const exports = new Map<
    string,
    { job: ExportJob; resolve: (text: string) => void; reject: (e: Error) => void }
  >();
  let nextExport = 0;
  /** "Compare with HAR…" jobs the worker is running, answered by id. */
  const harCompares = new Map<
    string,
    { resolve: (r: CaptureDiffReport) => void; reject: (e: Error) => void }
  >();
  let nextHarCompare = 0;
  /** Comparisons the worker is making (issue #19), answered by id; made here instead if it fails. */
  const compares = new Map<
    string,
    { job: CompareJob; resolve: (c: ExchangeComparison) => void; reject: (e: Error) => void }
  >();
  let nextCompare = 0;
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

  const deliverResults = (results: AnalysisResult[]) => {
    for (const l of listeners) l(results);
  };
  const deliverImport = (batch: ImportBatch) => {
    for (const l of importListeners) l(batch);
  };
  const deliverEndpoints = (snapshot: EndpointsSnapshot) => {
    for (const l of endpointListeners) l(snapshot);
  };

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
    // The worker's bodies are gone with it: the search covers the rows analysed here from now on.
    inline.onBodySearch((u) => {
      for (const l of searchListeners) l(u);
    });
    if (bodySearch) inline.searchBodies(bodySearch.searchId, bodySearch.needle);
    if (settings) inline.configure(settings);
    if (contractDocs) inline.setContracts(contractDocs);
    for (const l of noticeListeners) l(WORKER_FAILED_NOTICE);
    const redo = [...outstanding.values()].map((o) => o.exchange);
    outstanding.clear();
    if (redo.length > 0) inline.analyze(redo);
    for (const id of [...imports.keys()]) void rerunImport(id);
    const pending = [...exports.values()];
    exports.clear();
    for (const e of pending) inline.exportText(e.job).then(e.resolve, e.reject);
    for (const c of harCompares.values()) c.reject(new Error(COMPARE_NEEDS_WORKER));
    harCompares.clear();
    const comparing = [...compares.values()];
    compares.clear();
    for (const c of comparing) inline.compare(c.job).then(c.resolve, c.reject);
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
      if (msg.type === 'body-search') {
        for (const l of searchListeners) l(msg.update);
        return;
      }
      if (msg.type === 'results') {
        for (const r of msg.results) {
          const o = outstanding.get(r.id);
          if (o && --o.sent <= 0) outstanding.delete(r.id);
        }
        deliverResults(msg.results);
        return;
      }
      if (msg.type === 'compare/result') {
        const c = harCompares.get(msg.jobId);
        if (!c) return;
        harCompares.delete(msg.jobId);
        if ('report' in msg) c.resolve(msg.report);
        else c.reject(new Error(msg.error));
        return;
      }
      if (msg.type === 'exported') {
        const e = exports.get(msg.jobId);
        if (!e) return;
        exports.delete(msg.jobId);
        if ('text' in msg) e.resolve(msg.text);
        else e.reject(new Error(msg.error));
        return;
      }
      if (msg.type === 'compared') {
        const c = compares.get(msg.jobId);
        if (!c) return;
        compares.delete(msg.jobId);
        if ('comparison' in msg) c.resolve(msg.comparison);
        else c.reject(new Error(msg.error));
        return;
      }
      const run = imports.get(msg.batch.importId);
      if (run) {
        run.delivered += msg.batch.items.length;
        if (msg.batch.done) imports.delete(msg.batch.importId);
      }
      deliverImport(msg.batch);
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
      else post({ type: 'configure', settings });
    },
    setContracts(docs) {
      contractDocs = [...docs];
      if (inline) inline.setContracts(contractDocs);
      else post({ type: 'contracts', docs: [...contractDocs] });
    },
    onContracts(listener) {
      contractListeners.add(listener);
      return () => contractListeners.delete(listener);
    },
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
      const jobId = `export-${nextExport++}`;
      const answer = new Promise<string>((resolve, reject) => exports.set(jobId, { job, resolve, reject }));
      post({ type: 'export', jobId, job });
      return answer;
    },
    compareHar(data, name, { bodyCap, ignoreHost }) {
      if (inline || !worker) return Promise.reject(new Error(COMPARE_NEEDS_WORKER));
      const jobId = `compare-har-${nextHarCompare++}`;
      const answer = new Promise<CaptureDiffReport>((resolve, reject) =>
        harCompares.set(jobId, { resolve, reject }),
      );
      post({ type: 'compare/har', jobId, name, data, bodyCap, ignoreHost }, [data]);
      return answer;
    },
    compare(job) {
      if (inline) return inline.compare(job);
      const jobId = `compare-${nextCompare++}`;
      const answer = new Promise<ExchangeComparison>((resolve, reject) =>
        compares.set(jobId, { job, resolve, reject }),
      );
      post({ type: 'compare', jobId, job });
      return answer;
    },
    onResults(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onImport(listener) {
      importListeners.add(listener);
      return () => importListeners.delete(listener);
    },
    endpoints(message, lookup) {
      if (inline) inline.endpoints(message, lookup);
      else post(message);
    },
    onEndpoints(listener) {
      endpointListeners.add(listener);
      return () => endpointListeners.delete(listener);
    },
    coverage(message, rows) {
      if (inline) inline.coverage(message, rows);
      else post(message);
    },
    onCoverage(listener) {
      coverageListeners.add(listener);
      return () => coverageListeners.delete(listener);
    },
    searchBodies(searchId, needle) {
      bodySearch = { searchId, needle };
      if (inline) inline.searchBodies(searchId, needle);
      else post({ type: 'body-search', searchId, needle });
    },
    onBodySearch(listener) {
      searchListeners.add(listener);
      return () => searchListeners.delete(listener);
    },
    onNotice(listener) {
      noticeListeners.add(listener);
      // A worker that failed before anyone listened (it could not even start) is still news.
      if (inline) listener(WORKER_FAILED_NOTICE);
      return () => noticeListeners.delete(listener);
    },
    dispose() {
      listeners.clear();
      importListeners.clear();
      noticeListeners.clear();
      contractListeners.clear();
      endpointListeners.clear();
      coverageListeners.clear();
      searchListeners.clear();
      outstanding.clear();
      imports.clear();
      for (const e of exports.values()) e.reject(new Error('The panel closed before the export was ready.'));
      exports.clear();
      for (const c of compares.values())
        c.reject(new Error('The panel closed before the comparison was ready.'));
      compares.clear();
      harCompares.clear();
      stopWorker();
      inline?.dispose();
    },
  };
}
