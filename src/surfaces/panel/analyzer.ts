import {
  activeRules,
  analyzeExchange,
  DEFAULT_LIMITS,
  type ActiveRule,
  type EngineSettings,
} from '../../core/engine/analyze';
import { prepareAll, type ContractDoc, type ContractsStatus } from '../../core/contract/load';
import type { PreparedContract } from '../../core/contract/types';
import { prepareNewVersion, type NewVersion } from '../../core/contract/new-version';
import type { Exchange } from '../../core/exchange/types';
import type { RedactionHolder } from '../../core/export/redact';
import type { Analysis } from '../../core/rules/types';
import type { CaptureDiffReport } from '../../core/diff/capture/report';
import { runExportJob, type ExportJob } from './export-jobs';
import { runCompareJob, type CompareJob } from './compare-jobs';
import type { ExchangeComparison } from '../../core/diff/compare-exchanges';
import type { EndpointsSnapshot, EndpointsToWorker } from './endpoints-protocol';
import { createEndpointsService, type RowLookup } from './endpoints-service';
import { importHar, type HarSource, type ImportBatch, type ImportOptions } from './har-import';
import { inlineBatches } from './inline-batches';
import { createPanelSessions, type SessionChoice } from './sessions';
import type { CoverageReport } from '../../core/contract/coverage';
import type { CoverageToWorker } from './coverage-protocol';
import { createCoverageService, type CoverageRows } from './coverage-service';
import type { SearchTerm } from '../../core/filter/search-terms';
import { createSearchIndex, type SearchUpdate } from './worker-search';

export interface AnalysisResult {
  id: string;
  analysis: Analysis;
}

/** How "Compare with HAR…" reads the file: the capture's body cap, and whether hosts are ignored. */
export interface CompareHarOptions {
  bodyCap: number;
  ignoreHost: boolean;
}

/** Runs the core engine somewhere (a Worker in the panel, inline in tests) and reports results in batches. */
export interface Analyzer {
  /** The OpenAPI descriptions to judge by; prepared where the analysis runs. */
  setContracts(docs: readonly ContractDoc[]): void;
  /** What preparing them found: outlines for the coverage view, problems to show. */
  onContracts(listener: (status: ContractsStatus) => void): () => void;
  /**
   * Prepares a description the user loaded from the toolbar, as a new version of the stored one
   * with its name (prepareNewVersion), where the analysis runs: a large one is seconds of work.
   */
  checkDescription(loaded: ContractDoc, previous: ContractDoc | undefined): Promise<NewVersion>;
  /** The engine's settings; the redaction lists too, for what the analysis side keeps for comparisons. */
  configure(settings: EngineSettings & RedactionHolder): void;
  /**
   * How many times settings or descriptions were given (configure, setContracts). An import
   * batch stamped with another was judged by ones replaced since: its rows are judged again.
   */
  readonly revision: number;
  /**
   * Analyses exchanges, judging them in their session: the live rows' unless `choice` names an
   * import; a replay begins the session again before them (sessions.ts). `again`: these are all
   * of the session's rows, analysed again (analyse-again.ts): they supersede what of that
   * session still waits to be analysed (analyze-outbox.ts).
   */
  analyze(exchanges: readonly Exchange[], choice?: SessionChoice & { again?: boolean }): void;
  onResults(listener: (results: AnalysisResult[]) => void): () => void;
  /**
   * Parses and analyses a HAR file: bytes (transferred, not copied) or the File itself, read in
   * slices where the analysis runs. `reread` gets it again, should the import have to be run
   * somewhere else (the worker failed).
   */
  importHar(data: HarSource, opts: ImportOptions, reread?: () => Promise<HarSource>): void;
  onImport(listener: (batch: ImportBatch) => void): () => void;
  /** Stops an import between slices; no batch of it is delivered afterwards. */
  cancelImport(importId: string): void;
  /** Builds an export's text (HAR, report, cURL, fetch) where the analysis runs, not on the panel's thread. */
  exportText(job: ExportJob): Promise<string>;
  /** Compares two exchanges (issue #19) where the analysis runs, not on the panel's thread. */
  compare(job: CompareJob): Promise<ExchangeComparison>;
  /**
   * The Endpoints view's grouping, done where the analysis runs. `lookup` gives rows the
   * grouping side has not analysed itself (it is only used on the panel's own thread).
   */
  endpoints(message: EndpointsToWorker, lookup?: RowLookup): void;
  onEndpoints(listener: (snapshot: EndpointsSnapshot) => void): () => void;
  /**
   * The OpenAPI coverage, counted where the analysis runs. `rows` gives rows the counting side
   * has not analysed itself (it is only used on the panel's own thread).
   */
  coverage(message: CoverageToWorker, rows?: CoverageRows): void;
  /** Coverage reports while the view is open (null: no description loaded). */
  onCoverage(listener: (report: CoverageReport | null) => void): () => void;
  /**
   * Finds the rows that pass the search box's `body:` and `/regex/` terms (null stops
   * searching), where the analysis runs; answers come in pieces through onSearch, tagged with
   * `searchId`.
   */
  search(searchId: number, terms: SearchTerm[] | null): void;
  onSearch(listener: (update: SearchUpdate) => void): () => void;
  /**
   * "Compare with HAR…": reads and summarises the HAR where the analysis runs and compares it
   * with the live capture. Only the worker does it (never the panel's thread).
   */
  compareHar?(data: ArrayBuffer, name: string, options: CompareHarOptions): Promise<CaptureDiffReport>;
  /** Things the user should know about the analyzer itself (it fell back to the panel thread). */
  onNotice(listener: (message: string) => void): () => void;
  dispose(): void;
}

