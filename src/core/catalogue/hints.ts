import { headerValue, headerValues } from '../exchange/headers';
import type { Exchange, Header } from '../exchange/types';
import { parseChallenges, type Challenge } from './auth-challenge';
import { parseRetryAfter } from './http-date';
import { explainNetError, explainStatus } from './index';

export type HintKind = 'vendor' | 'auth' | 'retry';

export interface Hint {
  kind: HintKind;
  text: string;
  /** The catalogue entry the hint points to (a status code or a net::ERR_* name), when there is one. */
  ref?: number | string;
}

/** Header text goes into sentences shown to people: drop control characters and keep it short. */
function clip(value: string, max = 120): string {
  let out = '';
  for (const c of value.slice(0, max + 1)) {
    const code = c.charCodeAt(0);
    out += code < 0x20 || code === 0x7f ? ' ' : c;
  }
  out = out.trim();
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}

function safeValue(headers: readonly Header[], name: string): string | undefined {
  const v = headerValue(headers, name);
  return typeof v === 'string' ? v : undefined;
}

function firstValue(headers: readonly Header[], name: string): string | undefined {
  const v = headerValues(headers, name)[0];
  return typeof v === 'string' ? v : undefined;
}

// ---- vendor ------------------------------------------------------------------------------

interface Vendor {
  name: string;
  evidence: string;
}

/** Who answered, judging by the response headers; the most specific signal wins. */
export function detectVendor(headers: readonly Header[]): Vendor | undefined {
  const server = safeValue(headers, 'server')?.trim() ?? '';
  const ray = safeValue(headers, 'cf-ray');
  const serverEvidence = `Server: ${clip(server, 60)}`;
  if (ray !== undefined) return { name: 'Cloudflare', evidence: `CF-RAY ${clip(ray, 60)}` };
  if (/cloudflare/i.test(server.slice(0, 200))) return { name: 'Cloudflare', evidence: serverEvidence };
  if (/^awselb\b/i.test(server)) return { name: 'AWS Application Load Balancer', evidence: serverEvidence };
  if (/^nginx\b/i.test(server)) return { name: 'nginx', evidence: serverEvidence };
  if (/^microsoft-iis\b/i.test(server)) return { name: 'Microsoft IIS', evidence: serverEvidence };
  if (/^envoy\b/i.test(server)) return { name: 'Envoy', evidence: serverEvidence };
  if (/^apache\b/i.test(server)) return { name: 'Apache', evidence: serverEvidence };
  if (safeValue(headers, 'x-amz-cf-id') !== undefined)
    return { name: 'Amazon CloudFront', evidence: 'X-Amz-Cf-Id header' };
  return undefined;
}

function sameVendor(vendorName: string, origin: string): boolean {
  const a = vendorName.toLowerCase();
  const b = origin.toLowerCase();
  return b.includes(a) || a.includes(b);
}

function vendorHints(ex: Exchange): Hint[] {
  const entry = explainStatus(ex.status);
  const vendor = detectVendor(ex.responseHeaders);
  const label = `${ex.status} ${entry.reason}`;
  if (entry.registry === 'unofficial') {
    if (!vendor) {
      return [
        {
          kind: 'vendor',
          text: `No header names the sender; ${label} usually comes from ${entry.origin}.`,
          ref: ex.status,
        },
      ];
    }
    if (sameVendor(vendor.name, entry.origin)) {
      return [
        {
          kind: 'vendor',
          text: `Sent by ${vendor.name} (${vendor.evidence}): ${label} is ${vendor.name}'s own code, not a registered HTTP status.`,
          ref: ex.status,
        },
      ];
    }
    return [
      {
        kind: 'vendor',
        text: `Answered through ${vendor.name} (${vendor.evidence}), but ${label} is normally ${entry.origin}'s code; ${entry.origin} may sit behind it.`,
        ref: ex.status,
      },
    ];
  }
  if (!vendor) return [];
  const text =
    ex.status >= 400
      ? `Answered through ${vendor.name} (${vendor.evidence}); this ${ex.status} may come from ${vendor.name} itself rather than the application.`
      : `Served through ${vendor.name} (${vendor.evidence}).`;
  return [{ kind: 'vendor', text }];
}

// ---- auth --------------------------------------------------------------------------------

const SCHEMES: Record<string, string> = {
  bearer: 'a Bearer token (such as an OAuth 2.0 access token)',
  basic: 'a user name and password (Basic)',
  digest: 'Digest credentials (a hashed user name and password)',
  negotiate: 'Windows integrated sign-in (Negotiate: Kerberos or NTLM)',
  ntlm: 'Windows NTLM sign-in',
  dpop: 'a DPoP-bound access token',
};

function errorWords(error: string, scope: string | undefined): string {
  switch (error) {
    case 'invalid_token':
      return 'The token was rejected (invalid_token): it is expired, revoked, malformed, or issued for another environment or audience. Get a new token and retry.';
    case 'insufficient_scope':
      return `The token is valid but lacks the scope this call needs (insufficient_scope)${scope ? `: ${clip(scope, 80)}` : ''}. Ask for a token with that scope; a fresh token with the same scopes will not help.`;
    case 'invalid_request':
      return 'The request itself is malformed (invalid_request): a missing or repeated parameter, or the token sent in more than one way. Fix the request rather than the token.';
    default:
      return `Error code "${clip(error, 60)}".`;
  }
}

