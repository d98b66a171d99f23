import { isMovedBodies, type MovedBody } from './moved-bodies';
import { isContractDoc, type ContractDoc, type ContractsStatus } from '../../core/contract/load';
import { isNewVersion, type NewVersion } from '../../core/contract/new-version';
import type { EngineSettings } from '../../core/engine/analyze';
import type { RedactionLists } from '../../core/export/redact';
import type { Exchange } from '../../core/exchange/types';
import type { AnalysisResult } from './analyzer';
import { isExportJob, type ExportJob } from './export-jobs';
import { isCompareJob, isComparison, type CompareJob } from './compare-jobs';
import type { ExchangeComparison } from '../../core/diff/compare-exchanges';
import {
  isEndpointsFromWorker,
  isEndpointsToWorker,
  type EndpointsFromWorker,
  type EndpointsToWorker,
} from './endpoints-protocol';
import type { HarSource, ImportBatch, ImportOptions } from './har-import';
import {
  isCoverageFromWorker,
  isCoverageToWorker,
  type CoverageFromWorker,
  type CoverageToWorker,
} from './coverage-protocol';
import {
  isSearchFromWorker,
  isSearchToWorker,
  type SearchFromWorker,
  type SearchToWorker,
} from './worker-search';
import {
  isCompareFromWorker,
  isCompareToWorker,
  type CompareFromWorker,
  type CompareToWorker,
} from './compare/compare-protocol';
import { isObjectOrArray } from '../../core/json/walk';
import type { SessionChoice } from './sessions';

export type ToWorker =
  /** `redaction`: the user's lists, which Compare with HAR's records hide by (compare/live-capture.ts). */
  | { type: 'configure'; settings: EngineSettings; redaction?: RedactionLists }
  /** `session`, `replay`: which session judges them, and whether it begins again first (sessions.ts). */
  | ({ type: 'analyze'; exchanges: Exchange[] } & SessionChoice)
  | { type: 'import'; data: HarSource; opts: ImportOptions }
  /** Stop an import between slices (the list was cleared): it emits nothing more. */
  | { type: 'cancel'; importId: string }
  /** The OpenAPI descriptions to prepare (here, off the panel's thread) and judge by from now on. */
  | { type: 'contracts'; docs: ContractDoc[] }
  /** Build an export (HAR, report, cURL, fetch) here, off the panel's thread. */
  | { type: 'export'; jobId: string; job: ExportJob }
  /** Compare two exchanges here (issue #19): their bodies may be megabytes. */
  | { type: 'compare'; jobId: string; job: CompareJob }
  /** Check a description loaded from the toolbar as a new version of `previous` (prepareNewVersion). */
  | { type: 'description/check'; jobId: string; loaded: ContractDoc; previous?: ContractDoc }
  | EndpointsToWorker
  | CoverageToWorker
  /** The search box's `body:` and `/regex/` terms, or null: no search any more. */
  | SearchToWorker
  | CompareToWorker;

export type FromWorker =
  | { type: 'results'; results: AnalysisResult[] }
  /** One `analyze` message done (its results sent): the panel sends the next (analyze-outbox.ts). */
  | { type: 'analyzed' }
  /** `moved`: the batch's large bodies, as transferred bytes (moved-bodies.ts). */
  | { type: 'imported'; batch: ImportBatch; moved?: MovedBody[] }
  | { type: 'contracts'; status: ContractsStatus }
  /** An export's text, or why it could not be made. */
  | { type: 'exported'; jobId: string; text: string }
  | { type: 'exported'; jobId: string; error: string }
  /** A comparison, or why it could not be made. */
  | { type: 'compared'; jobId: string; comparison: ExchangeComparison }
  | { type: 'compared'; jobId: string; error: string }
  /** A toolbar description checked, or why it could not be. */
  | { type: 'description/checked'; jobId: string; result: NewVersion }
  | { type: 'description/checked'; jobId: string; error: string }
  | EndpointsFromWorker
  | CoverageFromWorker
  | SearchFromWorker
  | CompareFromWorker;

export function isFromWorker(v: unknown): v is FromWorker {
  if (!isObjectOrArray(v)) return false;
  return (
    (v.type === 'results' && Array.isArray(v.results)) ||
    v.type === 'analyzed' ||
    (v.type === 'imported' &&
      isObjectOrArray(v.batch) &&
      (v.moved === undefined || isMovedBodies(v.moved))) ||
    (v.type === 'contracts' &&
      isObjectOrArray(v.status) &&
      Array.isArray(v.status.outlines) &&
      Array.isArray(v.status.problems)) ||
    isExported(v) ||
    isCompared(v) ||
    (v.type === 'description/checked' &&
      typeof v.jobId === 'string' &&
      (isNewVersion(v.result) || typeof v.error === 'string')) ||
    isEndpointsFromWorker(v) ||
    isCoverageFromWorker(v) ||
    isSearchFromWorker(v) ||
    isCompareFromWorker(v)
  );
}

function isExported(v: Record<string, unknown>): boolean {
  return (
    v.type === 'exported' &&
    typeof v.jobId === 'string' &&
    (typeof v.text === 'string' || typeof v.error === 'string')
  );
}

function isCompared(v: Record<string, unknown>): boolean {
  return (
    v.type === 'compared' &&
    typeof v.jobId === 'string' &&
    (isComparison(v.comparison) || typeof v.error === 'string')
  );
}

export function isToWorker(v: unknown): v is ToWorker {
  if (!isObjectOrArray(v)) return false;
  return (
    (v.type === 'configure' &&
      isObjectOrArray(v.settings) &&
      (v.redaction === undefined || isObjectOrArray(v.redaction))) ||
    (v.type === 'analyze' &&
      Array.isArray(v.exchanges) &&
      (v.session === undefined || typeof v.session === 'string') &&
      (v.replay === undefined || typeof v.replay === 'boolean')) ||
    (v.type === 'import' &&
      (v.data instanceof ArrayBuffer || (typeof Blob !== 'undefined' && v.data instanceof Blob)) &&
      isObjectOrArray(v.opts) &&
      typeof v.opts.importId === 'string') ||
    (v.type === 'cancel' && typeof v.importId === 'string') ||
    (v.type === 'contracts' && Array.isArray(v.docs) && v.docs.every(isContractDoc)) ||
    (v.type === 'export' && typeof v.jobId === 'string' && isExportJob(v.job)) ||
    (v.type === 'compare' && typeof v.jobId === 'string' && isCompareJob(v.job)) ||
    (v.type === 'description/check' &&
      typeof v.jobId === 'string' &&
      isContractDoc(v.loaded) &&
      (v.previous === undefined || isContractDoc(v.previous))) ||
    isEndpointsToWorker(v) ||
    isCoverageToWorker(v) ||
    isSearchToWorker(v) ||
    isCompareToWorker(v)
  );
}
