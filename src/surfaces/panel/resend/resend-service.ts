import type { PageRequester } from '../../../adapters/ports';
import { pageRequestFrom, type ResendDraft } from '../../../core/resend/draft';
import type { PanelStore, Row } from '../../../state/panel-store';
import type { Resend, ResendStore } from '../../../state/resend-store';

export interface ResendServiceDeps {
  requester: PageRequester;
  panel: PanelStore;
  resend: ResendStore;
  /** How long after the page's fetch answered the capture may take to arrive (ms). */
  captureWaitMs?: number;
  now?: () => number;
  newToken?: () => string;
}

export interface ResendService {
  /** Sends the draft from the inspected page; the captured answer is linked to `originalId`. */
  send(originalId: string, draft: ResendDraft): Promise<void>;
  dispose(): void;
}

/** URL as fetch and DevTools write it (parsed and serialised, no fragment): '' when unparsable. */
export function normalizedUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return '';
  }
}

/** Clocks: the page's Date.now() and DevTools' startedDateTime are the same wall clock, give or take. */
const CLOCK_SLACK_MS = 1_500;

/**
 * How a captured row is known to be a resend. The request cannot carry a marker: an extra
 * header would change what is being verified and, cross-origin, trigger a CORS preflight the
 * original did not need; a query marker changes the URL. So a resend is linked to the first
 * captured row, not already linked, with its method and URL that started no earlier than the
 * moment the page was asked (less clock slack). Only the page fetching that very URL with that
 * method in the same instant could be mistaken for it, and then both are the same request anyway.
 */
export function matchesResend(resend: Resend, row: Row): boolean {
  const ex = row.exchange;
  if (ex.method.toUpperCase() !== resend.method || normalizedUrl(ex.url) !== resend.url) return false;
  const started = Date.parse(ex.startedAt);
  return Number.isNaN(started) || started >= resend.sentAt - CLOCK_SLACK_MS;
}

/**
 * Sends resends through the page and links their captures to their originals: the resent
 * exchange arrives through network capture like any request (failed ones too: unreachable,
 * CORS, timeout), and when it does, the comparison with its original opens.
 */
export function createResendService(deps: ResendServiceDeps): ResendService {
  const { requester, panel, resend } = deps;
  const now = deps.now ?? Date.now;
  const captureWaitMs = deps.captureWaitMs ?? 5_000;
  const newToken = deps.newToken ?? (() => crypto.randomUUID());
  const timers = new Set<ReturnType<typeof setTimeout>>();
  /** The highest row number already looked at. */
  let seenSeq = panel.getState().rows.at(-1)?.seq ?? -1;

  const waiting = () => resend.getState().resends.filter((r) => r.phase === 'sending' || r.phase === 'sent');

  const link = (rows: readonly Row[]) => {
    let open = waiting();
    if (open.length === 0) return;
    const claimed = new Set(Object.keys(resend.getState().links));
    for (const row of rows) {
      if (claimed.has(row.exchange.id)) continue;
      const r = open.find((o) => matchesResend(o, row));
      if (!r) continue;
      const resentId = row.exchange.id;
      resend.getState().updateResend(r.token, { phase: 'linked', resentId });
      claimed.add(resentId);
      open = open.filter((o) => o !== r);
      // The newest resend to arrive is what the user is looking at: show it beside its original.
      if (panel.getState().rows.some((x) => x.exchange.id === r.originalId)) {
        resend.getState().compare({ beforeId: r.originalId, afterId: resentId, kind: 'resend' });
      }
      panel.getState().select(resentId);
      if (open.length === 0) return;
    }
  };

  const unsubscribe = panel.subscribe((state, previous) => {
    if (state.generation !== previous.generation) {
      seenSeq = -1;
      resend.getState().reset();
      return;
    }
    if (state.selectedId !== previous.selectedId && state.selectedId !== null) {
      // Selecting another request shows its details: the comparison steps aside.
      const cmp = resend.getState().comparison;
      if (cmp && state.selectedId !== cmp.beforeId && state.selectedId !== cmp.afterId)
        resend.getState().closeComparison();
    }
    if (state.rows === previous.rows) return;
    const fresh: Row[] = [];
    for (let i = state.rows.length - 1; i >= 0 && state.rows[i]!.seq > seenSeq; i--)
      fresh.push(state.rows[i]!);
    if (fresh.length === 0) return;
    seenSeq = state.rows.at(-1)!.seq;
    fresh.reverse();
    link(fresh);
    // A compared row dropped by the retention cap: the comparison has nothing to show.
    const cmp = resend.getState().comparison;
    if (cmp && state.dropped > previous.dropped) {
      const ids = new Set(state.rows.map((r) => r.exchange.id));
      if (!ids.has(cmp.beforeId) || !ids.has(cmp.afterId)) resend.getState().closeComparison();
    }
  });

  return {
    async send(originalId, draft) {
      const request = pageRequestFrom(draft);
      const token = newToken();
      const generation = panel.getState().generation;
      resend.getState().addResend({
        token,
        originalId,
        method: request.method,
        url: normalizedUrl(request.url),
        sentAt: now(),
        phase: 'sending',
      });
      const outcome = await requester.send(request);
      // Cleared meanwhile: that resend belonged to the list that is gone.
      if (panel.getState().generation !== generation) return;
      const current = resend.getState().resends.find((r) => r.token === token);
      if (!current) return;
      resend
        .getState()
        .updateResend(token, current.phase === 'linked' ? { outcome } : { outcome, phase: 'sent' });
      if (current.phase === 'linked') return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        const r = resend.getState().resends.find((x) => x.token === token);
        if (r && r.phase === 'sent') resend.getState().updateResend(token, { phase: 'not-captured' });
      }, captureWaitMs);
      timers.add(timer);
    },
    dispose() {
      unsubscribe();
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
