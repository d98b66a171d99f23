import { startMs } from '../core/exchange/start';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { StatusFamily } from '../core/exchange/family';
import type { Exchange } from '../core/exchange/types';
import { exchangeFacts, type ExchangeFacts } from '../core/filter/query';
import type { Analysis } from '../core/rules/types';
import { defaultSettings, type Settings } from '../core/settings/schema';
import type { ContractsStatus } from '../core/contract/load';

export interface Row {
  exchange: Exchange;
  /** Derived once on arrival, so filtering 50,000 rows per keystroke stays cheap. */
  facts: ExchangeFacts;
  /** Arrival order, stable across drops: breaks ties between rows that started at the same time. */
  seq: number;
  /**
   * When the request started (ms since the epoch), the list's order: a 204 whose empty body
   * arrives first does not jump ahead of an earlier call still streaming its body. A request
   * whose source gave no start time takes the latest start seen so far (it stays where it arrived).
   */
  start: number;
  analysis?: Analysis;
  /** Why the body was not analysed, when it was not (too large, binary, evicted). */
  bodyNote?: string;
  /** Read from a HAR file, not captured from the inspected tab: left out of the tab's summary. */
  imported?: boolean;
}

/** `seq` is request order (start time, then arrival): the list's own order, and the `#` column. */
export type SortColumn =
  'seq' | 'started' | 'status' | 'method' | 'name' | 'host' | 'type' | 'findings' | 'size' | 'time';
export type PanelView = 'requests' | 'endpoints' | 'codes';
export type DetailTab = 'overview' | 'headers' | 'body' | 'request' | 'timing';

export interface Filter {
  /** Empty: every family. */
  families: StatusFamily[];
  query: string;
  apiOnly: boolean;
  findingsOnly: boolean;
}

/** The worker's answer so far to the search box's `body:` and `/regex/` terms (search-terms.ts). */
export interface WorkerSearch {
  /** searchKey of the terms answered: the list ignores an answer to other terms. */
  key: string;
  /** A `body:` term is among them (the status then counts bodies). */
  readsBodies: boolean;
  /** Rows that pass every such term. A new Set whenever it grows (the list refilters on that alone). */
  matches: ReadonlySet<string>;
  scanned: number;
  total: number;
  /** Rows with a text body among those held. */
  bodies: number;
  done: boolean;
}

export interface PanelState {
  /** In request order (rowBefore); see insertInOrder. */
  rows: Row[];
  /**
   * When `rows` is the previous rows array plus rows appended at its end, then its first
   * `rowsDroppedFromFront` rows dropped (the retention cap), that previous array: lets selectors
   * work on the new and dropped rows only, not on all 20,000 per arriving batch.
   */
  rowsAppendedTo: Row[] | null;
  /** With `rowsAppendedTo`: how many rows the retention cap took off the front of previous + appended. */
  rowsDroppedFromFront: number;
  dropped: number;
  selectedId: string | null;
  recording: boolean;
  preserveLog: boolean;
  /**
   * "Compare with HAR…" matches endpoints by method and route template alone, as
   * `status-lens diff --ignore-host`. Kept while the panel is open, like the toolbar's toggles.
   */
  compareIgnoreHost: boolean;
  filter: Filter;
  sort: { column: SortColumn; descending: boolean };
  view: PanelView;
  detailTab: DetailTab;
  /** JSON Pointer the Body tab should reveal (set when a finding is clicked). */
  focusPointer: string | null;
  settings: Settings;
  /** Import problems and other notices for the status bar. */
  notice: string | null;
  /** The loaded OpenAPI descriptions (outlines and load problems), or null when none is loaded. */
  contracts: ContractsStatus | null;
  /** Stored OpenAPI descriptions switched off on the options page: kept there, not checked against. */
  contractsOff: string[];
  /** The Codes view's search text (a code or words). */
  codesQuery: string;
  /** The worker's answer to the query's `body:` and `/regex/` terms; null when it has none. */
  search: WorkerSearch | null;
  /**
   * Bumped by every clear (the Clear button, a navigation without Preserve log). Work started
   * under an older generation (a body fetch, an import) belongs to a list that is gone.
   */
  generation: number;
  /**
   * Catalogue entries (a status code, a net::ERR_ name) the user has already read in the
   * Overview: from then on the entry starts collapsed under "About …", so the response's own
   * facts lead. Kept across clears: it is what the user knows, not what the list holds.
   */
  seenCodes: Readonly<Record<string, true>>;
  markCodeSeen(code: string): void;

