import type { PanelState, Row, SortColumn } from '../../state/panel-store';

/** The request list's columns, and their widths at the list's width (RequestList.tsx; cells: request-cells.tsx). */

export interface Column {
  id: SortColumn;
  label: string;
  /** The header's tooltip, when the label alone is cryptic. */
  title?: string;
  width: string;
  /** Its width in a list narrower than COMPACT_LIST_BELOW, when that differs. */
  compact?: string;
  /** Hidden when the list is narrower than this (DevTools docked to the side): least useful first. */
  hideBelow?: number;
}

/**
 * Below this width (DevTools docked to the side) the fixed columns take only what their
 * content needs, so that Name, the part of the URL people scan, gets most of the row: at 500 px
 * it had 200 px, less than Status and Method together.
 */
export const COMPACT_LIST_BELOW = 640;

/**
 * The least room Name has in a 500 px list (DevTools docked to the side) whatever the list
 * holds: a blocked request's "(failed) 404" in Status, numbers of up to four digits in #. With
 * neither, it has about 255 px (it had 200, less than Status and Method together).
 */
export const NAME_AT_500 = 220;

export const COLUMNS: readonly Column[] = [
  // Compact, as wide as the list's largest number (seqWidth).
  { id: 'seq', label: '#', title: 'Request order (by start time)', width: '48px', hideBelow: 400 },
  {
    id: 'started',
    label: 'Started',
    title: 'When the request started (local time)',
    width: '92px',
    hideBelow: 900,
  },
  // "(failed) 404" (a CORS-blocked row with the status the server sent) and its "?" fit. Compact,
  // "(failed) ?" and "404 4xx ?" do: a list holding a blocked row gets STATUS_WITH_SERVER_STATUS.
  { id: 'status', label: 'Status', width: '110px', compact: '84px' },
  // Wide enough for OPTIONS, the method of every CORS preflight (and DELETE, CONNECT): a cut
  // "OPTIO…" hid which row was the preflight. Longer custom methods are cut and keep a title.
  { id: 'method', label: 'Method', width: '70px', compact: '62px' },
  { id: 'name', label: 'Name', width: 'minmax(80px, 3fr)', compact: 'minmax(120px, 1fr)' },
  // Wide enough for an IPv4 address and its port: Host keeps the port. Host outranks Size in
  // triage, so Size steps aside first and Host stays until the list is under 560 px.
  { id: 'host', label: 'Host', width: 'minmax(130px, 1fr)', hideBelow: 560 },
  { id: 'type', label: 'Type', width: '80px', hideBelow: 820 },
  // Compact, its header is the widest thing in it.
  { id: 'findings', label: 'Findings', width: '72px', compact: '62px' },
  { id: 'size', label: 'Size', width: '70px', hideBelow: 640 },
  { id: 'time', label: 'Time', width: '64px', hideBelow: 520 },
];

/** A compact Status column that holds "(failed) 404 ?": a blocked request with the status the server sent. */
const STATUS_WITH_SERVER_STATUS = '108px';

/** What the compact tracks depend on in the list itself. */
export interface ListContent {
  /** A blocked request with the status the server sent is listed (selectServerStatusShown). */
  serverStatus: boolean;
  /** The largest number in the # column. */
  lastNumber: number;
}

/**
 * A compact # column: its digits (three at least, so that it does not move for the first rows;
 * 8 px each, as the panel's 12 px font draws them) and its padding, which the "# ▲" of the
 * default sort fits in. In px, not `ch`: jsdom's style parser drops a calc() track.
 */
function seqWidth(lastNumber: number): string {
  return `${Math.max(3, String(lastNumber).length) * 8 + 12}px`;
}

/** The columns shown at `width` px (Infinity until measured: the wide layout), with their grid tracks. */
export function listColumns(width: number, content: ListContent): { columns: Column[]; template: string } {
  const columns = COLUMNS.filter((c) => c.hideBelow === undefined || width >= c.hideBelow);
  const compact = width < COMPACT_LIST_BELOW;
  const track = (c: Column): string => {
    if (!compact) return c.width;
    if (c.id === 'seq') return seqWidth(content.lastNumber);
    if (c.id === 'status' && content.serverStatus) return STATUS_WITH_SERVER_STATUS;
    return c.compact ?? c.width;
  };
  return { columns, template: columns.map(track).join(' ') };
}

const shows = (r: Row) => r.exchange.serverStatus !== undefined;

/**
 * Whether any row holds a blocked request with the status the server sent. Over all rows, not
 * the visible ones, so the column keeps its width while the filters change. While rows are
 * only appended, only the new ones are looked at: a blocked row the retention cap drops later
 * leaves the column wide until a clear, which costs less than rescanning 50,000 rows a batch.
 */
function createServerStatusSelector() {
  let lastRows: Row[] | null = null;
  let answer = false;
  return (s: PanelState): boolean => {
    if (s.rows === lastRows) return answer;
    if (lastRows === null || s.rowsAppendedTo !== lastRows) answer = s.rows.some(shows);
    else if (!answer)
      answer = s.rows.slice(Math.max(0, lastRows.length - s.rowsDroppedFromFront)).some(shows);
    lastRows = s.rows;
    return answer;
  };
}

export const selectServerStatusShown = createServerStatusSelector();
