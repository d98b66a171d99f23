import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { statusFamily } from '../../core/exchange/family';
import { selectVisibleRows } from '../../state/panel-selectors';
import { listNumberAt, requestIndex } from '../../state/panel/row-order';
import { Cell } from './request-cells';
import { copyRecordedPaths } from './copy-recorded-paths';
import { listColumns, selectServerStatusShown } from './list-columns';
import { usePanel } from './panel-context';
import { useWidth } from './use-width';
import { useRowResend } from './resend/row-resend';
import { isShortcut } from './shortcut-keys';

const ROW_HEIGHT = 22;

/**
 * A stable DOM id for a row, for aria-activedescendant. Exchange ids come from DevTools or an
 * imported HAR, so anything but letters, digits and '-' is escaped as _<hex>_ (one-to-one).
 */
function rowDomId(exchangeId: string): string {
  return `request-row-${exchangeId.replace(/[^A-Za-z0-9-]/gu, (c) => `_${c.codePointAt(0)!.toString(16)}_`)}`;
}

/** Moves the keyboard to the request list (its selected row is the grid's active descendant). */
export function focusRequestList(): void {
  document.querySelector<HTMLElement>('.request-list[role="grid"]')?.focus();
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
  const serverStatus = usePanel(selectServerStatusShown);
  const { columns, template } = listColumns(width, { serverStatus, lastNumber: dropped + allRows.length });
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
    if (isShortcut('open', e) && selectedId !== null) {
      onOpen(selectedId);
      e.preventDefault();
      return;
    }
    if (isShortcut('deselect', e)) {
      select(null);
      // Handled here, not forwarded: DevTools would open or close its Console drawer on it.
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    if (!isShortcut('move', e)) return;
    let next = selectedIndex;
    if (e.key === 'ArrowDown') next = Math.min(rows.length - 1, selectedIndex + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, selectedIndex < 0 ? 0 : selectedIndex - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = rows.length - 1;
    else if (e.key === 'PageDown') next = Math.min(rows.length - 1, selectedIndex + 20);
    else next = Math.max(0, selectedIndex - 20);
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
      // Names read decoded; a copy of rows gives them as recorded.
      onCopy={copyRecordedPaths}
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
                    number={listNumberAt(dropped, requestIndex(allRows, row))}
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
