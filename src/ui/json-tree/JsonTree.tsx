import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { JsonValue } from '../../core/json/walk';
import { SafeLink, isSafeHref } from '../SafeLink';
import './json-tree.css';
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
import { stringifyJson } from './stringify';

const ROW_HEIGHT = 20;
/** Longest string shown in a row; the full value is one "Copy value" away. */
const MAX_SHOWN = 500;
const SEARCH_DELAY_MS = 150;

export interface JsonTreeProps {
  value: JsonValue;
  /** JSON Pointer of a member to reveal on mount: its ancestors open, it scrolls into view and is marked. */
  reveal?: string | null;
  /** Called by the copy buttons; `what` says what was copied ("value", "path"). */
  onCopy?: (text: string, what: string) => void;
  label?: string;
}

function clip(s: string): string {
  return s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN)}…` : s;
}

function primitiveText(v: JsonValue): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (isContainer(v)) return Array.isArray(v) ? '[…]' : '{…}';
  return String(v);
}

/** A one-line summary of a closed container: its first few members, like DevTools' console previews. */
function preview(v: JsonValue): string {
  if (Array.isArray(v)) {
    const shown = v.slice(0, 5).map(primitiveText);
    return `[${shown.join(', ')}${v.length > 5 ? ', …' : ''}]`;
  }
  if (!isContainer(v)) return '';
  const parts: string[] = [];
  let n = 0;
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    if (n++ >= 4) {
      parts.push('…');
      break;
    }
    parts.push(`${k.length > 30 ? `${k.slice(0, 30)}…` : k}: ${primitiveText(v[k] as JsonValue)}`);
  }
  return `{${parts.join(', ')}}`;
}

function Value({ row }: { row: TreeRow }) {
  const v = row.value;
  if (typeof v === 'string') {
    // Only http(s) strings become links (SafeLink); javascript:, data: and the rest stay text.
    const shown = clip(v);
    return (
      <span className="jt-string">"{isSafeHref(v) ? <SafeLink href={v}>{shown}</SafeLink> : shown}"</span>
    );
  }
  if (typeof v === 'number') return <span className="jt-number">{String(v)}</span>;
  if (typeof v === 'boolean') return <span className="jt-boolean">{String(v)}</span>;
  if (v === null) return <span className="jt-null">null</span>;
  const isArray = Array.isArray(v);
  const count = isArray
    ? `${row.size} ${row.size === 1 ? 'item' : 'items'}`
    : `${row.size} ${row.size === 1 ? 'key' : 'keys'}`;
  if (row.expanded || row.size === 0) {
    return (
      <span className="jt-meta">
        {isArray ? (row.size === 0 ? '[]' : 'Array') : row.size === 0 ? '{}' : 'Object'}{' '}
        <span className="muted">({count})</span>
      </span>
    );
  }
  return (
    <span className="jt-meta">
      <span className="jt-preview">{clip(preview(v))}</span> <span className="muted">({count})</span>
    </span>
  );
}

function copyText(v: JsonValue): string {
  return typeof v === 'string' ? v : stringifyJson(v, 2);
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
export function JsonTree({ value, reveal = null, onCopy, label = 'JSON body' }: JsonTreeProps) {
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
    return open;
  });
  const [search, setSearch] = useState<SearchState>({ query: '', result: null, current: 0 });
  const [input, setInput] = useState('');
  const [active, setActive] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => flattenTree(value, expanded), [value, expanded]);
  const revealedRow = useMemo(() => (revealed ? rowsOf(rows, [revealed])[0] : undefined), [rows, revealed]);
  const matchRows = useMemo(() => rowsOf(rows, search.result?.matches ?? []), [rows, search.result]);
  const matchSet = useMemo(() => new Set(matchRows), [matchRows]);
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
    else return;
    e.preventDefault();
    if (next !== active) {
      setActive(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    }
  };

  const matchCount = search.result?.matches.length ?? 0;
  const rowId = (i: number) => `${id}-row-${i}`;

  return (
    <div className="json-tree">
      <div className="jt-toolbar">
        <input
          type="search"
          className="jt-search"
          aria-label="Search keys and values"
          placeholder="Search keys and values"
          value={input}
          spellCheck={false}
          onChange={(e) => onSearchInput(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            if (input !== search.query) runSearch(input);
            else step(e.shiftKey ? -1 : 1);
          }}
        />
        {search.result && (
          <span className="jt-count" role="status">
            {matchCount === 0
              ? 'No matches'
              : `${Math.min(search.current, Math.max(0, matchRows.length - 1)) + 1} of ${matchCount}${search.result.truncated ? '+' : ''} matches`}
          </span>
        )}
        <button
          type="button"
          onClick={() => step(-1)}
          disabled={matchRows.length === 0}
          aria-label="Previous match"
        >
          ↑
        </button>
        <button
          type="button"
          onClick={() => step(1)}
          disabled={matchRows.length === 0}
          aria-label="Next match"
        >
          ↓
        </button>
        <span className="jt-spacer" />
        <button type="button" onClick={expandAll} title="Open every member (up to 5,000 containers)">
          Expand all
        </button>
        <button type="button" onClick={collapseAll}>
          Collapse all
        </button>
      </div>
      <div
        className="jt-scroll"
        ref={scrollRef}
        role="tree"
        aria-label={label}
        tabIndex={0}
        aria-activedescendant={rows.length > 0 ? rowId(Math.min(active, rows.length - 1)) : undefined}
        onKeyDown={onTreeKey}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const pointer = rowPointer(rows, item.index);
            const classes = ['jt-row'];
            if (item.index === active) classes.push('jt-active');
            if (matchSet.has(item.index)) classes.push('jt-match');
            if (item.index === currentMatch) classes.push('jt-current');
            if (item.index === revealedRow) classes.push('jt-revealed');
            return (
              <div
                key={item.key}
                id={rowId(item.index)}
                role="treeitem"
                aria-level={row.depth + 1}
                aria-expanded={row.size > 0 ? row.expanded : undefined}
                aria-selected={item.index === active}
                aria-current={item.index === revealedRow ? 'location' : undefined}
                data-pointer={pointer}
                title={pointer === '' ? '(whole document)' : pointer}
                className={classes.join(' ')}
                style={{
                  transform: `translateY(${item.start}px)`,
                  paddingLeft: 4 + Math.min(row.depth, 40) * 14,
                }}
                onClick={() => setActive(item.index)}
              >
                {row.size > 0 ? (
                  <button
                    type="button"
                    className="jt-toggle"
                    tabIndex={-1}
                    aria-label={row.expanded ? 'Collapse' : 'Expand'}
                    onClick={() => toggle(row)}
                  >
                    {row.expanded ? '▾' : '▸'}
                  </button>
                ) : (
                  <span className="jt-toggle-space" />
                )}
                {row.depth > 40 && <span className="jt-depth muted">{row.depth}·</span>}
                {row.key !== null && (
                  <>
                    <span className={typeof row.key === 'number' ? 'jt-index' : 'jt-key'}>
                      {clip(String(row.key))}
                    </span>
                    <span className="jt-colon">: </span>
                  </>
                )}
                <Value row={row} />
                {onCopy && (
                  <span className="jt-actions">
                    <button type="button" tabIndex={-1} onClick={() => onCopy(copyText(row.value), 'value')}>
                      Copy value
                    </button>
                    <button type="button" tabIndex={-1} onClick={() => onCopy(pointer, 'path')}>
                      Copy path
                    </button>
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
