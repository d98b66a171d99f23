import { isContractDoc, type ContractDoc, type ContractsStatus } from '../../core/contract/load';
import type { EngineSettings } from '../../core/engine/analyze';
import type { Exchange } from '../../core/exchange/types';
import type { AnalysisResult } from './analyzer';
import { isExportJob, type ExportJob } from './export-jobs';
import {
  isEndpointsFromWorker,
  isEndpointsToWorker,
  type EndpointsFromWorker,
  type EndpointsToWorker,
} from './endpoints-protocol';
import type { HarSource, ImportBatch, ImportOptions } from './har-import';

export type ToWorker =
  | { type: 'configure'; settings: EngineSettings }
  | { type: 'analyze'; exchanges: Exchange[] }
  | { type: 'import'; data: HarSource; opts: ImportOptions }
  /** Stop an import between slices (the list was cleared): it emits nothing more. */
  | { type: 'cancel'; importId: string }
  /** The OpenAPI descriptions to prepare (here, off the panel's thread) and judge by from now on. */
  | { type: 'contracts'; docs: ContractDoc[] }
  /** Build an export (HAR, report, cURL, fetch) here, off the panel's thread. */
  | { type: 'export'; jobId: string; job: ExportJob }
  | EndpointsToWorker;

export type FromWorker =
  | { type: 'results'; results: AnalysisResult[] }
  | { type: 'imported'; batch: ImportBatch }
  | { type: 'contracts'; status: ContractsStatus }
  /** An export's text, or why it could not be made. */
  | { type: 'exported'; jobId: string; text: string }
  | { type: 'exported'; jobId: string; error: string }
  | EndpointsFromWorker;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function isFromWorker(v: unknown): v is FromWorker {
  if (!isObj(v)) return false;
  return (
    (v.type === 'results' && Array.isArray(v.results)) ||
    (v.type === 'imported' && isObj(v.batch)) ||
    (v.type === 'contracts' &&
      isObj(v.status) &&
      Array.isArray(v.status.outlines) &&
      Array.isArray(v.status.problems)) ||
    isExported(v) ||
    isEndpointsFromWorker(v)
  );
}

function isExported(v: Record<string, unknown>): boolean {
  return (
    v.type === 'exported' &&
    typeof v.jobId === 'string' &&
    (typeof v.text === 'string' || typeof v.error === 'string')
  );
}

export function isToWorker(v: unknown): v is ToWorker {
  if (!isObj(v)) return false;
  return (
    (v.type === 'configure' && isObj(v.settings)) ||
    (v.type === 'analyze' && Array.isArray(v.exchanges)) ||
    (v.type === 'import' &&
      (v.data instanceof ArrayBuffer || (typeof Blob !== 'undefined' && v.data instanceof Blob)) &&
      isObj(v.opts) &&
      typeof v.opts.importId === 'string') ||
    (v.type === 'cancel' && typeof v.importId === 'string') ||
    (v.type === 'contracts' && Array.isArray(v.docs) && v.docs.every(isContractDoc)) ||
    (v.type === 'export' && typeof v.jobId === 'string' && isExportJob(v.job)) ||
    isEndpointsToWorker(v)
  );
}