/** Same engine on the calling thread. Used where Workers are unavailable (tests, a failed Worker start). */
export function createInlineAnalyzer(): Analyzer {
  let active: ActiveRule[] = activeRules({ profiles: [], rules: {} });
  let contracts: PreparedContract[] = [];
  let revision = 0;
  const contractListeners = new Set<(s: ContractsStatus) => void>();
  const listeners = new Set<(r: AnalysisResult[]) => void>();
  const importListeners = new Set<(b: ImportBatch) => void>();
  const running = new Set<string>();
  const cancelled = new Set<string>();
  const endpointListeners = new Set<(s: EndpointsSnapshot) => void>();
  const endpoints = createEndpointsService((snapshot) => {
    for (const l of endpointListeners) l(snapshot);
  }, 0);
  const coverageListeners = new Set<(r: CoverageReport | null) => void>();
  const coverage = createCoverageService((report) => {
    for (const l of coverageListeners) l(report);
  }, 0);
  const searchListeners = new Set<(u: SearchUpdate) => void>();
  const searchIndex = createSearchIndex((update) => {
    for (const l of searchListeners) l(update);
  });
  const sessions = createPanelSessions();
  // A batch at a time, each its own task: 20,000 rows are not one task on the panel's thread.
  const batches = inlineBatches(({ exchanges, choice }) => {
    const session = sessions.of(choice);
    if (choice.replay) session.reset();
    const results = exchanges.map((ex) => {
      const analysis = analyzeExchange(ex, active, DEFAULT_LIMITS, contracts);
      session.judge(ex, analysis);
      endpoints.record(ex, analysis.findings);
      coverage.record(ex.id, ex.status, analysis);
      searchIndex.record(ex);
      return { id: ex.id, analysis };
    });
    for (const l of listeners) l(results);
  });
  return {
    configure(settings) {
      active = activeRules(settings);
      sessions.configure(settings);
      revision++;
    },
    get revision() {
      return revision;
    },
    setContracts(docs) {
      revision++;
      const prepared = prepareAll(docs);
      contracts = prepared.contracts;
      coverage.setOutlines(prepared.status.outlines);
      for (const l of contractListeners) l(prepared.status);
    },
    onContracts(listener) {
      contractListeners.add(listener);
      return () => contractListeners.delete(listener);
    },
    analyze(exchanges, choice) {
      batches.add(exchanges, choice);
    },
    onResults(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    importHar(data, opts) {
      const id = opts.importId;
      running.add(id);
      void importHar(
        data,
        opts,
        { active: () => active, contracts: () => contracts, revision: () => revision },
        (batch) => {
          if (cancelled.has(id)) return;
          for (const item of batch.items) {
            endpoints.record(item.exchange, item.analysis.findings);
            coverage.record(item.exchange.id, item.exchange.status, item.analysis);
            searchIndex.record(item.exchange);
          }
          for (const l of importListeners) l(batch);
        },
        undefined,
        () => cancelled.has(id),
        undefined,
        sessions.of({ session: id }, opts.idPrefix),
      ).finally(() => {
        running.delete(id);
        cancelled.delete(id);
      });
    },
    cancelImport(importId) {
      if (running.has(importId)) cancelled.add(importId);
    },
    exportText(job) {
      // A microtask later, so callers see the same asynchronous contract as with the worker.
      return Promise.resolve().then(() => runExportJob(job, { coverage: coverage.report }));
    },
    compare(job) {
      return Promise.resolve().then(() => runCompareJob(job));
    },
    checkDescription(loaded, previous) {
      return Promise.resolve().then(() => prepareNewVersion(loaded, previous));
    },
    endpoints(message, lookup) {
      if (message.type === 'endpoints/forget' || message.type === 'endpoints/clear') coverage.handle(message);
      if (message.type === 'endpoints/clear') {
        // Rows not yet analysed went with the list.
        batches.clear();
        searchIndex.clear();
        // Clear empties the list: the live rows after it are a new session.
        sessions.clear();
      } else if (message.type === 'endpoints/forget') {
        batches.forget(new Set(message.ids));
        searchIndex.forget(message.ids);
      }
      endpoints.handle(message, lookup);
    },
    coverage(message, rows) {
      coverage.handle(message, rows);
    },
    onCoverage(listener) {
      coverageListeners.add(listener);
      return () => coverageListeners.delete(listener);
    },
    search(searchId, terms) {
      searchIndex.search(searchId, terms);
    },
    onSearch(listener) {
      searchListeners.add(listener);
      return () => searchListeners.delete(listener);
    },
    onEndpoints(listener) {
      endpointListeners.add(listener);
      return () => endpointListeners.delete(listener);
    },
    onNotice() {
      return () => {};
    },
    onImport(listener) {
      importListeners.add(listener);
      return () => importListeners.delete(listener);
    },
    dispose() {
      batches.dispose();
      listeners.clear();
      importListeners.clear();
      contractListeners.clear();
      endpointListeners.clear();
      searchListeners.clear();
      searchIndex.search(-1, null);
      endpoints.dispose();
      coverageListeners.clear();
      coverage.dispose();
    },
  };
}
