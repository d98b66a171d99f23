import type { CoverageReport } from '../../core/contract/coverage';
import { isObjectOrArray } from '../../core/json/walk';

/**
 * The coverage view's messages to and from the analysis worker (joined into worker-protocol.ts).
 * The worker counts coverage as it analyses, beside the Endpoints grouping; while the view is
 * open it sends the report, at most every COVERAGE_THROTTLE_MS. Rows the panel drops or clears
 * reach the worker as `endpoints/forget` / `endpoints/clear`, which both groupings obey.
 */
export type CoverageToWorker = { type: 'coverage/open' } | { type: 'coverage/close' };

/** `report` is null while no description is loaded. */
export type CoverageFromWorker = { type: 'coverage'; report: CoverageReport | null };

/** Coverage reports carry every documented operation (up to ~1,000): a few a second is plenty. */
export const COVERAGE_THROTTLE_MS = 250;

export function isCoverageToWorker(v: unknown): v is CoverageToWorker {
  return isObjectOrArray(v) && (v.type === 'coverage/open' || v.type === 'coverage/close');
}

export function isCoverageFromWorker(v: unknown): v is CoverageFromWorker {
  if (!isObjectOrArray(v) || v.type !== 'coverage') return false;
  const r = v.report;
  return (
    r === null ||
    (isObjectOrArray(r) &&
      Array.isArray(r.documents) &&
      Array.isArray(r.operations) &&
      Array.isArray(r.undocumentedOperations) &&
      Array.isArray(r.undocumentedStatuses))
  );
}