  addRows(rows: Omit<Row, 'seq' | 'facts' | 'start'>[]): void;
  /**
   * A fuller record of rows already listed (DevTools completed a failed request's answer after
   * handing it over: late-answers.ts): each keeps its place, and its analysis until the new one
   * arrives. Rows that are gone are ignored.
   */
  updateExchanges(updated: { exchange: Exchange; bodyNote?: string }[]): void;
  /** Results whose rows are gone (cleared, dropped) are ignored; none left, no update at all. */
  applyAnalyses(results: { id: string; analysis: Analysis }[]): void;
  clearAnalyses(): void;
  clear(): void;
  select(id: string | null): void;
  setFilter(patch: Partial<Filter>): void;
  toggleFamily(family: StatusFamily): void;
  /** A header click: first direction, the other one, then back to request order. */
  setSort(column: SortColumn): void;
  setRecording(on: boolean): void;
  setPreserveLog(on: boolean): void;
  setCompareIgnoreHost(on: boolean): void;
  setView(view: PanelView): void;
  setDetailTab(tab: DetailTab, focusPointer?: string | null): void;
  setSettings(settings: Settings): void;
  setNotice(notice: string | null): void;
  setContracts(contracts: ContractsStatus | null): void;
  setContractsOff(names: string[]): void;
  /** Opens the Codes view on one status code or net::ERR_ name. */
  showCode(code: string): void;
  setCodesQuery(query: string): void;
  setSearch(search: WorkerSearch | null): void;
}

export type PanelStore = StoreApi<PanelState>;

/** Request order: start time, then arrival. */
export function rowBefore(a: Row, b: Row): boolean {
  return a.start < b.start || (a.start === b.start && a.seq < b.seq);
}

/**
 * `rows` (in request order) with `added` (in arrival order) merged in. Almost every batch starts
 * after the last row, so it is appended; a batch holding an earlier request (a slow body, a HAR
 * of earlier traffic) is merged in one linear pass.
 */
export function insertInOrder(rows: readonly Row[], added: Row[]): { rows: Row[]; appended: boolean } {
  const sorted = added.slice().sort((a, b) => (rowBefore(a, b) ? -1 : rowBefore(b, a) ? 1 : 0));
  const last = rows[rows.length - 1];
  if (!last || !rowBefore(sorted[0]!, last)) return { rows: rows.concat(sorted), appended: true };
  const out: Row[] = [];
  let i = 0;
  let j = 0;
  while (i < rows.length && j < sorted.length)
    out.push(rowBefore(sorted[j]!, rows[i]!) ? sorted[j++]! : rows[i++]!);
  while (i < rows.length) out.push(rows[i++]!);
  while (j < sorted.length) out.push(sorted[j++]!);
  return { rows: out, appended: false };
}

/** The start time of a request in ms, or NaN when its source did not say (one home: core/exchange/start.ts). */
export { startMs };

/**
 * The first index of `rows` (in request order) that is not before `row`: where `row` sits, if it
 * is there. A binary search, so the `#` column costs nothing per drawn row.
 */
/**
 * The `#` the request list shows for the row at `position` in request order: from 1, counting
 * the rows the retention cap dropped, so a row keeps its number as older ones go. The list, the
 * detail's related-request links and the panel's reports all name a request by it.
 */
export function listNumberAt(dropped: number, position: number): number {
  return dropped + position + 1;
}

export function requestIndex(rows: readonly Row[], row: Row): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rowBefore(rows[mid]!, row)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The sort a column header starts with: worst findings, biggest and slowest first; the rest ascending. */
const FIRST_DESCENDING: ReadonlySet<SortColumn> = new Set(['findings']);

