import { corsCauses } from '../../../core/catalogue/hints/cors';
import { isCorsPreflight } from '../../../core/exchange/api-call';
import { headerValue } from '../../../core/exchange/headers';
import { responseArrived } from '../../../core/exchange/outcome';
import { startMs } from '../../../core/exchange/start';
import type { Exchange } from '../../../core/exchange/types';
import type { Row } from '../../../state/panel-store';

/**
 * A request Chromium failed with no response often failed at its CORS preflight: the page's
 * request is never sent, and Chromium (whose HAR lists a request before its preflight) records
 * only net::ERR_FAILED on it. The cause is on the preflight's row, where http/cors-blocked
 * reports it; this finds that row so the failed request can point to it.
 */

/** How far apart (ms) a preflight and its request may start: the browser sends them back to back. */
const PAIR_WINDOW_MS = 10_000;

/** The row of the preflight for `ex` (same URL, announcing its method) nearest in time that refused it, if any. */
export function preflightRefusing(rows: readonly Row[], ex: Exchange): Row | undefined {
  if (ex.status !== 0 || responseArrived(ex) || ex.method === 'OPTIONS') return undefined;
  const at = startMs(ex.startedAt);
  let best: Row | undefined;
  let bestGap = Infinity;
  for (const row of rows) {
    const pre = row.exchange;
    if (pre.url !== ex.url || !isCorsPreflight(pre)) continue;
    const announced = headerValue(pre.requestHeaders, 'access-control-request-method')?.trim();
    if (announced !== undefined && announced !== ex.method) continue;
    const gap = Math.abs(startMs(pre.startedAt) - at);
    // Unknown start times (NaN) pair only when nothing better is known.
    const rank = Number.isNaN(gap) ? PAIR_WINDOW_MS : gap;
    if (rank > PAIR_WINDOW_MS || rank >= bestGap) continue;
    if (!responseArrived(pre) || corsCauses(pre).length === 0) continue;
    best = row;
    bestGap = rank;
  }
  return best;
}
