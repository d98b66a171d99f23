import { MAX_GRAPHQL_REQUEST_CHARS } from '../exchange/graphql';
import { isOAuthTokenRequest, specDefined } from '../exchange/spec-defined';
import type { Body, BodyUnknownReason, Exchange, Header } from '../exchange/types';
import { CORS_CREDENTIAL_HEADERS } from '../rules/security/cors-credentials-wildcard';
import { DISCLOSING_HEADERS } from '../rules/security/server-version-disclosure';
import { errorFormatText } from '../rules/session/mixed-error-formats';
import { readsSelfLinkBody } from '../rules/session/location-gone';
import { pollAnswer, POLL_MAX_BODY } from '../rules/session/polling-without-validators';
import { unsafeMethod } from '../rules/session/unsafe-retry';
import { statusFamily } from '../exchange/family';
import { rememberedByName } from '../exchange/headers';
import { fingerprint } from './fingerprint';

/**
 * What of an exchange the session rules read, as small plain data: the CLI's lint workers
 * (`--jobs`) send it with each entry's outcome so the session rules can run on the main thread
 * in capture order without cloning whole exchanges and bodies across threads. The rules give
 * the same findings on a view as on the exchange (the session rule tester checks both).
 */

/**
 * Response headers session rules read (retry hints, validators, caching, where things went;
 * the software and version a server names, for security/server-version-disclosure; the CORS
 * credentials pair, for security/cors-credentials-wildcard).
 */
const RESPONSE_HEADERS = new RegExp(
  '^(?:retry-after|x?-?rate-?limit.*|ratelimit.*|date|location|content-type|etag|last-modified|cache-control|vary|' +
    [...DISCLOSING_HEADERS, ...CORS_CREDENTIAL_HEADERS].map((h) => h.toLowerCase()).join('|') +
    ')$',
  'i',
);

const responseHeader = rememberedByName((name) => RESPONSE_HEADERS.test(name));

/** Stands for a body no session rule reads (its length is all that is left of it). */
const unread = (b: { size: number }): Body => ({ kind: 'unknown', reason: 'not-captured', size: b.size });

function viewBody(ex: Exchange): Body {
  const b = ex.body;
  if (b.kind !== 'text') return b;
  // Error bodies matter only to session/mixed-error-formats, for their format: as much as it reads.
  if (ex.status >= 400) {
    const text = errorFormatText(ex, b.text);
    return text === b.text ? b : { kind: 'text', text, size: b.size };
  }
  // A created resource's body matters only to session/location-gone, for its self link, and
  // only where it reads one (no Location, JSON that mentions "self"): most 201s cross bodiless.
  if (ex.status === 201) return readsSelfLinkBody(ex) ? b : unread(b);
  // Other bodies matter only to session/polling-without-validators, as "the same as last time",
  // and only where it compares them (hashing every body cost the CLI more than all the session
  // rules together): nothing of the rest, and the fingerprint the rule keeps of those it compares.
  if (!pollAnswer(ex)) return unread(b);
  if (b.text.length > POLL_MAX_BODY) return { kind: 'unknown', reason: 'too-large', size: b.size };
  return { kind: 'text', text: fingerprint(b.text), size: b.size };
}

export function sessionView(ex: Exchange): Exchange {
  const view: Exchange = {
    id: ex.id,
    method: ex.method,
    url: ex.url,
    // Whole: a repeated GET is compared under the *first* answer's Vary, which may name a header
    // the repeat's own answer does not (session/duplicate-request), and whether any request
    // header was recorded at all matters (session/unsafe-retry, session/repeated-client-error,
    // which also compares a refused request's credentials, content and precondition headers).
    // A view trimmed to the names a rule reads gave other findings than the exchange, so --jobs
    // changed the report.
    requestHeaders: ex.requestHeaders,
    status: ex.status,
    statusText: '',
    responseHeaders: ex.responseHeaders.filter((h) => responseHeader(h.name)),
    httpVersion: ex.httpVersion,
    startedAt: ex.startedAt,
    time: ex.time,
    mimeType: ex.mimeType,
    size: ex.size,
    body: viewBody(ex),
  };
  // session/unsafe-retry reads a request body's fingerprint, of the methods it judges (POST,
  // PATCH), and session/repeated-client-error of any request answered 4xx (a PUT sent again
  // unchanged). session/mixed-error-formats asks of an error whether another specification defines
  // it (exchange/spec-defined.ts reads a POST's body: grant_type, a GraphQL document), so such a
  // body is kept whole when that says yes: small, as the test reads none over its cap, and one
  // it says no to reads the same fingerprinted (a fingerprint holds no grant_type nor "query").
  if (ex.requestBody !== undefined && (unsafeMethod(ex.method) || statusFamily(ex.status) === '4xx')) {
    const text = ex.requestBody.text;
    // session/unsafe-retry leaves OAuth token requests alone, whatever their answer: their bodies
    // (a few parameters) stay whole too, so a view is known for one as the exchange is.
    // specDefined asks isOAuthTokenRequest first: an error's body is tested once.
    const whole =
      text === '' ||
      (text.length <= MAX_GRAPHQL_REQUEST_CHARS &&
        (ex.status >= 400 ? specDefined(ex) !== undefined : isOAuthTokenRequest(ex)));
    view.requestBody = { mimeType: ex.requestBody.mimeType, text: whole ? text : fingerprint(text) };
  }
  if (ex.timings?.receive !== undefined) view.timings = { receive: ex.timings.receive };
  if (ex.resourceType !== undefined) view.resourceType = ex.resourceType;
  if (ex.failure !== undefined) view.failure = ex.failure;
  // A redirect the browser's cache answered is one it remembered (session/redirect-not-remembered).
  if (ex.fromCache !== undefined) view.fromCache = ex.fromCache;
  return view;
}

