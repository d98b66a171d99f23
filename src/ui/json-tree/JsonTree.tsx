import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { JsonValue } from '../../core/json/walk';
import './json-tree.css';
import { JsonTreeRow, type CopyHandler } from './JsonTreeRow';
import { copyText } from './stringify';
import { JsonTreeToolbar } from './JsonTreeToolbar';
import {
  expandSubtree,
  flattenTree,
  initialExpansion,
  isContainer,
  resolvePointer,
  rowPointer,
  rowsOf,
  searchJson,
  type SearchResult,
  type TreeRow,
} from './model';

const ROW_HEIGHT = 20;
const TREE_KEYS = 'Arrow keys move; Right and Left open and close; Enter toggles.';
const COPY_KEYS = 'C copies the value, P copies the path.';
const SEARCH_DELAY_MS = 150;

export interface JsonTreeProps {
  value: JsonValue;
  /** JSON Pointer of a member to reveal on mount: its ancestors open, it scrolls into view and is marked. */
  reveal?: string | null;
  /**
   * Members to mark, by JSON Pointer, with what is wrong with each (a schema violation): the
   * row is highlighted, the notes are shown beside it, and its ancestors open on mount.
   */
  marks?: ReadonlyMap<string, readonly string[]> | undefined;
  /**
   * Called by the copy buttons and keys with the text, what it is ("value", "path") and the
   * member's pointer (the panel copies a redacted value by it).
   */
  onCopy?: CopyHandler;
  label?: string;
}

interface SearchState {
  query: string;
  result: SearchResult | null;
  current: number;
}

/**
 * A JSON document as a virtualised tree: only the rows in view are in the DOM, so a 5 MB body
 * with 100,000 members scrolls like a small one; every walk over the document is iterative.
 */
