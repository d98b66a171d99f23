import type { CapturedRequest, NetworkSource, SettingsStore, SummarySink } from '../../adapters/ports';
import type { PanelStore } from '../../state/panel-store';
import type { Analyzer } from './analyzer';
import { ingestRequest, type Ingested } from './ingest';
import { summarizeRows } from './summarize';

export interface CaptureDeps {
  source: NetworkSource;
  store: PanelStore;
  analyzer: Analyzer;
  settings?: SettingsStore;
  summary?: SummarySink;
  tabId?: number;
  /** Keeps the body fetcher of a response not fetched up front (images), for showing it on demand. */
  keepBody?: (id: string, getContent: CapturedRequest['getContent']) => void;
  /** How long to gather rows before one store update (ms). */
  flushMs?: number;
  summaryMs?: number;
}

/**
 * Wires live DevTools traffic into the panel: capture → store (the list never waits) →
 * analyzer (findings arrive later) → store, and the tab summary to the background worker.
 */
/** Identifies one request across getHAR() and onRequestFinished: same start time, method and URL. */
function requestKey(entry: unknown): string {
  const e = entry as { startedDateTime?: unknown; request?: { method?: unknown; url?: unknown } } | null;
  return `${String(e?.startedDateTime)} ${String(e?.request?.method)} ${String(e?.request?.url)}`;
}

export function startCapture(deps: CaptureDeps): () => void {
  const { source, store, analyzer } = deps;
  const flushMs = deps.flushMs ?? 50;
  let nextId = 0;
  let pending: Ingested[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let summaryTimer: ReturnType<typeof setTimeout> | null = null;
  const cleanups: (() => void)[] = [];

  const flush = () => {
    flushTimer = null;
    const batch = pending;
    pending = [];
    store.getState().addRows(batch);
    analyzer.analyze(batch.map((b) => b.exchange));
  };

  const scheduleSummary = () => {
    if (!deps.summary || deps.tabId === undefined || summaryTimer) return;
    summaryTimer = setTimeout(() => {
      summaryTimer = null;
      const state = store.getState();
      deps.summary!.replace(
        deps.tabId!,
        summarizeRows(state.rows, Date.now(), state.settings.redaction.queryParams),
      );
    }, deps.summaryMs ?? 400);
  };

  const ingest = async (request: Parameters<typeof ingestRequest>[0]) => {
    const id = `live-${nextId++}`;
    const result = await ingestRequest(request, id, store.getState().settings.capture.bodySizeCap);
    if ('error' in result) {
      store.getState().setNotice(`A request could not be read: ${result.error}`);
      return;
    }
    const body = result.exchange.body;
    if (body.kind === 'unknown' && body.reason === 'binary-not-fetched')
      deps.keepBody?.(id, request.getContent);
    pending.push(result);
    if (!flushTimer) flushTimer = setTimeout(flush, flushMs);
  };

  analyzer.configure(store.getState().settings);
  cleanups.push(
    analyzer.onResults((results) => {
      store.getState().applyAnalyses(results);
      scheduleSummary();
    }),
  );
  // A request that finishes while getHAR() is being answered reaches us both ways; until that
  // answer arrives, remember what came live so the HAR copy can be skipped.
  let liveBeforeHar: Set<string> | null = new Set();
  cleanups.push(
    source.onRequestFinished((request) => {
      liveBeforeHar?.add(requestKey(request.entry));
      if (store.getState().recording) void ingest(request);
    }),
  );
  cleanups.push(
    source.onNavigated(() => {
      if (store.getState().preserveLog) return;
      pending = [];
      store.getState().clear();
    }),
  );
  // However the list empties (a navigation, the Clear button), the popup and badge follow.
  cleanups.push(
    store.subscribe((state, previous) => {
      if (state.rows.length === 0 && previous.rows.length > 0 && deps.summary && deps.tabId !== undefined) {
        deps.summary.clear(deps.tabId);
      }
    }),
  );
  if (deps.settings) {
    cleanups.push(
      deps.settings.subscribe((settings) => {
        const before = store.getState().settings;
        store.getState().setSettings(settings);
        if (
          JSON.stringify([before.profiles, before.rules]) !==
          JSON.stringify([settings.profiles, settings.rules])
        ) {
          // Rules or profiles changed: re-run the engine over what is on screen.
          analyzer.configure(settings);
          analyzer.analyze(store.getState().rows.map((r) => r.exchange));
        }
      }),
    );
  }
  void source.getExisting().then((requests) => {
    const seen = liveBeforeHar;
    liveBeforeHar = null;
    for (const r of requests) if (!seen?.has(requestKey(r.entry))) void ingest(r);
  });

  return () => {
    if (flushTimer) clearTimeout(flushTimer);
    if (summaryTimer) clearTimeout(summaryTimer);
    for (const c of cleanups) c();
  };
}
