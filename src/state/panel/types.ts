import type { StoreApi } from 'zustand/vanilla';
import type { StatusFamily } from '../../core/exchange/family';
import type { Exchange } from '../../core/exchange/types';
import type { ExchangeFacts } from '../../core/filter/query';
import type { Analysis } from '../../core/rules/types';
import type { Settings } from '../../core/settings/schema';
import type { ContractsStatus } from '../../core/contract/load';

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
/** What Endpoints shows once an OpenAPI description is loaded: the triage by route, or the coverage. */
export type EndpointsMode = 'routes' | 'coverage';
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
  /**
   * The selection reached by following a "#N" link in the detail (a session finding's related
   * request), shown even when the filters hide it, and the request the link was followed from
   * (null once gone back to): any other selection drops it. See `follow`.
   */
  linked: { id: string; from: string | null } | null;
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
  /** Endpoints' switch (shown with a description loaded), kept for the panel's life: routes until the user picks coverage. */
  endpointsMode: EndpointsMode;
  /**
   * Profile suggestions the user answered "Not now" (`profile pattern`), kept for the DevTools
   * session by panel/suggestion-dismissals.ts, so the next panel opened does not ask again.
   */
  dismissedSuggestions: readonly string[];
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
  /**
   * Selects `id` from a link in the detail of `from` (null: going back): the detail shows it
   * even when the filters hide it, with a way back to `from`. A link always leads somewhere.
   */
  follow(id: string, from: string | null): void;
  setFilter(patch: Partial<Filter>): void;
  toggleFamily(family: StatusFamily): void;
  /** A header click: first direction, the other one, then back to request order. */
  setSort(column: SortColumn): void;
  setRecording(on: boolean): void;
  setPreserveLog(on: boolean): void;
  setCompareIgnoreHost(on: boolean): void;
  setView(view: PanelView): void;
  setEndpointsMode(mode: EndpointsMode): void;
  /** "Not now" on one suggestion; `keys` dismissed elsewhere (another panel) are added by addDismissed. */
  dismissSuggestion(key: string): void;
  addDismissed(keys: readonly string[]): void;
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
