import { readRecordedStatus } from '../exchange/family';
import { contentLengthMembers, headerValues } from '../exchange/headers';
import type { Body, Exchange, Header, Timings } from '../exchange/types';
import { contentToBody } from './body';
import { tidyJsonError } from './json-error';
import { recorderBase64ChunksBody, recorderEncodedBody } from './recorder-encoding';
import type { EntryNote, EntryResult, HarEntry } from './types';
import { isJsonObject as isObject, type JsonValue } from '../json/walk';
import { describeValue } from '../json/describe';

function str(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : fallback;
}

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/**
 * A header value as text. Only primitives are converted: String() on a recorded object or
 * array can throw (`{"toString":1,"valueOf":1}`) or recurse until the stack runs out (an
 * array nested 100,000 deep), and no recorder writes either as a header value anyway.
 */
function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

function headersOf(v: unknown): Header[] {
  if (!Array.isArray(v)) return [];
  const out: Header[] = [];
  for (const h of v) {
    if (isObject(h) && typeof h.name === 'string') out.push({ name: h.name, value: valueText(h.value) });
  }
  return out;
}

const STILL_CHECKED = "the entry's status, headers and body were still checked";

/** Whether the WHATWG URL parser takes `url` as an absolute URL (what a browser could have requested). */
function parsesAsUrl(url: string): boolean {
  try {
    return new URL(url).protocol !== '';
  } catch {
    return false;
  }
}

/**
 * What is wrong with a recorded request URL, or undefined when it is one. HAR 1.2 asks for the
 * absolute URL; Insomnia exports a request that was never sent with `"url": ""` (drf_api.har
 * #14). Such an entry is still read: its status and headers can be checked, only what needs
 * the URL (profile scopes, OpenAPI matching, URL rules) has nothing to go on.
 */
function requestUrlNote(url: string): EntryNote | undefined {
  let what: string | undefined;
  if (url.trim() === '') what = 'the request URL is empty';
  else if (!parsesAsUrl(url)) {
    what = 'the request URL is not an absolute URL (HAR 1.2 records it whole: scheme, host, path)';
  }
  return what === undefined ? undefined : { path: 'request.url', message: `${what}; ${STILL_CHECKED}` };
}

function timingsOf(v: unknown): Timings | undefined {
  if (!isObject(v)) return undefined;
  const t: Timings = {};
  for (const key of ['blocked', 'dns', 'connect', 'ssl', 'send', 'wait', 'receive'] as const) {
    const n = v[key];
    if (typeof n === 'number' && Number.isFinite(n) && n >= 0) t[key] = n;
  }
  return t;
}

/**
 * The response body from HAR `content`. Polly.JS 6 keeps a content-encoded body as base64
 * chunks in a JSON array under `encoding: "base64"`: that is a recorder's record of compressed
 * bytes, not a broken base64 body.
 */
function responseBody(
  text: string | undefined,
  encoding: string,
  mimeType: string,
  size: number,
  headers: readonly Header[],
): Body {
  const chunks = text === undefined ? undefined : recorderBase64ChunksBody(text, encoding, headers);
  return chunks ?? contentToBody(text, encoding, mimeType, size);
}

/**
 * The size to read an empty `content.text` of size 0 by: a body the recorder did not keep when
 * the response says it had one. Internet Explorer's F12 export keeps no body of many answers yet
 * their `Content-Length` (written "5,216"); an error page then read as "empty" was a false
 * `body/empty-error`. The declared length when it reads as one, else -1 (not captured, size
 * unknown); 0 (empty) when no length other than 0 is declared, or the answer never carries
 * content (HEAD, 1xx, 204, 304).
 */
function keptNoBody(method: unknown, status: number, headers: readonly Header[], lengths: string[]): number {
  if (lengths.length === 0 || lengths.every((v) => v === '0')) return 0;
  if (String(method).toUpperCase() === 'HEAD' || status < 200 || status === 204 || status === 304) return 0;
  const line = (headerValues(headers, 'content-length')[0] ?? '').trim();
  // "5,216": digits in groups of three, IE's way of showing a number.
  if (/^\d{1,3}(?:,\d{3})+$/.test(line)) return Number(line.replace(/,/g, ''));
  if (lengths.every((v) => /^\d{1,15}$/.test(v) && v === lengths[0])) return Number(lengths[0]);
  return -1;
}

/**
 * Normalises one HAR 1.2 entry from any recorder (Chrome, Firefox, Playwright, proxies).
 * Only method, URL and status are required; everything else falls back to "unknown".
 */
