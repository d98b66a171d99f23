import { FAMILIES, statusFamily, type StatusFamily } from '../core/exchange/family';
import { isApiCall, matchesQuery, parseQuery, type ParsedQuery } from '../core/filter/query';
import { SEVERITY_RANK } from '../core/rules/types';
import type { Filter, PanelState, Row, SortColumn } from './panel-store';

function nameOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

export const rowName = (row: Row) => nameOf(row.exchange.url);
export const rowHost = (row: Row) => hostOf(row.exchange.url);

function worstRank(row: Row): number {
  const f = row.analysis?.findings ?? [];
  return f.length === 0 ? 0 : SEVERITY_RANK[f[0]!.severity] * 100_000 + f.length;
}

const SORT_KEYS: Record<SortColumn, (r: Row) => number | string> = {
  seq: (r) => r.seq,
  status: (r) => r.exchange.status,
  method: (r) => r.exchange.method,
  name: rowName,
  host: rowHost,
  type: (r) => r.exchange.resourceType ?? r.exchange.mimeType,
  findings: worstRank,
  size: (r) => r.exchange.size,
  time: (r) => r.exchange.time,
};

/** Rows that pass the chips, toggles and search, before sorting. */
export function filterRows(rows: readonly Row[], filter: Filter, query: ParsedQuery): Row[] {
  const fams = filter.families.length > 0 ? new Set<StatusFamily>(filter.families) : null;
  return rows.filter((row) => {
    const ex = row.exchange;
    if (filter.apiOnly && !isApiCall(ex)) return false;
    const findings = row.analysis?.findings ?? [];
    if (filter.findingsOnly && findings.length === 0) return false;
    if (fams && !fams.has(statusFamily(ex.status))) return false;
    return matchesQuery(query, { exchange: ex, findings });
  });
}

export function sortRows(rows: Row[], column: SortColumn, descending: boolean): Row[] {
  if (column === 'seq' && !descending) return rows;
  const key = SORT_KEYS[column];
  const dir = descending ? -1 : 1;
  return rows
    .map((r) => ({ r, k: key(r) }))
    .sort((a, b) => (a.k < b.k ? -dir : a.k > b.k ? dir : a.r.seq - b.r.seq))
    .map((x) => x.r);
}

/**
 * The visible list, memoised on its inputs: zustand selectors run on every store change, and
 * recomputing a 50,000-row filter for an unrelated change (a selection) would be wasted work.
 */
export function createVisibleRowsSelector() {
  let lastRows: readonly Row[] | null = null;
  let lastFilter: Filter | null = null;
  let lastSort: PanelState['sort'] | null = null;
  let lastQuery = '';
  let parsed: ParsedQuery = parseQuery('');
  let result: Row[] = [];
  return (s: PanelState): Row[] => {
    if (s.rows === lastRows && s.filter === lastFilter && s.sort === lastSort) return result;
    if (s.filter.query !== lastQuery || lastFilter === null) {
      parsed = parseQuery(s.filter.query);
      lastQuery = s.filter.query;
    }
    lastRows = s.rows;
    lastFilter = s.filter;
    lastSort = s.sort;
    result = sortRows(filterRows(s.rows, s.filter, parsed), s.sort.column, s.sort.descending);
    return result;
  };
}

/** Live counts for the family chips, over rows that pass every filter but the chips themselves. */
export function familyCounts(rows: readonly Row[], apiOnly: boolean): Record<StatusFamily, number> {
  const counts = Object.fromEntries(FAMILIES.map((f) => [f, 0])) as Record<StatusFamily, number>;
  for (const r of rows) if (!apiOnly || isApiCall(r.exchange)) counts[statusFamily(r.exchange.status)]++;
  return counts;
}
