import type { Exchange } from '../../core/exchange/types';
import { compileSearch, type Searchable, type SearchTerm } from '../../core/filter/search-terms';
import { isObjectOrArray } from '../../core/json/walk';

/**
 * The search box's `body:` and `/regex/` terms, answered where the analysis runs (the worker),
 * never on the panel's thread: 50,000 captured bodies are megabytes of text, and a regex over
 * tens of thousands of URLs is tens of milliseconds (search-terms.ts).
 *
 * Every analysed row is kept here by id: its URL, and its text body lower-cased (the one copy the
 * search reads, so a search does not lower-case megabytes again). A search walks them in slices,
 * telling the panel how far it got and which rows passed so far; a newer search (the user typed
 * on) stops the older one between slices. While a search is current, rows that arrive afterwards
 * are tested as they come, so new rows that pass join the list.
 */

export interface SearchUpdate {
  searchId: number;
  /** Rows that pass every term, found since the previous update of this search. */
  matches: string[];
  scanned: number;
  total: number;
  /** How many of the rows held have a text body (what a `body:` term can find). */
  bodies: number;
  /** The walk over what was there when the search started is over. */
  done: boolean;
}

export type SearchToWorker = { type: 'search'; searchId: number; terms: SearchTerm[] | null };
export type SearchFromWorker = { type: 'search'; update: SearchUpdate };

function isSearchTerm(v: unknown): v is SearchTerm {
  if (!isObjectOrArray(v) || typeof v.negate !== 'boolean') return false;
  if (v.kind === 'body') return typeof v.text === 'string';
  return v.kind === 'regex' && typeof v.source === 'string' && typeof v.flags === 'string';
}

export function isSearchToWorker(v: unknown): v is SearchToWorker {
  return (
    isObjectOrArray(v) &&
    v.type === 'search' &&
    typeof v.searchId === 'number' &&
    (v.terms === null || (Array.isArray(v.terms) && v.terms.every(isSearchTerm)))
  );
}

export function isSearchFromWorker(v: unknown): v is SearchFromWorker {
  if (!isObjectOrArray(v) || v.type !== 'search' || !isObjectOrArray(v.update)) return false;
  const u = v.update;
  return (
    typeof u.searchId === 'number' &&
    Array.isArray(u.matches) &&
    u.matches.every((m) => typeof m === 'string') &&
    typeof u.scanned === 'number' &&
    typeof u.total === 'number' &&
    typeof u.bodies === 'number' &&
    typeof u.done === 'boolean'
  );
}

/** How long one slice of a search runs before it reports and yields. */
export const SEARCH_SLICE_MS = 25;

interface Current {
  searchId: number;
  test: (row: Searchable) => boolean;
  scanned: number;
  total: number;
  done: boolean;
}

export function createSearchIndex(
  post: (update: SearchUpdate) => void,
  sliceMs = SEARCH_SLICE_MS,
  /** How to wait between slices (a macrotask, so a newer search message gets in). */
  yieldTo: (next: () => void) => void = (next) => setTimeout(next, 0),
) {
  const rows = new Map<string, Searchable>();
  let bodies = 0;
  let current: Current | null = null;
  /** Rows recorded after the current search started that pass it, not yet posted. */
  let late: string[] = [];
  let lateScheduled = false;

  const flushLate = () => {
    lateScheduled = false;
    if (!current || late.length === 0) return;
    const { searchId, scanned, total, done } = current;
    post({ searchId, matches: late, scanned, total, bodies, done });
    late = [];
  };

  function run(search: Current) {
    // The rows there now; those recorded later are tested by record().
    const ids = [...rows.keys()];
    search.total = ids.length;
    let i = 0;
    const slice = () => {
      if (current !== search) return;
      const started = performance.now();
      const matches: string[] = [];
      while (i < ids.length) {
        const row = rows.get(ids[i]!);
        if (row !== undefined && search.test(row)) matches.push(ids[i]!);
        i++;
        if ((i & 63) === 0 && performance.now() - started > sliceMs) break;
      }
      const done = i >= ids.length;
      search.scanned = i;
      search.done = done;
      post({ searchId: search.searchId, matches, scanned: i, total: ids.length, bodies, done });
      if (!done) yieldTo(slice);
    };
    slice();
  }

  const drop = (id: string) => {
    const row = rows.get(id);
    if (row?.body !== undefined) bodies--;
    rows.delete(id);
  };

  return {
    /** Keep an analysed exchange's URL and text body for searching. */
    record(ex: Exchange) {
      drop(ex.id);
      const row: Searchable =
        ex.body.kind === 'text' ? { url: ex.url, body: ex.body.text.toLowerCase() } : { url: ex.url };
      if (row.body !== undefined) bodies++;
      rows.set(ex.id, row);
      if (current && current.test(row)) {
        late.push(ex.id);
        if (!lateScheduled) {
          lateScheduled = true;
          yieldTo(flushLate);
        }
      }
    },
    forget(ids: readonly string[]) {
      for (const id of ids) drop(id);
    },
    clear() {
      rows.clear();
      bodies = 0;
      late = [];
    },
    /** Start a search, or stop searching (null or no terms). */
    search(searchId: number, terms: readonly SearchTerm[] | null) {
      late = [];
      current =
        terms === null || terms.length === 0
          ? null
          : { searchId, test: compileSearch(terms), scanned: 0, total: 0, done: false };
      if (current) run(current);
    },
    get size() {
      return rows.size;
    },
  };
}

export type SearchIndex = ReturnType<typeof createSearchIndex>;
