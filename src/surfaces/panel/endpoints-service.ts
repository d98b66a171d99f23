import { EndpointIndex, endpointRecord } from '../../core/endpoints/grouper';
import type { Exchange } from '../../core/exchange/types';
import type { Finding } from '../../core/rules/types';
import { ENDPOINT_LIMIT, type EndpointsSnapshot, type EndpointsToWorker } from './endpoints-protocol';

/** How often, at most, a changing grouping is sent to the view. */
export const ENDPOINTS_THROTTLE_MS = 100;

/** A row the panel holds, for grouping a row this side has no record of (see `handle`). */
export type RowLookup = (id: string) => { exchange: Exchange; findings: readonly Finding[] } | undefined;

/**
 * The Endpoints view's grouping where the analysis runs: the worker, or the panel's own thread
 * when the worker failed. Every analysed exchange is recorded (its route template computed
 * once, here); while the view is open, changes are sent as snapshots, at most one per
 * `throttleMs`, so a 20,000-row import is regrouped one batch at a time and redrawn a few times
 * a second, never per row.
 */
export function createEndpointsService(emit: (snapshot: EndpointsSnapshot) => void, throttleMs: number) {
  const index = new EndpointIndex();
  let open = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const schedule = (delay: number) => {
    if (!open || timer) return;
    timer = setTimeout(() => {
      timer = null;
      if (open) emit(index.snapshot(ENDPOINT_LIMIT));
    }, delay);
  };

  return {
    /** An exchange was analysed (again). */
    record(exchange: Exchange, findings: readonly Finding[]): void {
      index.upsert(exchange.id, endpointRecord(exchange, findings));
      schedule(throttleMs);
    },
    /**
     * A message from the panel. `lookup` (same thread only) supplies rows this side never
     * analysed: after a worker failure, what the worker had recorded is gone.
     */
    handle(msg: EndpointsToWorker, lookup?: RowLookup): void {
      switch (msg.type) {
        case 'endpoints/show':
          if (lookup) {
            for (const id of msg.ids) {
              if (index.has(id)) continue;
              const row = lookup(id);
              if (row) index.upsert(id, endpointRecord(row.exchange, row.findings));
            }
          }
          open = true;
          index.show(msg.ids, msg.reset);
          // The first answer to a view just opened, or a filter just changed, comes at once.
          schedule(msg.reset ? 0 : throttleMs);
          return;
        case 'endpoints/hide':
          open = false;
          index.hide();
          return;
        case 'endpoints/forget':
          index.forget(msg.ids);
          schedule(throttleMs);
          return;
        case 'endpoints/clear':
          index.clear();
          schedule(0);
      }
    },
    dispose(): void {
      open = false;
      if (timer) clearTimeout(timer);
      timer = null;
      index.clear();
    },
  };
}

export type EndpointsService = ReturnType<typeof createEndpointsService>;
