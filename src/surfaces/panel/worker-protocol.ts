import type { EngineSettings } from '../../core/engine/analyze';
import type { Exchange } from '../../core/exchange/types';
import type { AnalysisResult } from './analyzer';
import type { ImportBatch, ImportOptions } from './har-import';

export type ToWorker =
  | { type: 'configure'; settings: EngineSettings }
  | { type: 'analyze'; exchanges: Exchange[] }
  | { type: 'import'; data: ArrayBuffer; opts: ImportOptions }
  /** Stop an import between slices (the list was cleared): it emits nothing more. */
  | { type: 'cancel'; importId: string };

export type FromWorker =
  { type: 'results'; results: AnalysisResult[] } | { type: 'imported'; batch: ImportBatch };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function isFromWorker(v: unknown): v is FromWorker {
  if (!isObj(v)) return false;
  return (v.type === 'results' && Array.isArray(v.results)) || (v.type === 'imported' && isObj(v.batch));
}

export function isToWorker(v: unknown): v is ToWorker {
  if (!isObj(v)) return false;
  return (
    (v.type === 'configure' && isObj(v.settings)) ||
    (v.type === 'analyze' && Array.isArray(v.exchanges)) ||
    (v.type === 'import' &&
      v.data instanceof ArrayBuffer &&
      isObj(v.opts) &&
      typeof v.opts.importId === 'string') ||
    (v.type === 'cancel' && typeof v.importId === 'string')
  );
}
