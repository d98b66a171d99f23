import type { CapturedRequest, NetworkSource } from '../../adapters/ports';
import { netErrorName } from '../../core/catalogue';
import { answerWithheld, responseArrived } from '../../core/exchange/outcome';
import type { Exchange } from '../../core/exchange/types';

/**
 * Chromium hands a request to onRequestFinished as soon as it fails (Network.loadingFailed).
 * For a fetch it failed after the server answered (CORS, CORP, ORB), the answer's status and
 * headers reach DevTools by another route (Network.responseReceivedExtraInfo, from the network
 * service), and now and then after the failure: the record handed over then has status 0 and
 * no headers, and DevTools never sends it again, though its own copy is completed when the
 * answer lands, so getHAR() has it a moment later. Seen in Chromium 156 on 127.0.0.1: in 2 of
 * 30 page loads one of two CORS-blocked fetches came without the 200 the server sent.
 *
 * True for a row that may be such a record: failed the way Chromium fails a request after its
 * answer arrived (CORS's generic net::ERR_FAILED; CORP, COEP and ORB's BLOCKED_BY_*), with
 * nothing of that answer recorded. Only these: each look copies DevTools' whole log (getHAR),
 * so failures with no answer to wait for (a refused connection, a timeout, a reset, a request
 * the page cancelled, one an ad blocker stopped) never cause one, however many a page makes.
 */
export function answerMayFollow(ex: Exchange): boolean {
  if (ex.status !== 0 || ex.failure === undefined || responseArrived(ex)) return false;
  return netErrorName(ex.failure) === 'net::ERR_FAILED' || answerWithheld(ex);
}

/**
 * Beyond this many rows no look is made: getHAR() copies DevTools' whole log into the panel in
 * one task, which on a long capture would cost more than the answer it may find.
 */
export const LATE_ANSWER_MAX_ROWS = 5_000;

/** When to look again for a watched row's answer, in ms after the previous look; then it is left as it is. */
export const LOOK_AGAIN_MS: readonly number[] = [250, 1_000, 4_000];

export interface LateAnswers {
  /** Watches a row that may still gain its answer, by its record's key. */
  watch(key: string, id: string): void;
  /** Forgets every watched row (a clear): an answer to an earlier look is dropped too. */
  reset(): void;
  stop(): void;
}

/**
 * Looks up watched rows in getHAR() a few times, coalesced into one call per look, and hands
 * each fresh record to `found`, which says whether it completed the row (then it is no longer
 * watched). One look costs one getHAR() while such rows exist; none otherwise.
 */
export function followLateAnswers(opts: {
  source: NetworkSource;
  keyOf: (entry: unknown) => string;
  found: (id: string, request: CapturedRequest) => Promise<boolean>;
  delays?: readonly number[];
}): LateAnswers {
  const delays = opts.delays ?? LOOK_AGAIN_MS;
  const watched = new Map<string, { id: string; looks: number }>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let looking = false;
  let stopped = false;
  /** Bumped by reset: a look begun before it belongs to a list that is gone. */
  let epoch = 0;

  const schedule = () => {
    if (stopped || timer || looking || watched.size === 0) return;
    const next = Math.min(...[...watched.values()].map((w) => w.looks));
    timer = setTimeout(() => void look(), delays[next]);
  };

  const look = async () => {
    timer = null;
    looking = true;
    const at = epoch;
    const lookedFor = new Set(watched.keys());
    try {
      const requests = await opts.source.getExisting().catch(() => []);
      for (const request of requests) {
        if (at !== epoch) return;
        const key = opts.keyOf(request.entry);
        const w = lookedFor.has(key) ? watched.get(key) : undefined;
        if (w && (await opts.found(w.id, request).catch(() => false))) watched.delete(key);
      }
      if (at !== epoch) return;
      for (const key of lookedFor) {
        const w = watched.get(key);
        if (w && ++w.looks >= delays.length) watched.delete(key);
      }
    } finally {
      looking = false;
      // Rows watched meanwhile (or since a reset) get their own look.
      schedule();
    }
  };

  const reset = () => {
    epoch++;
    watched.clear();
    if (timer) clearTimeout(timer);
    timer = null;
  };

  return {
    watch(key, id) {
      watched.set(key, { id, looks: 0 });
      schedule();
    },
    reset,
    stop() {
      stopped = true;
      reset();
    },
  };
}
