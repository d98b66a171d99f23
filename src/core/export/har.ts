import type { Exchange, Header } from '../exchange/types';
import { headerValue } from '../exchange/headers';
import { utf8Length } from '../har/body';
import { hideKnownValues, knownSecretValues } from './known-values';
import { parseQueryString, splitUrl } from './query';
import {
  redactBody,
  redactHeaders,
  redactor,
  redactUrl,
  responseMimeType,
  type Redactor,
  type RedactOptions,
} from './redact';

/** The HAR 1.2 shapes we write (http://www.softwareishard.com/blog/har-12-spec/). */
export interface HarNameValuePair {
  name: string;
  value: string;
}

export interface HarExportEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: HarNameValuePair[];
    headers: HarNameValuePair[];
    queryString: HarNameValuePair[];
    postData?: { mimeType: string; text: string; params: HarNameValuePair[] };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarNameValuePair[];
    headers: HarNameValuePair[];
    content: { size: number; mimeType: string; text?: string; comment?: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
    _error?: string;
  };
  cache: Record<string, never>;
  timings: {
    blocked: number;
    dns: number;
    connect: number;
    send: number;
    wait: number;
    receive: number;
    ssl: number;
  };
  serverIPAddress?: string;
  _resourceType?: string;
}

export interface HarDocument {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: HarExportEntry[];
    comment?: string;
  };
}

export interface HarExportOptions extends RedactOptions {
  /** Defaults to { name: "Status Lens", version: "0.0.0" }; pass the extension's version. */
  creator?: { name?: string; version?: string };
}

/** HAR requires a start time; an exchange that never recorded one gets the epoch rather than an invalid date. */
const UNKNOWN_START = '1970-01-01T00:00:00.000Z';

const BODY_COMMENT: Record<string, string> = {
  'not-captured': 'Body not captured',
  'too-large': 'Body over the size cap; not kept',
  'binary-not-fetched': 'Binary body; not fetched',
  'decode-failed': 'Body could not be decoded',
  'still-encoded': 'Body recorded still content-encoded (compressed); not decoded',
};

const pairs = (headers: readonly Header[]): HarNameValuePair[] =>
  headers.map((h) => ({ name: h.name, value: h.value }));

function timingsOf(ex: Exchange): HarExportEntry['timings'] {
  const t = ex.timings ?? {};
  // send, wait and receive are required and non-negative; the rest use -1 for "does not apply".
  const timings = {
    blocked: t.blocked ?? -1,
    dns: t.dns ?? -1,
    connect: t.connect ?? -1,
    send: t.send ?? 0,
    wait: t.wait ?? 0,
    receive: t.receive ?? 0,
    ssl: t.ssl ?? -1,
  };
  const measured = timings.send + timings.wait + timings.receive;
  // With only a total time on record, count it as waiting so the timings add up to `time`.
  if (measured === 0 && ex.time > 0) timings.wait = ex.time;
  return timings;
}

function totalTime(ex: Exchange, t: HarExportEntry['timings']): number {
  if (ex.time >= 0) return ex.time;
  return [t.blocked, t.dns, t.connect, t.send, t.wait, t.receive].reduce((a, b) => a + Math.max(0, b), 0);
}

function entryOf(ex: Exchange, redact: boolean, names: Redactor, known: readonly string[]): HarExportEntry {
  // Credentials hidden by name anywhere in the export are hidden wherever else they appear.
  const hide = (text: string) => (known.length > 0 ? hideKnownValues(text, known) : text);
  const hideIn = (headers: Header[]) => headers.map((h) => ({ name: h.name, value: hide(h.value) }));
  const url = redact ? hide(redactUrl(ex.url, names)) : ex.url;
  // Parsed from the redacted URL, so `url` and `queryString` can never disagree about what was hidden.
  const queryString = parseQueryString(splitUrl(url).query ?? '');
  const reqHeaders = redact ? hideIn(redactHeaders(ex.requestHeaders, names)) : pairs(ex.requestHeaders);
  const resHeaders = redact ? hideIn(redactHeaders(ex.responseHeaders, names)) : pairs(ex.responseHeaders);
  const location = headerValue(ex.responseHeaders, 'location') ?? '';
  const timings = timingsOf(ex);

  const request: HarExportEntry['request'] = {
    method: ex.method,
    url,
    httpVersion: ex.httpVersion,
    cookies: [],
    headers: reqHeaders,
    queryString,
    headersSize: -1,
    bodySize: 0,
  };
  if (ex.requestBody && ex.requestBody.text !== '') {
    const text = redact
      ? hide(redactBody(ex.requestBody.text, ex.requestBody.mimeType, names))
      : ex.requestBody.text;
    request.postData = { mimeType: ex.requestBody.mimeType, text, params: [] };
    request.bodySize = utf8Length(ex.requestBody.text);
  }

  const body = ex.body;
  const mimeType = responseMimeType(ex);
  const content: HarExportEntry['response']['content'] = { size: 0, mimeType };
  if (body.kind === 'text') {
    content.size = body.size;
    content.text = redact ? hide(redactBody(body.text, mimeType, names)) : body.text;
  } else if (body.kind === 'binary') {
    content.size = body.size;
    content.comment = 'Binary body; not kept';
  } else if (body.kind === 'unknown') {
    content.size = body.size ?? Math.max(0, ex.size);
    content.comment = BODY_COMMENT[body.reason] ?? 'Body not captured';
  }

  const entry: HarExportEntry = {
    startedDateTime: ex.startedAt || UNKNOWN_START,
    time: totalTime(ex, timings),
    request,
    response: {
      // A request failed after its response arrived keeps the server's status, as Chrome records it.
      status: ex.serverStatus ?? ex.status,
      statusText: ex.statusText,
      httpVersion: ex.httpVersion,
      cookies: [],
      headers: resHeaders,
      content,
      redirectURL: redact && location ? hide(redactUrl(location, names)) : location,
      headersSize: -1,
      bodySize: ex.wireBodySize ?? (body.kind === 'empty' ? 0 : ex.size >= 0 ? ex.size : -1),
    },
    cache: {},
    timings,
  };
  if (ex.failure) entry.response._error = ex.failure;
  if (ex.serverAddress) entry.serverIPAddress = ex.serverAddress;
  if (ex.resourceType) entry._resourceType = ex.resourceType;
  return entry;
}

/**
 * A HAR 1.2 document of the given exchanges. With redaction on (the default) credential headers,
 * token-like query parameters (in both `url` and `queryString`) and credential-shaped body text
 * read "[REDACTED]", and so does every other copy of a credential value hidden by name
 * (known-values.ts).
 */
export function toHar(exchanges: readonly Exchange[], opts: HarExportOptions = {}): HarDocument {
  const redact = opts.redact ?? true;
  const names = redactor(opts.redaction);
  const known = redact ? knownSecretValues(exchanges, names) : [];
  const doc: HarDocument = {
    log: {
      version: '1.2',
      creator: { name: opts.creator?.name ?? 'Status Lens', version: opts.creator?.version ?? '0.0.0' },
      entries: exchanges.map((ex) => entryOf(ex, redact, names, known)),
    },
  };
  if (redact) doc.log.comment = 'Credentials redacted by Status Lens';
  return doc;
}
