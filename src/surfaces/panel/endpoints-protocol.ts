import type { EndpointGroup } from '../../core/endpoints/grouper';
import { isObjectOrArray } from '../../core/json/walk';

/**
 * The Endpoints view's messages to and from the analysis worker, kept apart from the analysis
 * messages they join in worker-protocol.ts. The worker keeps one grouping record per exchange it
 * analyses; the panel says which rows its filters let through, and gets the groups back.
 */
export type EndpointsToWorker =
  /** Rows the filters let through: every one (`reset`), or only rows just appended. */
  | { type: 'endpoints/show'; ids: string[]; reset: boolean }
  /** The view closed: stop tracking what is shown (records stay for next time). */
  | { type: 'endpoints/hide' }
  /** Rows the retention cap dropped. */
  | { type: 'endpoints/forget'; ids: string[] }
  /** The list was cleared. */
  | { type: 'endpoints/clear' };

export interface EndpointsSnapshot {
  /** The worst groups, at most ENDPOINT_LIMIT of them. */
  groups: EndpointGroup[];
  /** How many groups there are in all. */
  total: number;
}

export type EndpointsFromWorker = { type: 'endpoints'; snapshot: EndpointsSnapshot };

/** Groups sent to (and drawn by) the view; the rest are counted. */
export const ENDPOINT_LIMIT = 100;

const isIds = (v: unknown): v is string[] => Array.isArray(v) && v.every((id) => typeof id === 'string');

export function isEndpointsToWorker(v: unknown): v is EndpointsToWorker {
  if (!isObjectOrArray(v)) return false;
  switch (v.type) {
    case 'endpoints/show':
      return isIds(v.ids) && typeof v.reset === 'boolean';
    case 'endpoints/forget':
      return isIds(v.ids);
    case 'endpoints/hide':
    case 'endpoints/clear':
      return true;
    default:
      return false;
  }
}

export function isEndpointsFromWorker(v: unknown): v is EndpointsFromWorker {
  return (
    isObjectOrArray(v) &&
    v.type === 'endpoints' &&
    isObjectOrArray(v.snapshot) &&
    Array.isArray(v.snapshot.groups) &&
    typeof v.snapshot.total === 'number'
  );
}
