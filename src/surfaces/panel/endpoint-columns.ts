import type { StatusFamily } from '../../core/exchange/family';

/** The Endpoints table's columns, and which of them fit the view's width (EndpointsView.tsx). */

export const ENDPOINT_FAMILIES: StatusFamily[] = ['2xx', '3xx', '4xx', '5xx', 'failed'];

export type EndpointColumnId = 'endpoint' | 'calls' | 'errors' | 'p50' | 'p95' | StatusFamily | 'findings';

export interface EndpointColumn {
  id: EndpointColumnId;
  /** Its grid track. The endpoint and findings keep a minimum: text wraps by words, not letters. */
  width: string;
  /** Hidden when the view is narrower than this (DevTools docked to the side): least useful first. */
  hideBelow?: number;
}

const NUM = '56px';

/**
 * Endpoint, calls, errors and findings always show: with these minimums they fit a view about
 * 410 px wide. The timings go below 640 px, the per-family counts (the error rate sums them up)
 * below 900 px, where all eleven columns have ~100 px to spare.
 */
export const ENDPOINT_COLUMNS: readonly EndpointColumn[] = [
  { id: 'endpoint', width: 'minmax(140px, 2fr)' },
  { id: 'calls', width: NUM },
  { id: 'errors', width: NUM },
  { id: 'p50', width: NUM, hideBelow: 640 },
  { id: 'p95', width: NUM, hideBelow: 640 },
  ...ENDPOINT_FAMILIES.map((id): EndpointColumn => ({ id, width: NUM, hideBelow: 900 })),
  { id: 'findings', width: 'minmax(160px, 3fr)' },
];

/** One array per layout, so that a width change inside a layout keeps the rows memoised. */
const LAYOUTS = [...new Set([0, ...ENDPOINT_COLUMNS.map((c) => c.hideBelow ?? 0)])]
  .sort((a, b) => b - a)
  .map((min) => ({ min, columns: ENDPOINT_COLUMNS.filter((c) => (c.hideBelow ?? 0) <= min) }));

/** The columns shown at `width` px (Infinity until measured: all of them). */
export function endpointColumns(width: number): readonly EndpointColumn[] {
  return LAYOUTS.find((l) => width >= l.min)!.columns;
}

/** The CSS grid template for these columns. */
export const endpointTemplate = (columns: readonly EndpointColumn[]): string =>
  columns.map((c) => c.width).join(' ');
