import type { CapturedRequest, NetworkSource, SettingsStore, SummarySink } from '../../adapters/ports';
import { sameEngineSettings } from '../../core/engine/engine-settings';
import { sameSessionRules } from '../../core/session/active';
import { responseArrived } from '../../core/exchange/outcome';
import { sameRedaction } from '../../core/export/redact';
import { rowBefore } from '../../state/panel/row-order';
import type { PanelStore } from '../../state/panel-store';
import type { Exchange } from '../../core/exchange/types';
import type { Analyzer } from './analyzer';
import { analyseAgain } from './analyse-again';
import { declaredBodySize, FinishOrder } from './finish-order';
import { ingestRequest, type Ingested } from './ingest';
import { answerMayFollow, followLateAnswers, LATE_ANSWER_MAX_ROWS } from './late-answers';
import { hasLiveRows, summarizeRows } from './summarize';

export interface CaptureDeps {
  source: NetworkSource;
  store: PanelStore;
  analyzer: Analyzer;
  /** Settings saved elsewhere (the options page, another panel): followed from start-up on. */
  settings?: Pick<SettingsStore, 'subscribe'>;
  summary?: SummarySink;
  tabId?: number;
  /**
   * Keeps the body fetcher of a response not fetched up front (images), for showing it on demand.
   * It may return a function that lets the fetcher go: capture calls it when the row goes (a
   * Clear, a navigation, the retention cap), so no DevTools request object outlives its row.
   */
  keepBody?: (id: string, getContent: CapturedRequest['getContent']) => (() => void) | void;
  /** How long to gather rows before one store update (ms). */
  flushMs?: number;
  summaryMs?: number;
}

/**
 * How long requests that finish while the panel opens wait for DevTools' log (getHAR) before
 * they are listed all the same: it answers in milliseconds, a long log in a second or so.
 */
export const EXISTING_LOG_WAIT_MS = 3000;

/** Identifies one request across getHAR() and onRequestFinished: same start time, method and URL. */
function requestKey(entry: unknown): string {
  const e = entry as { startedDateTime?: unknown; request?: { method?: unknown; url?: unknown } } | null;
  return `${String(e?.startedDateTime)} ${String(e?.request?.method)} ${String(e?.request?.url)}`;
}

/**
 * Wires live DevTools traffic into the panel: capture → store (the list never waits) →
 * analyzer (findings arrive later) → store, and the tab summary to the background worker.
 * Every clear bumps the store's generation; a request still being read when that happens, or
 * still waiting in the buffer, belonged to the old list and is dropped.
 */
