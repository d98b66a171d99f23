import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { statusFamily } from '../../core/exchange/family';
import { selectVisibleRows, rowHost, rowName } from '../../state/panel-selectors';
import { requestIndex, startMs, type Row, type SortColumn } from '../../state/panel-store';
import { SeverityMark } from '../../ui/SeverityMark';
import { StatusCode } from '../../ui/StatusCode';
import { formatClock, formatSize, formatTime } from './format';
import { usePanel } from './panel-context';
import { useWidth } from './use-width';
import { useRowResend } from './resend/row-resend';

const ROW_HEIGHT = 22;

/**
 * A stable DOM id for a row, for aria-activedescendant. Exchange ids come from DevTools or an
 * imported HAR, so anything but letters, digits and '-' is escaped as _<hex>_ (one-to-one).
 */
function rowDomId(exchangeId: string): string {
  return `request-row-${exchangeId.replace(/[^A-Za-z0-9-]/gu, (c) => `_${c.codePointAt(0)!.toString(16)}_`)}`;
}

interface Column {
  id: SortColumn;
  label: string;
  /** The header's tooltip, when the label alone is cryptic. */
  title?: string;
  width: string;
  /** Hidden when the list is narrower than this (DevTools docked to the side): least useful first. */
  hideBelow?: number;
}

const COLUMNS: Column[] = [
  { id: 'seq', label: '#', title: 'Request order (by start time)', width: '48px', hideBelow: 400 },
  {
    id: 'started',
    label: 'Started',
    title: 'When the request started (local time)',
    width: '92px',
    hideBelow: 900,
  },
  { id: 'status', label: 'Status', width: '84px' },
  { id: 'method', label: 'Method', width: '58px' },
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
      {ex.serverStatus !== undefined && <span className="fam-tag"> · server sent {ex.serverStatus}</span>}
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

function Cell({ column, row, number, showCode }: CellProps) {
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
          {rowName(row)}
        </>
      );
      break;
    case 'started':
      className = 'num muted';
      content = formatClock(startMs(ex.startedAt));
      break;
    case 'host':
      className = 'muted';
      content = rowHost(row);
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

export function RequestList() {
  const rows = usePanel(selectVisibleRows);
  const allRows = usePanel((s) => s.rows);
  const dropped = usePanel((s) => s.dropped);
  const selectedId = usePanel((s) => s.selectedId);
  const select = usePanel((s) => s.select);
  const sort = usePanel((s) => s.sort);
  const setSort = usePanel((s) => s.setSort);
  const setDetailTab = usePanel((s) => s.setDetailTab);
  const showCode = usePanel((s) => s.showCode);
  // Resend and compare (issue #19): R, the context menu, Ctrl/⌘-click to mark.
  const resend = useRowResend();
  const onOpen = (id: string) => {
    select(id);
    setDetailTab('overview');
    // Enter moves the keyboard into the detail view, as Enter on a Network row does in DevTools.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('section.detail [role="tab"][aria-selected="true"]')?.focus(),
    );
  };
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const width = useWidth(gridRef);
  const columns = COLUMNS.filter((c) => c.hideBelow === undefined || width >= c.hideBelow);
  const template = columns.map((c) => c.width).join(' ');
  // The virtualizer's functions are read fresh on every render, which is what the compiler warns about.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // jsdom and a panel that is not shown yet measure 0×0; start with a sensible viewport.
    initialRect: { width: 800, height: 600 },
  });

  const selectedIndex = selectedId === null ? -1 : rows.findIndex((r) => r.exchange.id === selectedId);
  const virtualItems = virtualizer.getVirtualItems();
  // A row selected from elsewhere (DevTools' search bar stepping through results, a related-row
  // link) is brought into view; 'auto' leaves the list alone when the row is already shown.
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    // Only a new selection scrolls: a filter change that moves the selected row does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);
  // Focus stays on the grid; screen readers follow the selected row through aria-activedescendant,
  // which may only name a row that is in the DOM (the list is virtualised).
  const activeDescendant =
    selectedIndex >= 0 && virtualItems.some((item) => item.index === selectedIndex)
      ? rowDomId(selectedId!)
      : undefined;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (rows.length === 0) return;
    if (resend.onKeyDown(e, rows[selectedIndex])) {
      e.preventDefault();
      return;
    }
    let next = selectedIndex;
    if (e.key === 'ArrowDown') next = Math.min(rows.length - 1, selectedIndex + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, selectedIndex < 0 ? 0 : selectedIndex - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = rows.length - 1;
    else if (e.key === 'PageDown') next = Math.min(rows.length - 1, selectedIndex + 20);
    else if (e.key === 'PageUp') next = Math.max(0, selectedIndex - 20);
    else if (e.key === 'Enter' && selectedId !== null) {
      onOpen(selectedId);
      e.preventDefault();
      return;
    } else if (e.key === 'Escape') {
      select(null);
      return;
    } else return;
    e.preventDefault();
    select(rows[next]!.exchange.id);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  return (
    <div
      className="request-list"
      role="grid"
      aria-label="Requests"
      aria-rowcount={rows.length + 1}
      tabIndex={0}
      aria-activedescendant={activeDescendant}
      onKeyDown={onKeyDown}
      ref={gridRef}
    >
      <div className="list-header" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
        {columns.map((c) => (
          <div
            key={c.id}
            role="columnheader"
            aria-sort={sort.column === c.id ? (sort.descending ? 'descending' : 'ascending') : 'none'}
          >
            <button
              type="button"
              className="sort-button"
              title={`${c.title ?? c.label}: click to sort, again to reverse, a third time for request order`}
              onClick={() => setSort(c.id)}
            >
              {c.label}
              {sort.column === c.id ? (sort.descending ? ' ▼' : ' ▲') : ''}
            </button>
          </div>
        ))}
      </div>
      <div className="list-body" ref={scrollRef}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualItems.map((item) => {
            const row = rows[item.index]!;
            const ex = row.exchange;
            const selected = ex.id === selectedId;
            return (
              <div
                key={ex.id}
                id={rowDomId(ex.id)}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                data-id={ex.id}
                data-family={statusFamily(ex.status)}
                data-imported={row.imported ? 'true' : undefined}
                className={`list-row${selected ? ' selected' : ''}${item.index % 2 ? ' odd' : ''}${resend.isMarked(ex.id) ? ' marked' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, gridTemplateColumns: template }}
                onClick={(e) => resend.onRowClick(e, ex.id) || select(ex.id)}
                onContextMenu={(e) => {
                  select(ex.id);
                  resend.onRowContextMenu(e, row);
                }}
                onDoubleClick={() => onOpen(ex.id)}
              >
                {columns.map((c) => (
                  <Cell
                    key={c.id}
                    column={c.id}
                    row={row}
                    number={dropped + requestIndex(allRows, row) + 1}
                    showCode={showCode}
                  />
                ))}
              </div>
            );
          })}
        </div>
      </div>
      {resend.menu}
    </div>
  );
}
