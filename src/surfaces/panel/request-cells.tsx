import type { ReactNode } from 'react';
import { statusFamily } from '../../core/exchange/family';
import { nameOf, NO_URL, rowHost, rowName } from '../../state/panel-selectors';
import { startMs } from '../../core/exchange/start';
import type { Row, SortColumn } from '../../state/panel-store';
import { SeverityMark } from '../../ui/SeverityMark';
import { StatusCode } from '../../ui/StatusCode';
import { formatClock, formatSize, formatTime } from './format';

/** What each of the request list's cells shows (its columns: list-columns.ts; the list: RequestList.tsx). */

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
          {ex.url === '' ? (
            <span className="muted">{NO_URL}</span>
          ) : (
            // Decoded for reading (`Another Test`), never into a control, newline or bidi
            // character; a copy gives it as recorded (copyRecordedPaths on the list).
            <span data-recorded={nameOf(ex.url)}>{rowName(row)}</span>
          )}
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
