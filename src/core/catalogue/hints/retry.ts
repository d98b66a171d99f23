/** Retry hints: when to try again, from Retry-After or rate-limit reset headers. */

import type { Exchange, Header } from '../../exchange/types';
import { parseRetryAfter } from '../http-date';
import { readRateLimitReset, unspentReset } from '../retry-delay';
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
  const reset = readRateLimitReset(headers);
  if (!reset) return undefined;
  const source = reset.name === 'RateLimit' ? 'the RateLimit header' : reset.name;
  if (reset.kind === 'invalid')
    return `${reset.name} "${shownValue(reset.raw, 40)}" is not a number; back off before retrying.`;
  if (reset.kind === 'epoch') return atDate(reset.at, now, source);
  return inSeconds(reset.seconds, source);
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
    const unspent = reset === undefined ? unspentReset(ex.responseHeaders) : undefined;
    const none = unspent
      ? `No Retry-After, and ${unspent.name} resets a quota that is not spent (${shownValue(unspent.left, 60)}), not the limit this 429 hit`
      : 'No Retry-After or rate-limit reset header';
    return [
      { kind: 'retry', text: reset ?? `${none}: back off exponentially with jitter (1 s, 2 s, 4 s…).` },
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
