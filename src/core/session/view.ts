import { headerValue, listMembers } from '../exchange/headers';
import type { Body, Exchange, Header } from '../exchange/types';
import { pollAnswer, POLL_MAX_BODY } from '../rules/session/polling-without-validators';
import { unsafeMethod } from '../rules/session/unsafe-retry';
import { fingerprint } from './fingerprint';

/**
 * What of an exchange the session rules read, as small plain data: the CLI's lint workers
 * (`--jobs`) send it with each entry's outcome so the session rules can run on the main thread
 * in capture order without cloning whole exchanges and bodies across threads. The rules give
 * the same findings on a view as on the exchange (the session rule tester checks both).
 */

/** Response headers session rules read (retry hints, validators, caching, where things went). */
const RESPONSE_HEADERS =
  /^(?:retry-after|x?-?rate-?limit.*|ratelimit.*|date|location|content-type|etag|last-modified|cache-control|vary)$/i;
/** Request headers they read: what the answer varies by, conditions, ranges, idempotency keys. */
const REQUEST_HEADERS =
  /^(?:accept|accept-language|authorization|cookie|sec-fetch-dest|range|if-.*|.*-if-.*|if|overwrite|.*idempotenc.*|content-type)$/i;
/** Bodies kept as they are: error bodies (their format) and created resources (their self link). */
const KEEP_TEXT = 64 * 1024;

/**
 * Whether a header name matches, remembered by name: a HAR repeats a few dozen names thousands
 * of times, and a regular expression per header per entry was a visible part of the CLI's cost.
 */
function nameTest(pattern: RegExp): (name: string) => boolean {
  const seen = new Map<string, boolean>();
  return (name) => {
    let hit = seen.get(name);
    if (hit === undefined) {
      hit = pattern.test(name);
      // Bounded: a file of made-up names must not grow this without end.
      if (seen.size >= 4096) seen.clear();
      seen.set(name, hit);
    }
    return hit;
  };
}
const responseHeader = nameTest(RESPONSE_HEADERS);
const requestHeader = nameTest(REQUEST_HEADERS);

function keep(
  headers: readonly Header[],
  test: (name: string) => boolean,
  also?: ReadonlySet<string>,
): Header[] {
  return headers.filter((h) => test(h.name) || (also !== undefined && also.has(h.name.toLowerCase())));
}

/** Stands for a body no session rule reads (its length is all that is left of it). */
const unread = (b: { size: number }): Body => ({ kind: 'unknown', reason: 'not-captured', size: b.size });

function viewBody(ex: Exchange): Body {
  const b = ex.body;
  if (b.kind !== 'text') return b;
  if (ex.status >= 400 || (ex.status === 201 && b.text.length <= KEEP_TEXT)) return b;
  // Other bodies matter only to session/polling-without-validators, as "the same as last time",
  // and only where it compares them (hashing every body cost the CLI more than all the session
  // rules together): nothing of the rest, and the fingerprint the rule keeps of those it compares.
  if (!pollAnswer(ex)) return unread(b);
  if (b.text.length > POLL_MAX_BODY) return { kind: 'unknown', reason: 'too-large', size: b.size };
  return { kind: 'text', text: fingerprint(b.text), size: b.size };
}

/**
 * The request headers a view keeps. A GET keeps them all: session/duplicate-request compares a
 * repeated GET under the *first* answer's Vary, which may name a header the repeat's own answer
 * does not, so a view trimmed by its own Vary would miss a duplicate that a lint in one thread
 * reports (and `--jobs` must not change the report).
 */
function viewRequestHeaders(ex: Exchange): Header[] {
  if (ex.method === 'GET') return ex.requestHeaders;
  const varyHeader = headerValue(ex.responseHeaders, 'vary');
  const vary =
    varyHeader === undefined ? undefined : new Set(listMembers(varyHeader).map((n) => n.toLowerCase()));
  return keep(ex.requestHeaders, requestHeader, vary);
}

export function sessionView(ex: Exchange): Exchange {
  const view: Exchange = {
    id: ex.id,
    method: ex.method,
    url: ex.url,
    requestHeaders: viewRequestHeaders(ex),
    status: ex.status,
    statusText: '',
    responseHeaders: keep(ex.responseHeaders, responseHeader),
    httpVersion: ex.httpVersion,
    startedAt: ex.startedAt,
    time: ex.time,
    mimeType: ex.mimeType,
    size: ex.size,
    body: viewBody(ex),
  };
  // Only session/unsafe-retry reads a request body (its fingerprint), and only of the methods it judges.
  if (ex.requestBody !== undefined && unsafeMethod(ex.method))
    view.requestBody = {
      mimeType: ex.requestBody.mimeType,
      text: ex.requestBody.text === '' ? '' : fingerprint(ex.requestBody.text),
    };
  if (ex.timings?.receive !== undefined) view.timings = { receive: ex.timings.receive };
  if (ex.resourceType !== undefined) view.resourceType = ex.resourceType;
  if (ex.failure !== undefined) view.failure = ex.failure;
  return view;
}