export function JsonTree({ value, reveal = null, marks, onCopy, label = 'JSON body' }: JsonTreeProps) {
  const id = useId();
  const revealed = useMemo(
    () => (reveal === null ? undefined : resolvePointer(value, reveal)),
    [value, reveal],
  );
  const [expanded, setExpanded] = useState<Set<object>>(() => {
    const open = initialExpansion(value);
    if (revealed) {
      for (const a of revealed.ancestors) open.add(a);
      if (isContainer(revealed.value)) open.add(revealed.value);
    }
    // Marked members are few (findings are capped per exchange): open the way to each of them.
    if (marks)
      for (const pointer of marks.keys())
        for (const a of resolvePointer(value, pointer)?.ancestors ?? []) open.add(a);
    return open;
  });
  const [search, setSearch] = useState<SearchState>({ query: '', result: null, current: 0 });
  const [input, setInput] = useState('');
  // null until the user moves: then the revealed member (a finding's target) is the active row.
  const [chosen, setActive] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => flattenTree(value, expanded), [value, expanded]);
  const revealedRow = useMemo(() => (revealed ? rowsOf(rows, [revealed])[0] : undefined), [rows, revealed]);
  const matchRows = useMemo(() => rowsOf(rows, search.result?.matches ?? []), [rows, search.result]);
  const matchSet = useMemo(() => new Set(matchRows), [matchRows]);
  const active = chosen ?? revealedRow ?? 0;
  const currentMatch =
    matchRows.length > 0 ? matchRows[Math.min(search.current, matchRows.length - 1)] : undefined;

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual keeps its own state; this component is simply not auto-memoised.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 16,
    // jsdom and a hidden panel measure 0×0; start with a sensible viewport.
    initialRect: { width: 600, height: 400 },
  });

  useEffect(() => {
    if (revealedRow !== undefined) virtualizer.scrollToIndex(revealedRow, { align: 'center' });
    // Only on mount (and when the member to reveal changes), not on every expand.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reveal]);

  useEffect(() => {
    if (currentMatch !== undefined) virtualizer.scrollToIndex(currentMatch, { align: 'center' });
  }, [currentMatch, virtualizer]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const runSearch = (q: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const trimmed = q.trim();
    const result = trimmed === '' ? null : searchJson(value, trimmed);
    setSearch({ query: q, result, current: 0 });
    if (result && result.matches.length > 0) {
      setExpanded((prev) => {
        const next = new Set(prev);
        for (const m of result.matches) for (const a of m.ancestors) next.add(a);
        return next;
      });
    }
  };

  const onSearchInput = (q: string) => {
    setInput(q);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => runSearch(q), SEARCH_DELAY_MS);
  };

  const step = (delta: number) => {
    if (matchRows.length === 0) return;
    setSearch((s) => ({
      ...s,
      current: (Math.min(s.current, matchRows.length - 1) + delta + matchRows.length) % matchRows.length,
    }));
  };

  const toggle = (row: TreeRow) => {
    if (!isContainer(row.value)) return;
    const v = row.value;
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(v)) next.delete(v);
      else next.add(v);
      return next;
    });
  };

  const expandAll = () => {
    setExpanded((prev) => {
      const next = new Set(prev);
      expandSubtree(value, next);
      return next;
    });
  };

  const collapseAll = () => {
    setExpanded(isContainer(value) ? new Set([value]) : new Set());
    setActive(0);
    virtualizer.scrollToIndex(0);
  };

  const onTreeKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const row = rows[active];
    if (!row) return;
    let next = active;
    if (e.key === 'ArrowDown') next = Math.min(rows.length - 1, active + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, active - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = rows.length - 1;
    else if (e.key === 'PageDown') next = Math.min(rows.length - 1, active + 20);
    else if (e.key === 'PageUp') next = Math.max(0, active - 20);
    else if (e.key === 'ArrowRight') {
      if (row.size > 0 && !row.expanded) toggle(row);
      else if (row.expanded) next = active + 1;
    } else if (e.key === 'ArrowLeft') {
      if (row.expanded) toggle(row);
      else if (row.parent >= 0) next = row.parent;
    } else if (e.key === 'Enter' || e.key === ' ') toggle(row);
    else if (onCopy && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key === 'c' || e.key === 'C')) {
      e.preventDefault();
      onCopy(copyText(row.value), 'value', rowPointer(rows, active));
      return;
    } else if (onCopy && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key === 'p' || e.key === 'P')) {
      e.preventDefault();
      const pointer = rowPointer(rows, active);
      onCopy(pointer, 'path', pointer);
      return;
    } else return;
    e.preventDefault();
    if (next !== active) {
      setActive(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    }
  };

  const rowId = (i: number) => `${id}-row-${i}`;
  const keysId = `${id}-keys`;
  const virtualItems = virtualizer.getVirtualItems();
  const activeIndex = Math.min(active, rows.length - 1);
  // aria-activedescendant may only name an element in the DOM; after a wheel scroll the active row
  // can be outside the virtualised window (the keys scroll it back into view).
  const activeDescendant = virtualItems.some((item) => item.index === activeIndex)
    ? rowId(activeIndex)
    : undefined;

  return (
    <div className="json-tree">
      <JsonTreeToolbar
        input={input}
        onInput={onSearchInput}
        onEnter={(back) => {
          if (input !== search.query) runSearch(input);
          else step(back ? -1 : 1);
        }}
        result={search.result}
        current={search.current}
        matchRows={matchRows.length}
        onStep={step}
        onExpandAll={expandAll}
        onCollapseAll={collapseAll}
      />
      <span id={keysId} className="visually-hidden">
        {onCopy ? `${TREE_KEYS} ${COPY_KEYS}` : TREE_KEYS}
      </span>
      <div
        className="jt-scroll"
        ref={scrollRef}
        role="tree"
        aria-label={label}
        tabIndex={0}
        aria-activedescendant={activeDescendant}
        aria-describedby={keysId}
        onKeyDown={onTreeKey}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualItems.map((item) => {
            const row = rows[item.index]!;
            const pointer = rowPointer(rows, item.index);
            return (
              <JsonTreeRow
                key={item.key}
                row={row}
                id={rowId(item.index)}
                pointer={pointer}
                top={item.start}
                active={item.index === active}
                match={matchSet.has(item.index)}
                current={item.index === currentMatch}
                revealed={item.index === revealedRow}
                notes={marks?.get(pointer)}
                onActivate={() => setActive(item.index)}
                onToggle={() => toggle(row)}
                onCopy={onCopy}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
