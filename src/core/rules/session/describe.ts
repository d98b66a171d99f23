import type { Exchange } from '../../exchange/types';
import { splitUrl } from '../../exchange/url';
import { clip } from '../../text/clip';

/** "350 ms", "1.2 s", "42 s", "3 min": how early, how late, how long, for messages. */
export function span(ms: number): string {
  const v = Math.max(0, ms);
  if (v < 1000) return `${Math.round(v)} ms`;
  if (v < 10_000) return `${(Math.floor(v / 100) / 10).toFixed(1)} s`;
  if (v < 120_000) return `${Math.round(v / 1000)} s`;
  return `${Math.round(v / 60_000)} min`;
}

/** Whether a gap shows as "0 ms": messages then say "at the same moment" or "right after" instead. */
export function isInstant(ms: number): boolean {
  return Math.round(Math.max(0, ms)) === 0;
}

/** The path and query of a URL, clipped: what messages and notes quote of a request. */
export function shortUrl(url: string): string {
  const parts = splitUrl(url);
  const rest = parts ? parts.path + parts.query : url.split('#', 1)[0]!;
  return clip(rest === '' ? '/' : rest, 80);
}

/** "GET /users/7": how a message names a request. */
export function requestLine(ex: Pick<Exchange, 'method' | 'url'>): string {
  return `${ex.method} ${shortUrl(ex.url)}`;
}

/** "429", or the failure ("net::ERR_TIMED_OUT") of a request that got no answer. */
export function answer(ex: Pick<Exchange, 'status' | 'failure'>): string {
  if (ex.status > 0) return String(ex.status);
  return ex.failure ? clip(ex.failure, 60) : 'no response';
}
