import type { EngineSettings } from '../../core/engine/analyze';
import type { Exchange } from '../../core/exchange/types';
import type { ContractDoc, ContractsStatus } from '../../core/contract/load';
import type { NewVersion } from '../../core/contract/new-version';
import type { CoverageReport } from '../../core/contract/coverage';
import type { ExchangeComparison } from '../../core/diff/compare-exchanges';
import type { CaptureDiffReport } from '../../core/diff/capture/report';
import type { SearchTerm } from '../../core/filter/search-terms';
import type { AnalysisResult } from './analyzer';
import type { CompareJob } from './compare-jobs';
import type { EndpointsSnapshot } from './endpoints-protocol';
import type { ExportJob } from './export-jobs';
import type { HarSource, ImportBatch, ImportOptions } from './har-import';
import type { SearchUpdate } from './worker-search';
import { Listeners, WorkerJobs } from './worker-jobs';

/**
 * What the worker analyzer (worker-analyzer.ts) holds: who listens to which news, what the
 * analysis is configured with, and the work the worker has not answered yet. The worker's
 * answers (worker-answers.ts) settle that work; if the worker fails, the hand-over
 * (worker-fallback.ts) gives all of it to the analyzer on the panel's thread.
 */
export interface WorkerAnalyzerState {
  results: Listeners<AnalysisResult[]>;
  importBatches: Listeners<ImportBatch>;
  notices: Listeners<string>;
  contractNews: Listeners<ContractsStatus>;
  endpointNews: Listeners<EndpointsSnapshot>;
  coverageNews: Listeners<CoverageReport | null>;
  searchNews: Listeners<SearchUpdate>;
  contractDocs: readonly ContractDoc[] | null;
  /** The search running, to start again on this thread if the worker fails. */
  running: { searchId: number; terms: SearchTerm[] | null } | null;
  settings: EngineSettings | null;
  /** The `configure` and `contracts` messages posted, which the worker counts as it takes them (Analyzer.revision). */
  revision: number;
  /** Exchanges sent to the worker whose results have not come back, with how many times each was sent, and their session. */
  outstanding: Map<string, { exchange: Exchange; sent: number; session?: string }>;
  /** Imports the worker is running: enough to run the rest of them here if it fails. */
  imports: Map<string, { opts: ImportOptions; reread?: () => Promise<HarSource>; delivered: number }>;
  /** Exports the worker is building; run here instead if it fails. */
  exports: WorkerJobs<ExportJob, string>;
  /** "Compare with HAR…" jobs the worker is running (they need it: refused if it fails). */
  harCompares: WorkerJobs<null, CaptureDiffReport>;
  /** Comparisons the worker is making (issue #19); made here instead if it fails. */
  compares: WorkerJobs<CompareJob, ExchangeComparison>;
  /** Descriptions loaded from the toolbar, being checked; checked here instead if the worker fails. */
  checks: WorkerJobs<{ loaded: ContractDoc; previous?: ContractDoc }, NewVersion>;
}

export function createWorkerAnalyzerState(): WorkerAnalyzerState {
  return {
    results: new Listeners(),
    importBatches: new Listeners(),
    notices: new Listeners(),
    contractNews: new Listeners(),
    endpointNews: new Listeners(),
    coverageNews: new Listeners(),
    searchNews: new Listeners(),
    contractDocs: null,
    running: null,
    settings: null,
    revision: 0,
    outstanding: new Map(),
    imports: new Map(),
    exports: new WorkerJobs('export'),
    harCompares: new WorkerJobs('compare-har'),
    compares: new WorkerJobs('compare'),
    checks: new WorkerJobs('check'),
  };
}
