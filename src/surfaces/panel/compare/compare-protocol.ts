import type { CaptureDiffReport } from '../../../core/diff/capture/report';
import { isObjectOrArray } from '../../../core/json/walk';

/**
 * "Compare with HAR…": the panel hands the file's bytes to the analysis worker, which reads and
 * summarises it there (never on the panel's thread), compares it with its summary of the live
 * capture and answers with the same report `status-lens diff --format json` writes.
 */
export type CompareToWorker = {
  type: 'compare/har';
  jobId: string;
  /** The file's name, as the report names the "before" side. */
  name: string;
  data: ArrayBuffer;
  /** The body-size cap the capture uses, so both sides are analysed alike. */
  bodyCap: number;
  /**
   * Match endpoints by method and route template alone (`status-lens diff --ignore-host`): live
   * traffic from localhost against a HAR recorded in production.
   */
  ignoreHost: boolean;
};

export type CompareFromWorker =
  | { type: 'compare/result'; jobId: string; report: CaptureDiffReport }
  | { type: 'compare/result'; jobId: string; error: string };

export function isCompareToWorker(v: unknown): v is CompareToWorker {
  return (
    isObjectOrArray(v) &&
    v.type === 'compare/har' &&
    typeof v.jobId === 'string' &&
    typeof v.name === 'string' &&
    v.data instanceof ArrayBuffer &&
    typeof v.bodyCap === 'number' &&
    typeof v.ignoreHost === 'boolean'
  );
}

/** Checks what the view reads: a report of this version with its lists. */
export function isCompareFromWorker(v: unknown): v is CompareFromWorker {
  if (!isObjectOrArray(v) || v.type !== 'compare/result' || typeof v.jobId !== 'string') return false;
  if (typeof v.error === 'string') return true;
  const r = v.report;
  return (
    isObjectOrArray(r) &&
    r.version === 1 &&
    r.kind === 'capture-diff' &&
    Array.isArray(r.endpoints) &&
    Array.isArray(r.problems) &&
    isObjectOrArray(r.summary) &&
    isObjectOrArray(r.before) &&
    isObjectOrArray(r.after)
  );
}