/**
 * A session view as it crosses between threads: one flat array, headers as name, value, name,
 * value… Structured clone writes every object's member names and builds every object anew on
 * the other side; a view as objects (the exchange, each header, the body) cost the CLI more to
 * copy than all the session rules cost to run, and as one array it copies in a third of the
 * time (harness numbers in the commit). Positions as the tuple names them.
 */
export type PackedView = [
  id: string,
  method: string,
  url: string,
  status: number,
  httpVersion: string,
  startedAt: string,
  time: number,
  mimeType: string,
  size: number,
  requestHeaders: string[],
  responseHeaders: string[],
  bodyKind: Body['kind'],
  /** A text body's text, an unknown one's reason. */
  bodyText: string | undefined,
  bodySize: number | undefined,
  requestBodyType: string | undefined,
  requestBodyText: string | undefined,
  receive: number | undefined,
  resourceType: string | undefined,
  failure: string | undefined,
  fromCache: Exchange['fromCache'],
];

function flatHeaders(headers: readonly Header[]): string[] {
  const out = new Array<string>(headers.length * 2);
  for (let i = 0; i < headers.length; i++) {
    out[i * 2] = headers[i]!.name;
    out[i * 2 + 1] = headers[i]!.value;
  }
  return out;
}

function headerList(flat: readonly string[]): Header[] {
  const out = new Array<Header>(flat.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = { name: flat[i * 2]!, value: flat[i * 2 + 1]! };
  return out;
}

/** A session view (sessionView) packed to cross threads: unpackView gives it back. */
export function packView(v: Exchange): PackedView {
  const b = v.body;
  return [
    v.id,
    v.method,
    v.url,
    v.status,
    v.httpVersion,
    v.startedAt,
    v.time,
    v.mimeType,
    v.size,
    flatHeaders(v.requestHeaders),
    flatHeaders(v.responseHeaders),
    b.kind,
    b.kind === 'text' ? b.text : b.kind === 'unknown' ? b.reason : undefined,
    b.kind === 'empty' ? undefined : b.size,
    v.requestBody?.mimeType,
    v.requestBody?.text,
    v.timings?.receive,
    v.resourceType,
    v.failure,
    v.fromCache,
  ];
}

function unpackBody(kind: Body['kind'], text: string | undefined, size: number | undefined): Body {
  switch (kind) {
    case 'text':
      return { kind, text: text!, size: size! };
    case 'binary':
      return { kind, size: size! };
    case 'unknown':
      return size === undefined
        ? { kind, reason: text as BodyUnknownReason }
        : { kind, reason: text as BodyUnknownReason, size };
    default:
      return { kind: 'empty' };
  }
}

/** The session view packView packed, equal to the one it was given. */
export function unpackView(p: PackedView): Exchange {
  const view: Exchange = {
    id: p[0],
    method: p[1],
    url: p[2],
    requestHeaders: headerList(p[9]),
    status: p[3],
    statusText: '',
    responseHeaders: headerList(p[10]),
    httpVersion: p[4],
    startedAt: p[5],
    time: p[6],
    mimeType: p[7],
    size: p[8],
    body: unpackBody(p[11], p[12], p[13]),
  };
  if (p[15] !== undefined) view.requestBody = { mimeType: p[14]!, text: p[15] };
  if (p[16] !== undefined) view.timings = { receive: p[16] };
  if (p[17] !== undefined) view.resourceType = p[17];
  if (p[18] !== undefined) view.failure = p[18];
  if (p[19] !== undefined) view.fromCache = p[19];
  return view;
}
