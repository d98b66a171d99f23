import { FAMILIES, type StatusFamily } from '../core/exchange/family';
import { matchesQuery, parseQuery, type MatchContext, type ParsedQuery } from '../core/filter/query';
import { searchKey } from '../core/filter/search-terms';
import { SEVERITY_RANK } from '../core/rules/types';
import { readablePathAndQuery } from '../core/text/readable-path';
import type { Filter, PanelState, Row, SortColumn } from './panel-store';

/**
 * What the Name column shows: the last path segment and the query (`42?fields=name`), as
 * DevTools' Network panel does, so the part that differs between calls is what fits in a narrow
 * column; the full URL is the cell's tooltip. A path ending in `/` keeps its last segment and the
 * slash; the root is `/`.
 */
export function nameOf(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  const path = u.pathname;
  const cut = path.endsWith('/') ? path.lastIndexOf('/', path.length - 2) : path.lastIndexOf('/');
  const last = path.length <= 1 ? path : path.slice(cut + 1);
  return (last || '/') + u.search;
}

/** What stands for the URL of an entry that has none: one label, core's (the JUnit report uses it too). */
export { NO_URL } from '../core/exchange/url';

/**
 * The Name column's text: nameOf read decoded (`Another Test?q=café`), each escape that would read
 * otherwise kept (core/text/readable-path.ts). Sorted by too, as shown; the tooltip and a copy keep
 * the URL as recorded, and the search matches either form.
 */
export const rowName = (row: Row) => readablePathAndQuery(nameOf(row.exchange.url));
export const rowHost = (row: Row) => row.facts.host;

function worstRank(row: Row): number {
  const f = row.analysis?.findings ?? [];
  return f.length === 0 ? 0 : SEVERITY_RANK[f[0]!.severity] * 100_000 + f.length;
}

const SORT_KEYS: Record<Exclude<SortColumn, 'seq'>, (r: Row) => number | string> = {
  started: (r) => r.start,
  status: (r) => r.exchange.status,
  method: (r) => r.exchange.method,
  name: rowName,
  host: rowHost,
  type: (r) => r.exchange.resourceType ?? r.exchange.mimeType,
  findings: worstRank,
  size: (r) => r.exchange.size,
  time: (r) => r.exchange.time,
};

/** Rows that pass the toggles and search (not the family chips): what the chips count. */
function passesAllButFamily(row: Row, filter: Filter, query: ParsedQuery, ctx: MatchContext): boolean {
  const facts = row.facts;
  if (filter.apiOnly && !facts.api) return false;
  const findings = row.analysis?.findings ?? [];
  if (filter.findingsOnly && findings.length === 0) return false;
  return matchesQuery(
    query,
    { exchange: row.exchange, findings, facts, imported: row.imported, contract: row.analysis?.contract },
    ctx,
  );
}

function emptyCounts(): Record<StatusFamily, number> {
  return Object.fromEntries(FAMILIES.map((f) => [f, 0])) as Record<StatusFamily, number>;
}

/**
 * One pass over `rows`: those that pass the chips, toggles and search (in the order given),
 * and per family the rows that pass everything but the chips, added to `counts`.
 */
function filterAndCount(
  rows: readonly Row[],
  filter: Filter,
  query: ParsedQuery,
  ctx: MatchContext,
  counts: Record<StatusFamily, number>,
): Row[] {
  const fams = filter.families.length > 0 ? new Set<StatusFamily>(filter.families) : null;
  const out: Row[] = [];
  for (const row of rows) {
    if (!passesAllButFamily(row, filter, query, ctx)) continue;
    counts[row.facts.family]++;
    if (!fams || fams.has(row.facts.family)) out.push(row);
  }
  return out;
}

/** Rows that pass the chips, toggles and search, before sorting. */
export function filterRows(
  rows: readonly Row[],
  filter: Filter,
  query: ParsedQuery,
  ctx: MatchContext = {},
): Row[] {
  return filterAndCount(rows, filter, query, ctx, emptyCounts());
}

export function sortRows(rows: Row[], column: SortColumn, descending: boolean): Row[] {
  if (column === 'seq') return descending ? rows.slice().reverse() : rows;
  const key = SORT_KEYS[column];
  const dir = descending ? -1 : 1;
  return rows
    .map((r, i) => ({ r, i, k: key(r) }))
    .sort((a, b) => (a.k < b.k ? -dir : a.k > b.k ? dir : a.i - b.i))
    .map((x) => x.r);
}

/**
 * What the filters let through in request order, whatever the list is sorted by: exports and
 * reports read as the traffic happened. The shared visible list when it is in that order already.
 */
export function selectVisibleInRequestOrder(s: PanelState): Row[] {
  const visible = selectVisibleRows(s);
  if (s.sort.column === 'seq' && !s.sort.descending) return visible;
  const keep = new Set(visible);
  return s.rows.filter((r) => keep.has(r));
}

/** How a visible list was made from an earlier one: rows appended at its end, then `dropped` taken off its front. */
export interface Extension {
  from: Row[];
  dropped: number;
}

/** Visible lists made from an earlier visible list by appending (and dropping from the front): list → how. */
const extensions = new WeakMap<Row[], Extension>();

/**
 * How the visible list `rows` was made from an earlier one, if it was only extended at its end
 * and trimmed at its front (the retention cap): lets whoever follows the visible rows (the
 * Endpoints grouping) pass on only the new ones.
 */
