import type { EntryOutcome } from './entry';
import { isObjectOrArray } from '../../core/json/walk';

/**
 * What the main thread and the lint workers (`--jobs`) say to each other. The main thread reads
 * and splits the HAR; a worker gets batches of whole entries (their bytes in one transferred
 * buffer) and answers with each entry's outcome, in order.
 */

/** Set as `workerData` of a lint worker: the same lint arguments, so it builds the same plan. */
export interface LintWorkerData {
  kind: 'status-lens/lint-worker';
  argv: readonly string[];
  cwd: string;
}

/** One entry of a batch: where its bytes sit in the batch's buffer. */
export interface BatchEntry {
  index: number;
  line: number;
  offset: number;
  start: number;
  length: number;
  oversize?: { bytes: number; limit: number };
}

export interface BatchRequest {
  type: 'batch';
  id: number;
  fileNo: number;
  entries: BatchEntry[];
  buffer: ArrayBuffer;
}

export type WorkerReply =
  | { type: 'ready' }
  /** The worker could not build the plan the main thread built (it should never happen). */
  | { type: 'failed'; message: string }
  | { type: 'batch'; id: number; outcomes: EntryOutcome[] }
  | { type: 'error'; id: number; message: string };

export function isLintWorkerData(v: unknown): v is LintWorkerData {
  return (
    isObjectOrArray(v) &&
    v.kind === 'status-lens/lint-worker' &&
    Array.isArray(v.argv) &&
    typeof v.cwd === 'string'
  );
}

export function isWorkerReply(v: unknown): v is WorkerReply {
  if (!isObjectOrArray(v)) return false;
  const t = v.type;
  return t === 'ready' || t === 'failed' || t === 'batch' || t === 'error';
}
