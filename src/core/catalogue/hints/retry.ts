/** Retry hints: when to try again, from Retry-After or rate-limit reset headers. */

import type { Exchange, Header } from '../../exchange/types';
import { parseRetryAfter } from '../http-date';
import { shownValue, firstValue } from './text';
import type { Hint } from './types';

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86400) {
    const h = Math.floor(seconds / 3600);
    const m = Math.round((seconds % 3600) / 60);
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  return `${Math.round(seconds / 86400)} days`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function at(date: Date, now: Date): string {
  const clock = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} (UTC)`;
  const sameDay = date.toISOString().slice(0, 10) === now.toISOString().slice(0, 10);
  return sameDay ? clock : `${clock} on ${date.toISOString().slice(0, 10)}`;
}

function inSeconds(seconds: number, source: string): string {
  if (seconds === 0) return `${source} is 0: retrying right away is allowed.`;
  return `Retry in ${seconds} s${seconds >= 60 ? ` (about ${duration(seconds)})` : ''}, as ${source} says.`;
}

function atDate(date: Date, now: Date, source: string): string {
  const delta = Math.round((date.getTime() - now.getTime()) / 1000);
  if (delta <= 0) return `The ${source} time (${at(date, now)}) has already passed; retrying now is allowed.`;
  return `Retry at ${at(date, now)}, about ${duration(delta)} from now, as ${source} says.`;
}

/** Draft RateLimit headers and the older X-RateLimit-Reset, which some APIs send as a Unix time. */
function rateLimitReset(headers: readonly Header[], now: Date): string | undefined {
  const structured = firstValue(headers, 'ratelimit');
  if (structured !== undefined) {
    const m = /(?:^|[;,\s])(?:t|reset)=(\d{1,10})\b/.exec(structured.slice(0, 500));
    if (m) return inSeconds(Number(m[1]), 'the RateLimit header');
  }
  for (const name of ['RateLimit-Reset', 'X-RateLimit-Reset', 'X-Rate-Limit-Reset']) {
    const raw = firstValue(headers, name)?.trim();
    if (raw === undefined) continue;
    if (!/^\d{1,13}(?:\.\d{1,6})?$/.test(raw))
      return `${name} "${shownValue(raw, 40)}" is not a number; back off before retrying.`;
    const n = Math.ceil(Number(raw));
    // Values this large can only be Unix timestamps (GitHub style), in seconds or milliseconds.
    if (n >= 1e12) return atDate(new Date(n), now, name);
    if (n >= 1e9) return atDate(new Date(n * 1000), now, name);
    return inSeconds(n, name);
  }
  return undefined;
}

export function retryHints(ex: Exchange, now: Date): Hint[] {
  const raw = firstValue(ex.responseHeaders, 'retry-after');
  if (raw !== undefined && ex.status >= 400) {
    const parsed = parseRetryAfter(raw, now);
    if (parsed.kind === 'seconds') return [{ kind: 'retry', text: inSeconds(parsed.seconds, 'Retry-After') }];
    if (parsed.kind === 'date') return [{ kind: 'retry', text: atDate(parsed.date, now, 'Retry-After') }];
    return [
      {
        kind: 'retry',
        text: `Retry-After "${shownValue(raw, 60)}" is neither a number of seconds nor an HTTP date; ignore it and back off.`,
      },
    ];
  }
  if (ex.status === 429) {
    const reset = rateLimitReset(ex.responseHeaders, now);
    return [
      {
        kind: 'retry',
        text:
          reset ??
          'No Retry-After or rate-limit reset header: back off exponentially with jitter (1 s, 2 s, 4 s…).',
      },
    ];
  }
  if (ex.status === 503) {
    return [
      {
        kind: 'retry',
        text: 'No Retry-After: the outage length is unknown, so back off exponentially before retrying.',
      },
    ];
  }
  return [];
}