export function extendedFrom(rows: Row[]): Extension | undefined {
  return extensions.get(rows);
}

interface Visible {
  rows: Row[];
  /** Per family, the rows every other filter lets through: the chips' counts follow the search. */
  counts: Record<StatusFamily, number>;
}

const NOTHING_YET: ReadonlySet<string> = new Set();

/**
 * The worker's answer to the query's `body:` and `/regex/` terms: none before it answers (or
 * when its answer is to other terms, typed a moment ago), so those rows wait rather than flash.
 */
function searchedRows(s: PanelState, key: string): ReadonlySet<string> | undefined {
  if (key === '') return undefined;
  return s.search?.key === key ? s.search.matches : NOTHING_YET;
}

/**
 * The visible list and the chips' counts, memoised on their inputs: zustand selectors run on
 * every store change, and recomputing a 50,000-row filter for an unrelated change (a selection)
 * would be wasted work. While rows are only appended, only the new rows are filtered.
 */
function createVisibleSelector() {
  let lastRows: Row[] | null = null;
  let lastFilter: Filter | null = null;
  let lastSort: PanelState['sort'] | null = null;
  /** Only the matches matter: a progress report alone does not refilter 50,000 rows. */
  let lastSearched: ReadonlySet<string> | undefined;
  let lastQuery = '';
  let parsed: ParsedQuery = parseQuery('');
  let parsedKey = '';
  let result: Visible = { rows: [], counts: emptyCounts() };
  return (s: PanelState): Visible => {
    if (s.filter.query !== lastQuery || lastFilter === null) {
      parsed = parseQuery(s.filter.query);
      parsedKey = searchKey(parsed.search);
      lastQuery = s.filter.query;
    }
    const searched = searchedRows(s, parsedKey);
    if (s.rows === lastRows && s.filter === lastFilter && s.sort === lastSort && searched === lastSearched)
      return result;
    const ctx: MatchContext = { searched };
    const appendOnly =
      lastRows !== null &&
      s.rowsAppendedTo === lastRows &&
      s.filter === lastFilter &&
      s.sort === lastSort &&
      searched === lastSearched &&
      s.sort.column === 'seq' &&
      !s.sort.descending;
    if (appendOnly) {
      // Capture and import only append, and at the retention cap drop the oldest: filter the
      // new rows and forget the dropped ones, not all 20,000 again per arriving batch.
      const previous = lastRows!;
      const drop = s.rowsDroppedFromFront;
      const before = result.rows;
      const counts = { ...result.counts };
      let trimmed = 0;
      if (drop > 0) {
        const gone = previous.slice(0, drop);
        for (const row of gone) {
          if (passesAllButFamily(row, s.filter, parsed, ctx)) counts[row.facts.family]--;
        }
        // The visible list is in the rows' order, so the dropped rows it holds are its first ones.
        const goneSet = new Set(gone);
        while (trimmed < before.length && goneSet.has(before[trimmed]!)) trimmed++;
      }
      const fresh = s.rows.slice(Math.max(0, previous.length - drop));
      const rows = (trimmed > 0 ? before.slice(trimmed) : before).concat(
        filterAndCount(fresh, s.filter, parsed, ctx, counts),
      );
      extensions.set(rows, { from: before, dropped: trimmed });
      result = { rows, counts };
      lastRows = s.rows;
      return result;
    }
    lastRows = s.rows;
    lastFilter = s.filter;
    lastSort = s.sort;
    lastSearched = searched;
    const counts = emptyCounts();
    const rows = sortRows(
      filterAndCount(s.rows, s.filter, parsed, ctx, counts),
      s.sort.column,
      s.sort.descending,
    );
    result = { rows, counts };
    return result;
  };
}

/**
 * How many rows `filter` would let through, with the worker's answer to the search as it
 * stands: what the filtered-out note weighs each filter by (turned off, would it show any?).
 */
export function countThrough(s: PanelState, filter: Filter): number {
  const parsed = parseQuery(filter.query);
  return filterRows(s.rows, filter, parsed, { searched: searchedRows(s, searchKey(parsed.search)) }).length;
}

/**
 * Whether `filter` lets `row` through (chips included), with the worker's answer to the search
 * as it stands: what the hidden-selection notes weigh API only and the rest of the filter by.
 */
export function passesFilter(s: PanelState, row: Row, filter: Filter): boolean {
  const parsed = parseQuery(filter.query);
  return (
    filterRows([row], filter, parsed, { searched: searchedRows(s, searchKey(parsed.search)) }).length > 0
  );
}

/** The visible list alone (a selector of its own, for tests that compare fresh and incremental). */
export function createVisibleRowsSelector() {
  const select = createVisibleSelector();
  return (s: PanelState): Row[] => select(s).rows;
}

const selectVisible = createVisibleSelector();

/**
 * The one shared instance: the list, the status bar, the Endpoints view and the export menu all
 * read the visible rows, and must not filter 50,000 rows once each per change.
 */
export const selectVisibleRows = (s: PanelState): Row[] => selectVisible(s).rows;

/** The chips' counts: per family, the rows the toggles and search let through. */
export const selectFamilyCounts = (s: PanelState): Record<StatusFamily, number> => selectVisible(s).counts;
