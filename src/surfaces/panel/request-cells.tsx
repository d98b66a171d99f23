import type { ReactNode } from 'react';
import { statusFamily } from '../../core/exchange/family';
import { NO_URL, rowHost, rowName } from '../../state/panel-selectors';
import { startMs, type Row, type SortColumn } from '../../state/panel-store';
import { SeverityMark } from '../../ui/SeverityMark';
import { StatusCode } from '../../ui/StatusCode';
import { formatClock, formatSize, formatTime } from './format';

/** The request list's columns and what each cell shows (the list itself is RequestList.tsx). */

export interface Column {
  id: SortColumn;
  label: string;
  /** The header's tooltip, when the label alone is cryptic. */
  title?: string;
  width: string;
  /** Hidden when the list is narrower than this (DevTools docked to the side): least useful first. */
  hideBelow?: number;
}

export const COLUMNS: Column[] = [
  { id: 'seq', label: '#', title: 'Request order (by start time)', width: '48px', hideBelow: 400 },
  {
    id: 'started',
    label: 'Started',
    title: 'When the request started (local time)',
    width: '92px',
    hideBelow: 900,
  },
  // "(failed) 404" (a CORS-blocked row with the status the server sent) and its "?" fit.
  { id: 'status', label: 'Status', width: '110px' },
  // Wide enough for OPTIONS, the method of every CORS preflight (and DELETE, CONNECT): a cut
  // "OPTIO…" hid which row was the preflight. Longer custom methods are cut and keep a title.
  { id: 'method', label: 'Method', width: '70px' },
  { id: 'name', label: 'Name', width: 'minmax(80px, 3fr)' },
  // Wide enough for an IPv4 address and its port: Host keeps the port. Host outranks Size in
  // triage, so Size steps aside first and Host stays until the list is under 560 px.
  { id: 'host', label: 'Host', width: 'minmax(130px, 1fr)', hideBelow: 560 },
  { id: 'type', label: 'Type', width: '80px', hideBelow: 820 },
  { id: 'findings', label: 'Findings', width: '72px' },
  { id: 'size', label: 'Size', width: '70px', hideBelow: 640 },
  { id: 'time', label: 'Time', width: '64px', hideBelow: 520 },
];

function Findings({ row }: { row: Row }) {
  if (!row.analysis)
    return (
      <span className="muted" title="Analysing…">
        …
      </span>
    );
  const f = row.analysis.findings;
  if (f.length === 0) return <span className="muted">—</span>;
  return (
    <span>
      <SeverityMark severity={f[0]!.severity} label={false} /> {f.length}
    </span>
  );
}

function StatusCell({ row, showCode }: { row: Row; showCode: (code: string) => void }) {
  const ex = row.exchange;
  return (
    <>
      <StatusCode status={ex.status} />
      {ex.status !== 0 && <span className="fam-tag"> {statusFamily(ex.status)}</span>}
      {ex.serverStatus !== undefined && (
        // The status the server sent is the key fact of a CORS-blocked row: shown as its number
        // beside "(failed)" (the words "· server sent" spelled out did not fit the column and
        // cut the number off), read out and titled in full.
        <span
          className="fam-tag"
          title={`The server sent ${ex.serverStatus}, but the browser failed the request and did not hand the response to the page`}
        >
          <span className="visually-hidden"> · server sent</span> {ex.serverStatus}
        </span>
      )}
      <button
        type="button"
        className="code-link"
        tabIndex={-1}
        title="Explain this status in the Codes view"
        aria-label={`Explain ${ex.status === 0 ? (ex.failure ?? 'failed request') : ex.status}`}
        onClick={(e) => {
          e.stopPropagation();
          showCode(ex.status === 0 && ex.failure ? ex.failure : String(ex.status));
        }}
      >
        ?
      </button>
    </>
  );
}

interface CellProps {
  column: SortColumn;
  row: Row;
  /** The row's number in request order (1-based, counting rows the retention cap dropped). */
  number: number;
  showCode: (code: string) => void;
}

export function Cell({ column, row, number, showCode }: CellProps) {
  const ex = row.exchange;
  let className: string | undefined;
  let title: string | undefined;
  let content: ReactNode;
  switch (column) {
    case 'status':
      content = <StatusCell row={row} showCode={showCode} />;
      break;
    case 'method':
      className = 'mono';
      title = ex.method;
      content = ex.method;
      break;
    case 'name':
      className = 'name';
      title = ex.url;
      content = (
        <>
          {row.imported && (
            <span className="imported-mark" title="Imported from a HAR file (filter: is:imported)">
              HAR
            </span>
          )}
          {ex.url === '' ? <span className="muted">{NO_URL}</span> : rowName(row)}
        </>
      );
      break;
    case 'started':
      className = 'num muted';
      content = formatClock(startMs(ex.startedAt));
      break;
    case 'host':
      className = 'muted';
      // Cut at the column's edge beside the detail pane ("login.microsoftonl…"): whole on hover.
      title = rowHost(row);
      content = title;
      break;
    case 'type':
      className = 'muted';
      content = ex.resourceType ?? (ex.mimeType.split(';')[0] || '—');
      break;
    case 'findings':
      content = <Findings row={row} />;
      break;
    case 'size':
      className = 'num';
      content = formatSize(ex.size);
      break;
    case 'time':
      className = 'num';
      content = formatTime(ex.time);
      break;
    case 'seq':
      className = 'num muted';
      content = number;
  }
  return (
    <div role="gridcell" className={className} title={title}>
      {content}
    </div>
  );
}