export function startCapture(deps: CaptureDeps): () => void {
  const { source, store, analyzer } = deps;
  const flushMs = deps.flushMs ?? 50;
  let nextId = 0;
  let pending: Ingested[] = [];
  /** Rows to analyse at the next flush, in the order the browser finished them. */
  let toJudge: Exchange[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let summaryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Whether the background holds a summary from this panel (cleared when no live rows remain). */
  let summarySent = false;
  /** How to let go of each kept body fetcher, by row id. */
  const keptBodies = new Map<string, () => void>();
  const cleanups: (() => void)[] = [];

  const releaseBody = (id: string) => {
    const release = keptBodies.get(id);
    if (!release) return;
    keptBodies.delete(id);
    release();
  };

  const flush = () => {
    flushTimer = null;
    const batch = pending;
    const judge = toJudge;
    pending = [];
    toJudge = [];
    // Listed first: results for a row not yet listed would match nothing.
    if (batch.length > 0) store.getState().addRows(batch);
    if (judge.length > 0) analyzer.analyze(judge);
  };
  const scheduleFlush = () => {
    if (!flushTimer) flushTimer = setTimeout(flush, flushMs);
  };
  /**
   * The live session judges rows in the order the browser finished them, not the order their
   * bodies came (finish-order.ts: a row waits at most FINISH_ORDER_WAIT_MS for earlier bodies).
   */
  const finishOrder = new FinishOrder((exchanges) => {
    toJudge.push(...exchanges);
    scheduleFlush();
  });

  const scheduleSummary = () => {
    if (!deps.summary || deps.tabId === undefined || summaryTimer) return;
    summaryTimer = setTimeout(() => {
      summaryTimer = null;
      const state = store.getState();
      // Imported rows are not the tab's traffic: with none of its own left, the tab has nothing to show.
      if (!hasLiveRows(state.rows)) {
        if (summarySent) deps.summary!.clear(deps.tabId!);
        summarySent = false;
        return;
      }
      deps.summary!.replace(
        deps.tabId!,
        summarizeRows(state.rows, Date.now(), state.settings, state.filter.apiOnly),
      );
      summarySent = true;
    }, deps.summaryMs ?? 400);
  };

  // A failed request DevTools handed over before the server's answer reached it is looked up
  // again, and its row completed when DevTools has the answer.
  const lateAnswers = followLateAnswers({
    source,
    keyOf: requestKey,
    found: async (id, request) => {
      const generation = store.getState().generation;
      const result = await ingestRequest(request, id, store.getState().settings.capture.bodySizeCap);
      if ('error' in result || !responseArrived(result.exchange)) return false;
      if (store.getState().generation !== generation) return true;
      const buffered = pending.findIndex((p) => p.exchange.id === id);
      // Still in the buffer: listed with the fuller record.
      if (buffered >= 0) pending[buffered] = result;
      else store.getState().updateExchanges([result]);
      // Still waiting to be judged: judged with it; judged already: analysed again.
      const judging = toJudge.findIndex((ex) => ex.id === id);
      if (judging >= 0) toJudge[judging] = result.exchange;
      else if (!finishOrder.replace(id, result.exchange)) analyzer.analyze([result.exchange]);
      return true;
    },
  });
  cleanups.push(lateAnswers.stop);

  const ingest = async (request: Parameters<typeof ingestRequest>[0], generation: number) => {
    const seq = nextId++;
    const id = `live-${seq}`;
    finishOrder.expect(seq, declaredBodySize(request.entry));
    const result = await ingestRequest(request, id, store.getState().settings.capture.bodySizeCap);
    // Cleared while its body was being read: it belongs to the list that was cleared.
    if (store.getState().generation !== generation) return;
    if ('error' in result) {
      finishOrder.arrived(seq, null);
      store.getState().setNotice(`A request could not be read: ${result.error}`);
      return;
    }
    const body = result.exchange.body;
    if (body.kind === 'unknown' && body.reason === 'binary-not-fetched') {
      const release = deps.keepBody?.(id, request.getContent);
      if (release) keptBodies.set(id, release);
    }
    if (answerMayFollow(result.exchange) && store.getState().rows.length < LATE_ANSWER_MAX_ROWS)
      lateAnswers.watch(requestKey(request.entry), id);
    pending.push(result);
    finishOrder.arrived(seq, result.exchange);
    scheduleFlush();
  };

  analyzer.configure(store.getState().settings);
  cleanups.push(
    analyzer.onResults((results) => {
      const before = store.getState().rows;
      store.getState().applyAnalyses(results);
      // Results for rows cleared meanwhile match nothing and change nothing.
      if (store.getState().rows !== before) scheduleSummary();
    }),
  );
  cleanups.push(analyzer.onNotice((message) => store.getState().setNotice(message)));
  /**
   * Requests that finish while DevTools' log (getHAR) is being read are held until it answers,
   * then numbered after the log's rows: numbered as they came, they were listed before the
   * log's (#1, #2, renumbered when it arrived; first at an equal start time) and judged before
   * them in the live session, against the browser's order. One that is in the log as well (it
   * finished between the subscription and the log's copy) is the log's row, listed once. Held
   * EXISTING_LOG_WAIT_MS at most: past that they are listed, and the log's copies of them skipped.
   */
  let held: { request: CapturedRequest; generation: number }[] | null = [];
  /** What finished live before the log answered (requestKey): if the hold ended first, listed already. */
  let liveBeforeHar: Set<string> | null = new Set();
  const stopHolding = () => {
    const waiting = held ?? [];
    held = null;
    clearTimeout(holdTimer);
    return waiting;
  };
  const ingestHeld = (h: { request: CapturedRequest; generation: number }) => {
    // Finished before a Clear: it belongs to the list that was cleared (and numbering it now
    // would have the live session's judging wait for a row that never comes).
    if (h.generation === store.getState().generation) void ingest(h.request, h.generation);
  };
  const holdTimer = setTimeout(() => stopHolding().forEach(ingestHeld), EXISTING_LOG_WAIT_MS);
  cleanups.push(
    source.onRequestFinished((request) => {
      if (!store.getState().recording) return;
      const generation = store.getState().generation;
      liveBeforeHar?.add(requestKey(request.entry));
      if (held) held.push({ request, generation });
      else void ingest(request, generation);
    }),
  );
  cleanups.push(
    source.onNavigated(() => {
      if (store.getState().preserveLog) return;
      store.getState().clear();
    }),
  );
  cleanups.push(
    store.subscribe((state, previous) => {
      if (state.generation !== previous.generation) {
        // Cleared, however (a navigation, the Clear button, the popup): nothing from before comes
        // back, no fetcher of a gone row is kept, and the popup and badge follow.
        pending = [];
        toJudge = [];
        finishOrder.reset(nextId);
        if (flushTimer) clearTimeout(flushTimer);
        flushTimer = null;
        lateAnswers.reset();
        if (summaryTimer) clearTimeout(summaryTimer);
        summaryTimer = null;
        for (const release of keptBodies.values()) release();
        keptBodies.clear();
        if ((previous.rows.length > 0 || summarySent) && deps.summary && deps.tabId !== undefined) {
          deps.summary.clear(deps.tabId);
        }
        summarySent = false;
        return;
      }
      // The popup says why its counts differ from the list's only while API only is on.
      if (state.filter.apiOnly !== previous.filter.apiOnly) scheduleSummary();
      if (state.dropped > previous.dropped) {
        // The retention cap dropped the oldest rows: let their body fetchers go too.
        const count = state.dropped - previous.dropped;
        const first = state.rows[0];
        if (count <= previous.rows.length && first && rowBefore(previous.rows[count - 1]!, first)) {
          // Only listed rows went (the oldest: a prefix in request order), none of the new ones.
          for (let i = 0; i < count; i++) releaseBody(previous.rows[i]!.exchange.id);
        } else {
          // Some of the rows just added were dropped as well: keep only what is still listed or buffered.
          const listed = new Set(state.rows.map((r) => r.exchange.id));
          for (const p of pending) listed.add(p.exchange.id);
          for (const id of [...keptBodies.keys()]) if (!listed.has(id)) releaseBody(id);
        }
        // The dropped rows may have been all the tab's own.
        scheduleSummary();
      }
    }),
  );
  if (deps.settings) {
    cleanups.push(
      deps.settings.subscribe((settings) => {
        const before = store.getState().settings;
        store.getState().setSettings(settings);
        if (!sameEngineSettings(before, settings) || !sameRedaction(before, settings)) {
          // Rules, their options or profiles changed: re-run the engine over what is on screen.
          // So do the redaction lists: what the worker keeps for Compare with HAR is hidden by
          // them as each row is analysed, and the stored tab summary follows the new results.
          // Rows still being read or buffered are analysed after this, by the new settings.
          analyzer.configure(settings);
          analyseAgain(analyzer, store.getState().rows, !sameSessionRules(before, settings));
        }
      }),
    );
  }
  const openedIn = store.getState().generation;
  const existing = (requests: CapturedRequest[]) => {
    const seen = liveBeforeHar ?? new Set<string>();
    liveBeforeHar = null;
    const stillHeld = held !== null;
    const live = stopHolding();
    const inLog = new Set<string>();
    // Cleared before DevTools answered: what it held then is what the user cleared.
    if (store.getState().generation === openedIn)
      for (const r of requests) {
        const key = requestKey(r.entry);
        inLog.add(key);
        // Listed live already (the log took too long): not twice.
        if (stillHeld || !seen.has(key)) void ingest(r, openedIn);
      }
    // Then what finished meanwhile, in the order it finished (each dropped if a Clear came after it).
    for (const h of live) if (!inLog.has(requestKey(h.request.entry))) ingestHeld(h);
  };
  // DevTools that cannot give its log lists what comes live all the same.
  void source.getExisting().then(existing, () => existing([]));

  return () => {
    stopHolding();
    finishOrder.dispose();
    for (const release of keptBodies.values()) release();
    keptBodies.clear();
    if (flushTimer) clearTimeout(flushTimer);
    if (summaryTimer) clearTimeout(summaryTimer);
    for (const c of cleanups) c();
  };
}
