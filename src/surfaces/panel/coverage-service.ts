import {
  CoverageTracker,
  type ContractOutline,
  type CoverageReport,
  type MatchSummary,
} from '../../core/contract/coverage';
import type { Analysis } from '../../core/rules/types';
import type { CoverageToWorker } from './coverage-protocol';
import type { EndpointsToWorker } from './endpoints-protocol';

/** Every row the panel holds, for counting rows this side never analysed (see `handle`). */
export type CoverageRows = () => Iterable<{ id: string; status: number; analysis?: Analysis | undefined }>;

interface Counted {
  match: MatchSummary;
  status: number;
}

/**
 * OpenAPI coverage where the analysis runs (the worker, or the panel's thread after a worker
 * failure): each analysed exchange's match is counted once, a re-analysis replaces its count, a
 * dropped row takes it back. While the coverage view is open the report goes out, at most one
 * per `throttleMs`, so a 20,000-row import updates it a few times a second and the panel only
 * draws. Exports of the coverage are built here too (`report()`).
 */
export function createCoverageService(emit: (report: CoverageReport | null) => void, throttleMs: number) {
  let tracker: CoverageTracker | null = null;
  const counted = new Map<string, Counted>();
  let open = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const schedule = (delay: number) => {
    if (!open || timer) return;
    timer = setTimeout(() => {
      timer = null;
      if (open) emit(tracker ? tracker.report() : null);
    }, delay);
  };

  const count = (id: string, status: number, analysis: Analysis | undefined) => {
    if (!tracker) return;
    const prev = counted.get(id);
    if (prev) {
      tracker.forget(prev.match, prev.status);
      counted.delete(id);
    }
    const match = analysis?.contract;
    if (!match) return;
    tracker.record(match, status);
    counted.set(id, { match, status });
  };

  return {
    /** The descriptions changed: counting starts again (every row is re-analysed after this). */
    setOutlines(outlines: readonly ContractOutline[]): void {
      tracker = outlines.length > 0 ? new CoverageTracker(outlines) : null;
      counted.clear();
      schedule(0);
    },
    /** An exchange was analysed (again). */
    record(id: string, status: number, analysis: Analysis): void {
      if (!tracker) return;
      count(id, status, analysis);
      schedule(throttleMs);
    },
    /**
     * A message from the panel. `rows` (same thread only) lets the view count rows this side
     * never analysed: after a worker failure, what the worker had counted is gone.
     */
    handle(msg: CoverageToWorker | EndpointsToWorker, rows?: CoverageRows): void {
      switch (msg.type) {
        case 'coverage/open':
          if (rows && tracker)
            for (const r of rows()) if (!counted.has(r.id) && r.analysis) count(r.id, r.status, r.analysis);
          open = true;
          schedule(0);
          return;
        case 'coverage/close':
          open = false;
          return;
        case 'endpoints/forget':
          if (!tracker) return;
          for (const id of msg.ids) {
            const prev = counted.get(id);
            if (!prev) continue;
            tracker.forget(prev.match, prev.status);
            counted.delete(id);
          }
          schedule(throttleMs);
          return;
        case 'endpoints/clear':
          counted.clear();
          if (tracker) tracker = tracker.emptied();
          schedule(0);
      }
    },
    /** The coverage now, for an export; null when no description is loaded. */
    report(): CoverageReport | null {
      return tracker ? tracker.report() : null;
    },
    dispose(): void {
      open = false;
      if (timer) clearTimeout(timer);
      timer = null;
      counted.clear();
    },
  };
}

export type CoverageService = ReturnType<typeof createCoverageService>;