function describeChallenge(ch: Challenge, status: number): string {
  const scheme = ch.scheme.toLowerCase();
  const realm = ch.params.get('realm');
  const error = ch.params.get('error');
  const parts = [
    `Wants ${SCHEMES[scheme] ?? `${clip(ch.scheme, 40)} credentials`}${realm ? ` for realm "${clip(realm, 60)}"` : ''}.`,
  ];
  if (error) parts.push(errorWords(error, ch.params.get('scope')));
  else if (scheme === 'bearer' && status === 401) {
    // RFC 6750 §3.1: without any credentials in the request the server should omit the error code.
    parts.push('No error code, which usually means the request carried no token at all.');
  }
  const description = ch.params.get('error_description');
  if (description) parts.push(`Server says: "${clip(description)}".`);
  const uri = ch.params.get('error_uri');
  if (uri) parts.push(`Details: ${clip(uri)}.`);
  if (scheme === 'digest' && ch.params.get('stale')?.toLowerCase() === 'true') {
    parts.push('The nonce was stale: retry with the new nonce; the password itself was accepted.');
  }
  return parts.join(' ');
}

function authHints(ex: Exchange): Hint[] {
  const proxy = ex.status === 407;
  const field = proxy ? 'Proxy-Authenticate' : 'WWW-Authenticate';
  const values = headerValues(ex.responseHeaders, field).filter((v): v is string => typeof v === 'string');
  // A 403 only gets hints when it carries a challenge (RFC 6750 insufficient_scope).
  if (ex.status === 403 && values.length === 0) return [];
  if (values.length === 0) {
    return [
      {
        kind: 'auth',
        text: `${ex.status} without ${field}: the server does not say which kind of credentials it wants, though RFC 9110 requires it to.`,
      },
    ];
  }
  const challenges: Challenge[] = [];
  let malformed = false;
  for (const v of values) {
    const parsed = parseChallenges(v);
    challenges.push(...parsed.challenges);
    malformed ||= parsed.malformed;
  }
  const hints: Hint[] = challenges
    .slice(0, 4)
    .map((ch) => ({ kind: 'auth', text: describeChallenge(ch, ex.status) }));
  if (challenges.length === 0) {
    hints.push({ kind: 'auth', text: `${field} "${clip(values.join(', '))}" holds no readable challenge.` });
  } else if (malformed) {
    hints.push({
      kind: 'auth',
      text: `${field} is malformed in places; the reading above is a best effort.`,
    });
  }
  return hints;
}

// ---- retry -------------------------------------------------------------------------------

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
      return `${name} "${clip(raw, 40)}" is not a number; back off before retrying.`;
    const n = Math.ceil(Number(raw));
    // Values this large can only be Unix timestamps (GitHub style), in seconds or milliseconds.
    if (n >= 1e12) return atDate(new Date(n), now, name);
    if (n >= 1e9) return atDate(new Date(n * 1000), now, name);
    return inSeconds(n, name);
  }
  return undefined;
}

function retryHints(ex: Exchange, now: Date): Hint[] {
  const raw = firstValue(ex.responseHeaders, 'retry-after');
  if (raw !== undefined && ex.status >= 400) {
    const parsed = parseRetryAfter(raw, now);
    if (parsed.kind === 'seconds') return [{ kind: 'retry', text: inSeconds(parsed.seconds, 'Retry-After') }];
    if (parsed.kind === 'date') return [{ kind: 'retry', text: atDate(parsed.date, now, 'Retry-After') }];
    return [
      {
        kind: 'retry',
        text: `Retry-After "${clip(raw, 60)}" is neither a number of seconds nor an HTTP date; ignore it and back off.`,
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

// ---- failed requests ---------------------------------------------------------------------

function failureHints(ex: Exchange): Hint[] {
  const failure = typeof ex.failure === 'string' ? ex.failure.trim() : '';
  if (failure === '') {
    return [
      {
        kind: 'retry',
        text: 'No response and no recorded reason; the DevTools console usually says whether CORS or a blocker stopped it.',
        ref: 0,
      },
    ];
  }
  // DevTools sometimes decorates the name, e.g. "(failed)net::ERR_FAILED".
  const name = /(?:net::)?err_[a-z0-9_]{1,80}/i.exec(failure.slice(0, 200))?.[0];
  const entry = name ? explainNetError(name) : undefined;
  if (entry)
    return [{ kind: 'retry', text: `${entry.code}: ${entry.summary} ${entry.retry.note}`, ref: entry.code }];
  return [{ kind: 'retry', text: `No response; the browser reported "${clip(failure, 80)}".`, ref: 0 }];
}

/**
 * Plain-language hints drawn from a response's headers: who sent the status, what an auth
 * challenge asks for, and when to retry. Header values are untrusted: this never throws.
 */
export function statusHints(exchange: Exchange, now: Date = new Date()): Hint[] {
  const when = now instanceof Date && !Number.isNaN(now.getTime()) ? now : new Date();
  try {
    if (exchange.status === 0) return failureHints(exchange);
    const hints: Hint[] = [...vendorHints(exchange)];
    if (exchange.status === 401 || exchange.status === 403 || exchange.status === 407)
      hints.push(...authHints(exchange));
    hints.push(...retryHints(exchange, when));
    return hints;
  } catch {
    // Hints are advice on top of the analysis; an exchange corrupted beyond its declared type
    // (say, a HAR header without a name) must cost the hints, not the panel.
    return [];
  }
}
