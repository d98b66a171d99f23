import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type KeyboardEvent } from 'react';
import { statusFamily } from '../../core/exchange/family';
import { selectVisibleRows, rowHost, rowName } from '../../state/panel-selectors';
import type { Row, SortColumn } from '../../state/panel-store';
import { SeverityMark } from '../../ui/SeverityMark';
import { StatusCode } from '../../ui/StatusCode';
import { formatSize, formatTime } from './format';
import { usePanel } from './panel-context';

const ROW_HEIGHT = 22;

const COLUMNS: { id: SortColumn; label: string; width: string }[] = [
  { id: 'status', label: 'Status', width: '86px' },
  { id: 'method', label: 'Method', width: '64px' },
  { id: 'name', label: 'Name', width: 'minmax(100px, 3fr)' },
  { id: 'host', label: 'Host', width: 'minmax(60px, 1fr)' },
  { id: 'type', label: 'Type', width: '80px' },
  { id: 'findings', label: 'Findings', width: '92px' },
  { id: 'size', label: 'Size', width: '70px' },
  { id: 'time', label: 'Time', width: '64px' },
];

export const GRID_TEMPLATE = COLUMNS.map((c) => c.width).join(' ');

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

export function RequestList() {
  const rows = usePanel(selectVisibleRows);
  const selectedId = usePanel((s) => s.selectedId);
  const select = usePanel((s) => s.select);
  const sort = usePanel((s) => s.sort);
  const setSort = usePanel((s) => s.setSort);
  const setDetailTab = usePanel((s) => s.setDetailTab);
  const showCode = usePanel((s) => s.showCode);
  const onOpen = (id: string) => {
    select(id);
    setDetailTab('overview');
    // Enter moves the keyboard into the detail view, as Enter on a Network row does in DevTools.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('section.detail [role="tab"][aria-selected="true"]')?.focus(),
    );
  };
  const scrollRef = useRef<HTMLDivElement>(null);
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

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (rows.length === 0) return;
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
      onKeyDown={onKeyDown}
    >
      <div
        className="list-header"
        role="row"
        aria-rowindex={1}
        style={{ gridTemplateColumns: GRID_TEMPLATE }}
      >
        {COLUMNS.map((c) => (
          <div
            key={c.id}
            role="columnheader"
            aria-sort={sort.column === c.id ? (sort.descending ? 'descending' : 'ascending') : 'none'}
          >
            <button type="button" className="sort-button" onClick={() => setSort(c.id)}>
              {c.label}
              {sort.column === c.id ? (sort.descending ? ' ▼' : ' ▲') : ''}
            </button>
          </div>
        ))}
      </div>
      <div className="list-body" ref={scrollRef}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const ex = row.exchange;
            const selected = ex.id === selectedId;
            return (
              <div
                key={ex.id}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                data-id={ex.id}
                data-family={statusFamily(ex.status)}
                className={`list-row${selected ? ' selected' : ''}${item.index % 2 ? ' odd' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, gridTemplateColumns: GRID_TEMPLATE }}
                onClick={() => select(ex.id)}
                onDoubleClick={() => onOpen(ex.id)}
              >
                <div role="gridcell">
                  <StatusCode status={ex.status} />
                  {ex.status !== 0 && <span className="fam-tag"> {statusFamily(ex.status)}</span>}
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
                </div>
                <div role="gridcell" className="mono">
                  {ex.method}
                </div>
                <div role="gridcell" className="name" title={ex.url}>
                  {rowName(row)}
                </div>
                <div role="gridcell" className="muted">
                  {rowHost(row)}
                </div>
                <div role="gridcell" className="muted">
                  {ex.resourceType ?? (ex.mimeType.split(';')[0] || '—')}
                </div>
                <div role="gridcell">
                  <Findings row={row} />
                </div>
                <div role="gridcell" className="num">
                  {formatSize(ex.size)}
                </div>
                <div role="gridcell" className="num">
                  {formatTime(ex.time)}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
