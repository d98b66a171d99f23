import { headerValue, listMembers } from '../exchange/headers';
import type { Body, Exchange, Header } from '../exchange/types';
import { textHash } from './fingerprint';

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
/** session/polling-without-validators compares bodies up to this size. */
const POLL_MAX = 1024 * 1024;

function keep(headers: readonly Header[], pattern: RegExp, also: ReadonlySet<string> = new Set()): Header[] {
  return headers.filter((h) => pattern.test(h.name) || also.has(h.name.toLowerCase()));
}

function viewBody(ex: Exchange): Body {
  const b = ex.body;
  if (b.kind !== 'text') return b;
  if (ex.status >= 400 || (ex.status === 201 && b.text.length <= KEEP_TEXT)) return b;
  // Other bodies matter only as "the same as last time" (polling, up to 1 MB): a fingerprint will do.
  if (b.text.length > POLL_MAX) return { kind: 'unknown', reason: 'too-large', size: b.size };
  return { kind: 'text', text: `\u0000${b.text.length}:${textHash(b.text)}`, size: b.size };
}

export function sessionView(ex: Exchange): Exchange {
  const vary = new Set(listMembers(headerValue(ex.responseHeaders, 'vary')).map((n) => n.toLowerCase()));
  const view: Exchange = {
    id: ex.id,
    method: ex.method,
    url: ex.url,
    requestHeaders: keep(ex.requestHeaders, REQUEST_HEADERS, vary),
    status: ex.status,
    statusText: '',
    responseHeaders: keep(ex.responseHeaders, RESPONSE_HEADERS),
    httpVersion: ex.httpVersion,
    startedAt: ex.startedAt,
    time: ex.time,
    mimeType: ex.mimeType,
    size: ex.size,
    body: viewBody(ex),
  };
  if (ex.requestBody !== undefined)
    view.requestBody = {
      mimeType: ex.requestBody.mimeType,
      text:
        ex.requestBody.text === ''
          ? ''
          : `\u0000${ex.requestBody.text.length}:${textHash(ex.requestBody.text)}`,
    };
  if (ex.timings?.receive !== undefined) view.timings = { receive: ex.timings.receive };
  if (ex.resourceType !== undefined) view.resourceType = ex.resourceType;
  if (ex.failure !== undefined) view.failure = ex.failure;
  return view;
}