export function normalizeHarEntry(raw: unknown, id: string): EntryResult {
  if (!isObject(raw))
    return { ok: false, error: `entry is ${describeValue(raw as JsonValue)}, not an object` };
  const entry = raw as HarEntry;
  const req = entry.request;
  const res = entry.response;
  if (!isObject(req)) return { ok: false, error: 'entry has no "request" object' };
  if (!isObject(res)) return { ok: false, error: 'entry has no "response" object' };
  if (typeof req.url !== 'string') return { ok: false, error: 'request.url is missing or not a string' };
  if (typeof req.method !== 'string' || req.method === '') {
    return { ok: false, error: 'request.method is missing or not a string' };
  }
  if (typeof res.status !== 'number' || !Number.isFinite(res.status)) {
    const got =
      res.status === undefined ? 'missing' : `${describeValue(res.status as JsonValue)}, not a number`;
    return { ok: false, error: `response.status is ${got}: a status code is a number such as 200` };
  }
  // A status code is a whole number; 200.5 is not 200 (nor a failed request), it is wrong.
  if (!Number.isInteger(res.status)) {
    return {
      ok: false,
      error: `response.status is ${res.status}, not a whole number: a status code is an integer such as 200`,
    };
  }
  const content = isObject(res.content) ? res.content : {};
  const mimeType = str(content.mimeType);
  const size = num(content.size, -1);
  // Chrome marks a request that got no response with status 0 and `_error`; Playwright with
  // status -1 and `_failureText` (on the response, in some versions on the entry); Firefox
  // with status 0 alone. All of them become status 0, the "failed" family.
  const failure = str(entry._error) || str(res._error) || str(res._failureText) || str(entry._failureText);
  const recorded = readRecordedStatus(res.status);
  // A request the browser failed after the response arrived (CORS, an aborted download) keeps
  // the status the server sent beside the error: Chrome records `status: 200` with
  // `_error: "net::ERR_FAILED"` for a CORS-blocked fetch. The page got no response, so it is
  // failed too; the server's status stays visible as `serverStatus`.
  const status = failure ? 0 : recorded;
  const responseHeaders = headersOf(res.headers);
  const text = typeof content.text === 'string' ? content.text : undefined;
  // Chrome leaves text "" beside the recorded size for a body it no longer holds (contentToBody
  // reads that as not captured); a Content-Length of 0 still says the body was empty.
  const lengths = text === '' ? contentLengthMembers(responseHeaders) : [];
  const declared = size > 0 ? 0 : keptNoBody(req.method, recorded, responseHeaders, lengths);
  const bodySize = lengths.length > 0 && lengths.every((v) => v === '0') ? 0 : declared > 0 ? declared : size;
  const exchange: Exchange = {
    id,
    method: req.method.toUpperCase(),
    url: req.url,
    requestHeaders: headersOf(req.headers),
    status,
    statusText: str(res.statusText),
    responseHeaders,
    httpVersion: str(res.httpVersion) || str(req.httpVersion),
    startedAt: str(entry.startedDateTime),
    time: num(entry.time, -1),
    mimeType,
    size,
    body:
      status === 0 || declared < 0
        ? { kind: 'unknown', reason: 'not-captured' }
        : responseBody(text, str(content.encoding), mimeType, bodySize, responseHeaders),
  };
  if (exchange.body.kind === 'text') {
    exchange.body = recorderEncodedBody(exchange.body.text, exchange.responseHeaders) ?? exchange.body;
  }
  // HAR 1.2: -1 when unknown, 0 for a 304 answered from cache.
  const wire = num(res.bodySize, -1);
  if (wire >= 0) exchange.wireBodySize = wire;
  const timings = timingsOf(entry.timings);
  if (timings) exchange.timings = timings;
  if (isObject(req.postData) && typeof req.postData.text === 'string') {
    exchange.requestBody = { mimeType: str(req.postData.mimeType), text: req.postData.text };
  }
  if (typeof entry._resourceType === 'string') exchange.resourceType = entry._resourceType;
  if (failure) exchange.failure = failure;
  if (failure && recorded !== 0) exchange.serverStatus = recorded;
  if (entry._fromCache === 'memory' || entry._fromCache === 'disk') exchange.fromCache = entry._fromCache;
  if (typeof entry.serverIPAddress === 'string' && entry.serverIPAddress) {
    exchange.serverAddress = entry.serverIPAddress;
  }
  const urlNote = requestUrlNote(req.url);
  return urlNote ? { ok: true, exchange, notes: [urlNote] } : { ok: true, exchange };
}

export interface HarParseResult {
  exchanges: Exchange[];
  /** Entries that could not be read, by index, with the reason. */
  problems: { index: number; error: string }[];
}

/** Reads a whole HAR document already parsed from JSON. Throws nothing. */
export function readHarDocument(doc: unknown, idPrefix = ''): HarParseResult | { error: string } {
  if (!isObject(doc)) return { error: 'not a HAR file: the top level is not a JSON object' };
  const log = doc.log;
  if (!isObject(log)) return { error: 'not a HAR file: no "log" object at the top level' };
  if (!Array.isArray(log.entries)) return { error: 'not a HAR file: "log.entries" is not an array' };
  const exchanges: Exchange[] = [];
  const problems: { index: number; error: string }[] = [];
  log.entries.forEach((raw: unknown, index: number) => {
    const r = normalizeHarEntry(raw, `${idPrefix}${index}`);
    if (r.ok) exchanges.push(r.exchange);
    else problems.push({ index, error: r.error });
  });
  return { exchanges, problems };
}

/** Parses HAR text. Invalid JSON gives a message, never an exception. */
export function parseHar(text: string, idPrefix = ''): HarParseResult | { error: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { error: `not valid JSON: ${tidyJsonError((e as Error).message)}` };
  }
  return readHarDocument(doc, idPrefix);
}
