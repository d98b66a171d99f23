import {
  compareExchanges,
  type CompareInput,
  type ExchangeComparison,
} from '../../core/diff/compare-exchanges';
import { isObjectOrArray } from '../../core/json/walk';

/*
 * Comparing two exchanges (issue #19: a resend beside its original, any two rows) runs in the
 * analysis worker: a JSON diff of two 5 MB bodies is real work, and the bodies are the page's.
 * A job carries both exchanges and their findings (structured-cloneable data only).
 */

export type CompareJob = CompareInput;

/** The comparison a job produces. Pure; throws only on a bug. */
export function runCompareJob(job: CompareJob): ExchangeComparison {
  return compareExchanges(job);
}

/** The worker's check of a job from the panel. */
export function isCompareJob(v: unknown): v is CompareJob {
  return (
    isObjectOrArray(v) &&
    isObjectOrArray(v.before) &&
    isObjectOrArray(v.after) &&
    Array.isArray(v.beforeFindings) &&
    Array.isArray(v.afterFindings)
  );
}

/** The panel's check of the worker's answer. */
export function isComparison(v: unknown): v is ExchangeComparison {
  return (
    isObjectOrArray(v) &&
    isObjectOrArray(v.status) &&
    Array.isArray(v.requestHeaders) &&
    Array.isArray(v.responseHeaders) &&
    isObjectOrArray(v.body) &&
    isObjectOrArray(v.findings)
  );
}
