/**
 * When a throttled or unavailable server said to come back, as a number: read by the catalogue's
 * retry hints (as text) and by session/retry-too-soon (to measure how early a retry came). One
 * home for which headers count and how their values read.
 */

import { headerValues } from '../exchange/headers';
import type { Exchange, Header } from '../exchange/types';
import { parseHttpDate, parseRetryAfter } from './http-date';

/** A rate-limit reset value: seconds from the response, an absolute time, or unreadable. */
export type ResetValue =
  | { name: string; raw: string; kind: 'seconds'; seconds: number }
  | { name: string; raw: string; kind: 'epoch'; at: Date }
  | { name: string; raw: string; kind: 'invalid' };

const RESET_HEADERS = ['RateLimit-Reset', 'X-RateLimit-Reset', 'X-Rate-Limit-Reset'] as const;

const first = (headers: readonly Header[], name: string): string | undefined => {
  const v = headerValues(headers, name)[0];
  return typeof v === 'string' ? v : undefined;
};

/**
 * The draft standard's `RateLimit` (`t=`, older drafts `reset=`) and `RateLimit-Reset`, and the
 * pre-standard `X-RateLimit-Reset` / `X-Rate-Limit-Reset`, which some APIs send as a Unix time.
 */
export function readRateLimitReset(headers: readonly Header[]): ResetValue | undefined {
  const structured = first(headers, 'ratelimit');
  if (structured !== undefined) {
    const m = /(?:^|[;,\s])(?:t|reset)=(\d{1,10})\b/.exec(structured.slice(0, 500));
    if (m) return { name: 'RateLimit', raw: structured, kind: 'seconds', seconds: Number(m[1]) };
  }
  for (const name of RESET_HEADERS) {
    const raw = first(headers, name)?.trim();
    if (raw === undefined) continue;
    if (!/^\d{1,13}(?:\.\d{1,6})?$/.test(raw)) return { name, raw, kind: 'invalid' };
    const n = Math.ceil(Number(raw));
    // Values this large can only be Unix timestamps (GitHub style), in seconds or milliseconds.
    if (n >= 1e12) return { name, raw, kind: 'epoch', at: new Date(n) };
    if (n >= 1e9) return { name, raw, kind: 'epoch', at: new Date(n * 1000) };
    return { name, raw, kind: 'seconds', seconds: n };
  }
  return undefined;
}

/** How long a response asked the client to wait, in ms, and the header line that said so. */
export interface RetryDelay {
  ms: number;
  /** e.g. `Retry-After: 5` */
  said: string;
}

/**
 * The wait a 429 or 503 asks for: `Retry-After` first, then a rate-limit reset. An absolute time
 * is measured from the response's own `Date` (the server's clock against the server's clock), or
 * from `receivedAt` (the client's clock) when there is none. Undefined when nothing readable says.
 */
export function retryDelay(ex: Exchange, receivedAt: number): RetryDelay | undefined {
  const headers = ex.responseHeaders;
  const serverNow = (): number => {
    const date = first(headers, 'date');
    const parsed = date === undefined ? undefined : parseHttpDate(date);
    return parsed ? parsed.getTime() : receivedAt;
  };
  const raw = first(headers, 'retry-after');
  if (raw !== undefined) {
    const parsed = parseRetryAfter(raw);
    const said = `Retry-After: ${raw.trim().slice(0, 40)}`;
    if (parsed.kind === 'seconds') return { ms: parsed.seconds * 1000, said };
    if (parsed.kind === 'date') return { ms: Math.max(0, parsed.date.getTime() - serverNow()), said };
  }
  const reset = readRateLimitReset(headers);
  if (!reset || reset.kind === 'invalid') return undefined;
  const said = `${reset.name}: ${reset.raw.trim().slice(0, 40)}`;
  if (reset.kind === 'seconds') return { ms: reset.seconds * 1000, said };
  return { ms: Math.max(0, reset.at.getTime() - serverNow()), said };
}
