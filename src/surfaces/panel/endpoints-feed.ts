import { createContext, useContext, useEffect, useState } from 'react';
import { extendedFrom, selectVisibleRows } from '../../state/panel-selectors';
import { rowBefore } from '../../state/panel/row-order';
import type { PanelStore, Row } from '../../state/panel-store';
import type { Analyzer } from './analyzer';
import type { EndpointsSnapshot } from './endpoints-protocol';
import type { RowLookup } from './endpoints-service';
import type { CoverageReport } from '../../core/contract/coverage';
import type { CoverageRows } from './coverage-service';

const idOf = (r: Row) => r.exchange.id;

/**
 * Feeds the Endpoints grouping (in the analysis worker) with what the panel's filters let
 * through, and hands its snapshots to the view. While the view is open, rows appended to the
 * visible list are passed on as they come (ids only: the worker already has their records);
 * a filter or sort change, or new findings, passes the whole visible list once. Clears and
 * retention drops are passed on always, so the worker never keeps records of rows that are gone.
 */
export function createEndpointsFeed(analyzer: Analyzer, store: PanelStore) {
  const listeners = new Set<(snapshot: EndpointsSnapshot) => void>();
  /** The visible list the worker was last told about, while the view is open. */
  let shown: Row[] | null = null;

  /** Rows by id, built only if asked (the grouping runs on this thread after a worker failure). */
  const lookup = (): RowLookup => {
    let byId: Map<string, Row> | null = null;
    return (id) => {
      byId ??= new Map(store.getState().rows.map((r) => [r.exchange.id, r]));
      const row = byId.get(id);
      return row && { exchange: row.exchange, findings: row.analysis?.findings ?? [] };
    };
  };

  const sync = (reset: boolean) => {
    const visible = selectVisibleRows(store.getState());
    if (!reset && visible === shown) return;
    const extension = reset || shown === null ? undefined : extendedFrom(visible);
    // Rows the retention cap dropped were forgotten already (below): only the new ones are sent.
    const appended = extension !== undefined && extension.from === shown;
    const ids = appended ? visible.slice(shown!.length - extension.dropped).map(idOf) : visible.map(idOf);
    shown = visible;
    if (appended && ids.length === 0) return;
    analyzer.endpoints({ type: 'endpoints/show', ids, reset: !appended }, lookup());
  };

  const unsubscribeStore = store.subscribe((state, previous) => {
    if (state.generation !== previous.generation) analyzer.endpoints({ type: 'endpoints/clear' });
    else if (state.dropped > previous.dropped) {
      // The oldest rows went: every earlier row that started before the first one left.
      const first = state.rows[0];
      const ids: string[] = [];
      for (const r of previous.rows) {
        if (first && !rowBefore(r, first)) break;
        ids.push(r.exchange.id);
      }
      if (ids.length > 0) analyzer.endpoints({ type: 'endpoints/forget', ids });
    }
    if (listeners.size > 0) sync(false);
  });
  const unsubscribeSnapshots = analyzer.onEndpoints((snapshot) => {
    for (const l of listeners) l(snapshot);
  });
  // OpenAPI coverage, counted in the worker beside the grouping; the view only draws reports.
  const coverageListeners = new Set<(report: CoverageReport | null) => void>();
  const unsubscribeCoverage = analyzer.onCoverage((report) => {
    for (const l of coverageListeners) l(report);
  });
  /** Every row, for the panel-thread counting after a worker failure (read only then). */
  const allRows: CoverageRows = () =>
    store
      .getState()
      .rows.map((r) => ({ id: r.exchange.id, status: r.exchange.status, analysis: r.analysis }));

  // The only notice is the worker failing: the grouping and the coverage start again on this thread.
  const unsubscribeNotice = analyzer.onNotice(() => {
    if (listeners.size > 0) sync(true);
    if (coverageListeners.size > 0) analyzer.coverage({ type: 'coverage/open' }, allRows);
  });

  return {
    /** The view opened: snapshots go to `listener` until the returned function is called. */
    open(listener: (snapshot: EndpointsSnapshot) => void): () => void {
      listeners.add(listener);
      if (listeners.size === 1) sync(true);
      return () => {
        if (!listeners.delete(listener) || listeners.size > 0) return;
        shown = null;
        analyzer.endpoints({ type: 'endpoints/hide' });
      };
    },
    /** The coverage view opened: reports go to `listener` until the returned function is called. */
    openCoverage(listener: (report: CoverageReport | null) => void): () => void {
      coverageListeners.add(listener);
      if (coverageListeners.size === 1) analyzer.coverage({ type: 'coverage/open' }, allRows);
      return () => {
        if (!coverageListeners.delete(listener) || coverageListeners.size > 0) return;
        analyzer.coverage({ type: 'coverage/close' });
      };
    },
    dispose() {
      listeners.clear();
      coverageListeners.clear();
      unsubscribeCoverage();
      unsubscribeStore();
      unsubscribeSnapshots();
      unsubscribeNotice();
    },
  };
}

export type EndpointsFeed = ReturnType<typeof createEndpointsFeed>;

export const EndpointsFeedContext = createContext<EndpointsFeed | null>(null);

/** The OpenAPI coverage while the calling view is mounted; undefined until the first report. */
export function useCoverage(): CoverageReport | null | undefined {
  const feed = useContext(EndpointsFeedContext);
  const [report, setReport] = useState<CoverageReport | null | undefined>(undefined);
  useEffect(() => feed?.openCoverage(setReport), [feed]);
  if (!feed) throw new Error('The coverage view needs an EndpointsFeedContext provider.');
  return report;
}

/** The current grouping while the calling view is mounted; null until the first snapshot. */
export function useEndpoints(): EndpointsSnapshot | null {
  const feed = useContext(EndpointsFeedContext);
  const [snapshot, setSnapshot] = useState<EndpointsSnapshot | null>(null);
  useEffect(() => feed?.open(setSnapshot), [feed]);
  if (!feed) throw new Error('The Endpoints view needs an EndpointsFeedContext provider.');
  return snapshot;
}
