import type { Exchange } from '../../core/exchange/types';

/**
 * The search box's `body:` term, answered where the analysis runs (the worker), never on the
 * panel's thread: 50,000 captured bodies are megabytes of text.
 *
 * Every text body the analysis sees is kept here lower-cased (the one copy the search reads,
 * so a search does not lower-case megabytes again). A search walks them in slices, telling the
 * panel how far it got and which rows matched so far; a newer search (the user typed on) stops
 * the older one between slices. While a search is current, bodies that arrive afterwards are
 * tested as they come, so new rows that match join the list.
 */

export interface BodySearchUpdate {
  searchId: number;
  /** Rows whose body holds the text, found since the previous update of this search. */
  matches: string[];
  scanned: number;
  total: number;
  /** The walk over what was there when the search started is over. */
  done: boolean;
}

export type BodySearchToWorker = { type: 'body-search'; searchId: number; needle: string | null };
export type BodySearchFromWorker = { type: 'body-search'; update: BodySearchUpdate };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function isBodySearchToWorker(v: unknown): v is BodySearchToWorker {
  return (
    isObj(v) &&
    v.type === 'body-search' &&
    typeof v.searchId === 'number' &&
    (v.needle === null || typeof v.needle === 'string')
  );
}

export function isBodySearchFromWorker(v: unknown): v is BodySearchFromWorker {
  if (!isObj(v) || v.type !== 'body-search' || !isObj(v.update)) return false;
  const u = v.update;
  return (
    typeof u.searchId === 'number' &&
    Array.isArray(u.matches) &&
    u.matches.every((m) => typeof m === 'string') &&
    typeof u.scanned === 'number' &&
    typeof u.total === 'number' &&
    typeof u.done === 'boolean'
  );
}

/** How long one slice of a search runs before it reports and yields. */
export const BODY_SEARCH_SLICE_MS = 25;

export function createBodyIndex(
  post: (update: BodySearchUpdate) => void,
  sliceMs = BODY_SEARCH_SLICE_MS,
  /** How to wait between slices (a macrotask, so a newer search message gets in). */
  yieldTo: (next: () => void) => void = (next) => setTimeout(next, 0),
) {
  const bodies = new Map<string, string>();
  let current: { searchId: number; needle: string; scanned: number; total: number; done: boolean } | null =
    null;
  /** Matches among bodies recorded after the current search started, not yet posted. */
  let late: string[] = [];
  let lateScheduled = false;

  const flushLate = () => {
    lateScheduled = false;
    if (!current || late.length === 0) return;
    const { searchId, scanned, total, done } = current;
    post({ searchId, matches: late, scanned, total, done });
    late = [];
  };

  function run(search: NonNullable<typeof current>) {
    const { searchId, needle } = search;
    // The bodies there now; those recorded later are tested by record().
    const ids = [...bodies.keys()];
    search.total = ids.length;
    let i = 0;
    const slice = () => {
      if (current !== search) return;
      const started = performance.now();
      const matches: string[] = [];
      while (i < ids.length) {
        const text = bodies.get(ids[i]!);
        if (text !== undefined && text.includes(needle)) matches.push(ids[i]!);
        i++;
        if ((i & 63) === 0 && performance.now() - started > sliceMs) break;
      }
      const done = i >= ids.length;
      search.scanned = i;
      search.done = done;
      post({ searchId, matches, scanned: i, total: ids.length, done });
      if (!done) yieldTo(slice);
    };
    slice();
  }

  return {
    /** Keep an analysed exchange's body (text only) for searching. */
    record(ex: Exchange) {
      if (ex.body.kind !== 'text') return;
      const text = ex.body.text.toLowerCase();
      bodies.set(ex.id, text);
      if (current && text.includes(current.needle)) {
        late.push(ex.id);
        if (!lateScheduled) {
          lateScheduled = true;
          yieldTo(flushLate);
        }
      }
    },
    forget(ids: readonly string[]) {
      for (const id of ids) bodies.delete(id);
    },
    clear() {
      bodies.clear();
      late = [];
    },
    /** Start a search (lower-cased needle), or stop searching (null). */
    search(searchId: number, needle: string | null) {
      late = [];
      current = needle === null ? null : { searchId, needle, scanned: 0, total: 0, done: false };
      if (current) run(current);
    },
    get size() {
      return bodies.size;
    },
  };
}

export type BodyIndex = ReturnType<typeof createBodyIndex>;
