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

/**
 * Read in this order. The last three say when to retry outright (CrowdStrike's
 * `X-RateLimit-RetryAfter`, a Unix time): no `…-Remaining` is paired with them (see quotaLeft).
 */
const RESET_HEADERS = [
  'RateLimit-Reset',
  'X-RateLimit-Reset',
  'X-Rate-Limit-Reset',
  'X-RateLimit-RetryAfter',
  'X-RateLimit-Retry-After',
  'X-Rate-Limit-Retry-After',
] as const;

const first = (headers: readonly Header[], name: string): string | undefined => {
  const v = headerValues(headers, name)[0];
  return typeof v === 'string' ? v : undefined;
};

/** How much of a quota a `…-Remaining` value leaves: 0 when any listed quota is spent; undefined when unreadable. */
function remainingOf(value: string): number | undefined {
  const counts = value
    .slice(0, 200)
    .split(',')
    .map((member) => /^\s*(\d{1,12})\s*(?:;|$)/.exec(member)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  return counts.length === 0 ? undefined : Math.min(...counts);
}

/**
 * The draft standard's structured `RateLimit` field: `"day";r=100;t=3600, "minute";r=0;t=20`
 * (older drafts `limit=100, remaining=0, reset=20`). The reset of a spent policy (its `r` 0 or
 * absent), the latest when several are spent; `quota-left` when every policy with a reset has
 * some left, so its reset is not when a throttled client may retry.
 */
function structuredReset(value: string): number | 'quota-left' | undefined {
  const v = value.slice(0, 500);
  const old = /(?:^|[;,\s])reset=(\d{1,10})\b/.exec(v);
  if (old) {
    const left = /(?:^|[;,\s])remaining=(\d{1,12})\b/.exec(v);
    return left && Number(left[1]) > 0 ? 'quota-left' : Number(old[1]);
  }
  let latest: number | undefined;
  let leftSomewhere = false;
  for (const item of v.split(',')) {
    const t = /;\s*t=(\d{1,10})\b/.exec(item);
    if (!t) continue;
    const r = /;\s*r=(\d{1,12})\b/.exec(item);
    if (r && Number(r[1]) > 0) leftSomewhere = true;
    else latest = Math.max(latest ?? 0, Number(t[1]));
  }
  return latest ?? (leftSomewhere ? 'quota-left' : undefined);
}

/**
 * The `…-Remaining` header that counts the quota a reset header resets, when the quota is not
 * spent: "RateLimit-Remaining: 1990". `X-RateLimit-Reset-Requests` pairs with
 * `X-RateLimit-Remaining-Requests` (OpenAI), else with the plain `…-Remaining` (Discord's
 * `X-RateLimit-Reset-After`); the structured `RateLimit` field carries its own (`r=`).
 * Undefined when the quota is spent (0), or no readable count says.
 *
 * A reset is when a throttled client may retry only if its own quota is what ran out: GitLab
 * sends its global quota's `RateLimit-*` headers on every answer, the 429s of a per-endpoint
 * limit included (`RateLimit-Remaining: 1990` of 2000), and that reset is when the global window
 * rolls over, not when the 429 lifts.
 */
export function quotaLeft(headers: readonly Header[], resetName: string): string | undefined {
  if (resetName.trim().toLowerCase() === 'ratelimit') {
    const value = first(headers, 'ratelimit');
    return value !== undefined && structuredReset(value) === 'quota-left'
      ? `RateLimit: ${value.trim().slice(0, 60)}`
      : undefined;
  }
  const m = /^(.*)reset(-[a-z0-9-]{1,40})?$/i.exec(resetName.trim());
  if (!m) return undefined;
  const names = m[2] ? [`${m[1]}remaining${m[2]}`, `${m[1]}remaining`] : [`${m[1]}remaining`];
  for (const name of names) {
    const lower = name.toLowerCase();
    // The header as it was sent: its own spelling names it in messages.
    const header = headers.find((h) => typeof h.name === 'string' && h.name.toLowerCase() === lower);
    if (header === undefined || typeof header.value !== 'string') continue;
    const left = remainingOf(header.value);
    return left !== undefined && left > 0
      ? `${header.name.trim()}: ${header.value.trim().slice(0, 40)}`
      : undefined;
  }
  return undefined;
}

/**
 * The draft standard's `RateLimit` (`t=`, older drafts `reset=`) and `RateLimit-Reset`, and the
 * pre-standard `X-RateLimit-Reset` / `X-Rate-Limit-Reset`, which some APIs send as a Unix time.
 * Only a reset whose quota is spent counts (see quotaLeft): another quota's reset says nothing
 * about when this answer's limit lifts.
 */
export function readRateLimitReset(headers: readonly Header[]): ResetValue | undefined {
  const structured = first(headers, 'ratelimit');
  if (structured !== undefined) {
    const seconds = structuredReset(structured);
    if (typeof seconds === 'number') return { name: 'RateLimit', raw: structured, kind: 'seconds', seconds };
  }
  for (const name of RESET_HEADERS) {
    const raw = first(headers, name)?.trim();
    if (raw === undefined || quotaLeft(headers, name) !== undefined) continue;
    if (!/^\d{1,13}(?:\.\d{1,6})?$/.test(raw)) return { name, raw, kind: 'invalid' };
    const n = Math.ceil(Number(raw));
    // Values this large can only be Unix timestamps (GitHub style), in seconds or milliseconds.
    if (n >= 1e12) return { name, raw, kind: 'epoch', at: new Date(n) };
    if (n >= 1e9) return { name, raw, kind: 'epoch', at: new Date(n * 1000) };
    return { name, raw, kind: 'seconds', seconds: n };
  }
  return undefined;
}

/**
 * A reset header readRateLimitReset passed over because its quota is not spent, for a hint that
 * says why it is no retry time: `RateLimit-Reset` and "RateLimit-Remaining: 1990".
 */
export function unspentReset(headers: readonly Header[]): { name: string; left: string } | undefined {
  for (const name of ['RateLimit', ...RESET_HEADERS]) {
    if (first(headers, name) === undefined) continue;
    const left = quotaLeft(headers, name);
    if (left !== undefined) return { name, left };
  }
  return undefined;
}

/** How long a response asked the client to wait, in ms, and the header line that said so. */
export interface RetryDelay {
  ms: number;
  /** e.g. `Retry-After: 5`, `RateLimit-Reset: 2023-03-13T15:56:39Z (1678722999)` */
  said: string;
  /**
   * How far the wait may be off: 1 s when it is an absolute time (an HTTP-date or a Unix time,
   * measured against the 1-second `Date` header), 0 for a number of seconds.
   */
  precisionMs: number;
  /**
   * `retry-after`: the answer said when to call again (Retry-After, or a pre-standard retry time
   * such as X-RateLimit-RetryAfter). `reset`: when a spent quota fills again, which a token-bucket
   * API may well let a call through before (Auth0 answered such a retry 200).
   */
  from: 'retry-after' | 'reset';
}

/** An absolute time as ISO 8601 UTC, without milliseconds when it has none. */
function isoTime(at: Date): string {
  return at.toISOString().replace('.000Z', 'Z');
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
    if (parsed.kind === 'seconds')
      return { ms: parsed.seconds * 1000, said, precisionMs: 0, from: 'retry-after' };
    if (parsed.kind === 'date')
      return {
        ms: Math.max(0, parsed.date.getTime() - serverNow()),
        said,
        precisionMs: 1000,
        from: 'retry-after',
      };
  }
  const reset = readRateLimitReset(headers);
  if (!reset || reset.kind === 'invalid') return undefined;
  const shown = reset.raw.trim().slice(0, 40);
  const from = /retry-?after$/i.test(reset.name) ? 'retry-after' : 'reset';
  if (reset.kind === 'seconds')
    return { ms: reset.seconds * 1000, said: `${reset.name}: ${shown}`, precisionMs: 0, from };
  return {
    ms: Math.max(0, reset.at.getTime() - serverNow()),
    said: `${reset.name}: ${isoTime(reset.at)} (${shown})`,
    precisionMs: 1000,
    from,
  };
}