export function createPanelStore(
  initial: Partial<Pick<PanelState, 'settings' | 'preserveLog'>> = {},
): PanelStore {
  const settings = initial.settings ?? defaultSettings();
  let seq = 0;
  /** The latest start seen: a row without one is placed as if it started then. */
  let latestStart = Number.NEGATIVE_INFINITY;
  /** Whether the user has clicked "API only" in this panel. */
  let apiOnlyChosen = false;
  return createStore<PanelState>()((set, get) => ({
    rows: [],
    rowsAppendedTo: null,
    rowsDroppedFromFront: 0,
    dropped: 0,
    selectedId: null,
    recording: true,
    preserveLog: initial.preserveLog ?? settings.capture.preserveLog,
    compareIgnoreHost: false,
    filter: { families: [], query: '', apiOnly: settings.capture.apiOnly, findingsOnly: false },
    sort: { column: 'seq', descending: false },
    view: 'requests',
    detailTab: 'overview',
    focusPointer: null,
    settings,
    notice: null,
    contracts: null,
    contractsOff: [],
    codesQuery: '',
    search: null,
    generation: 0,
    seenCodes: {},
    markCodeSeen(code) {
      if (get().seenCodes[code]) return;
      set({ seenCodes: { ...get().seenCodes, [code]: true } });
    },

    addRows(incoming) {
      if (incoming.length === 0) return;
      const { rows, settings, dropped, selectedId } = get();
      const added = incoming.map((r) => {
        let start = startMs(r.exchange.startedAt);
        if (Number.isNaN(start)) start = latestStart === Number.NEGATIVE_INFINITY ? 0 : latestStart;
        else latestStart = Math.max(latestStart, start);
        return { ...r, facts: exchangeFacts(r.exchange), seq: seq++, start };
      });
      const merged = insertInOrder(rows, added);
      let next = merged.rows;
      let drop = 0;
      // Retention cap: keep memory bounded on long sessions by dropping the oldest.
      const cap = settings.capture.retentionCap;
      if (cap > 0 && next.length > cap) {
        drop = next.length - cap;
        next = next.slice(drop);
      }
      const stillSelected = selectedId !== null && next.some((r) => r.exchange.id === selectedId);
      set({
        rows: next,
        rowsAppendedTo: merged.appended ? rows : null,
        rowsDroppedFromFront: merged.appended ? drop : 0,
        dropped: dropped + drop,
        selectedId: stillSelected ? selectedId : null,
      });
    },
    updateExchanges(updated) {
      if (updated.length === 0) return;
      const byId = new Map(updated.map((u) => [u.exchange.id, u]));
      let matched = false;
      const rows = get().rows.map((row) => {
        const u = byId.get(row.exchange.id);
        if (!u) return row;
        matched = true;
        const { bodyNote: _note, ...kept } = row;
        return {
          ...kept,
          exchange: u.exchange,
          facts: exchangeFacts(u.exchange),
          ...(u.bodyNote !== undefined ? { bodyNote: u.bodyNote } : {}),
        };
      });
      if (matched) set({ rowsAppendedTo: null, rowsDroppedFromFront: 0, rows });
    },
    applyAnalyses(results) {
      if (results.length === 0) return;
      const byId = new Map(results.map((r) => [r.id, r.analysis]));
      let matched = false;
      const rows = get().rows.map((row) => {
        const a = byId.get(row.exchange.id);
        if (!a) return row;
        matched = true;
        return { ...row, analysis: a };
      });
      if (matched) set({ rowsAppendedTo: null, rowsDroppedFromFront: 0, rows });
    },
    clearAnalyses() {
      set({
        rowsAppendedTo: null,
        rowsDroppedFromFront: 0,
        rows: get().rows.map(({ analysis: _a, ...row }) => row),
      });
    },
    clear() {
      latestStart = Number.NEGATIVE_INFINITY;
      set({
        rows: [],
        rowsAppendedTo: null,
        rowsDroppedFromFront: 0,
        dropped: 0,
        selectedId: null,
        notice: null,
        generation: get().generation + 1,
      });
    },
    select(id) {
      set({ selectedId: id, focusPointer: null });
    },
    setFilter(patch) {
      if (patch.apiOnly !== undefined) apiOnlyChosen = true;
      set({ filter: { ...get().filter, ...patch } });
    },
    toggleFamily(family) {
      const fams = get().filter.families;
      set({
        filter: {
          ...get().filter,
          families: fams.includes(family) ? fams.filter((f) => f !== family) : [...fams, family],
        },
      });
    },
    setSort(column) {
      const s = get().sort;
      const first = FIRST_DESCENDING.has(column);
      if (s.column !== column) set({ sort: { column, descending: first } });
      else if (s.descending === first) set({ sort: { column, descending: !first } });
      else set({ sort: { column: 'seq', descending: false } });
    },
    setRecording: (on) => set({ recording: on }),
    setPreserveLog: (on) => set({ preserveLog: on }),
    setCompareIgnoreHost: (on) => set({ compareIgnoreHost: on }),
    setView: (view) => set({ view }),
    setDetailTab: (tab, focusPointer = null) => set({ detailTab: tab, focusPointer }),
    setSettings(next) {
      const prev = get().settings;
      const patch: Partial<PanelState> = { settings: next };
      // The stored setting is where the toggle starts; once the user clicks it here, settings
      // arriving later (another page's save, a slow read) do not undo the click.
      if (!apiOnlyChosen && prev.capture.apiOnly !== next.capture.apiOnly)
        patch.filter = { ...get().filter, apiOnly: next.capture.apiOnly };
      set(patch);
    },
    setNotice: (notice) => set({ notice }),
    setContracts: (contracts) =>
      set({
        contracts:
          contracts && (contracts.outlines.length > 0 || contracts.problems.length > 0) ? contracts : null,
      }),
    setContractsOff: (contractsOff) => set({ contractsOff }),
    showCode: (code) => set({ view: 'codes', codesQuery: code }),
    setCodesQuery: (codesQuery) => set({ codesQuery }),
    setSearch: (search) => set({ search }),
  }));
}
