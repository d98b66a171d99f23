import type { Body, Exchange, Header, RequestBody, Timings } from '../../src/core/exchange/types';

export interface ExchangeSpec {
  method?: string;
  url?: string;
  status?: number;
  statusText?: string;
  /** Response headers, as an object (one line each) or an array (repeats allowed). */
  headers?: Record<string, string> | Header[];
  requestHeaders?: Record<string, string> | Header[];
  /** A string is a text body; an object/array is serialised as JSON; null means known-empty. */
  body?: string | object | null;
  /** Explicit body, overriding `body`. */
  rawBody?: Body;
  resourceType?: string;
  failure?: string;
  /** HAR `response.bodySize`: body bytes on the wire. */
  wireBodySize?: number;
  /** `content.size` as recorded (default -1, unknown). */
  size?: number;
  /** Default HTTP/1.1. */
  httpVersion?: string;
  timings?: Timings;
  /** Chrome's `_fromCache`: answered by the browser's cache. */
  fromCache?: 'memory' | 'disk';
  /** HAR `request.postData`: the exchange's request body. */
  postData?: RequestBody;
}

function toHeaders(h: ExchangeSpec['headers']): Header[] {
  if (!h) return [];
  if (Array.isArray(h)) return h;
  return Object.entries(h).map(([name, value]) => ({ name, value }));
}

/** Builds an exchange for tests. Without `body` the body is *unknown* (not captured). */
export function makeExchange(spec: ExchangeSpec = {}): Exchange {
  let body: Body = { kind: 'unknown', reason: 'not-captured' };
  if (spec.rawBody) body = spec.rawBody;
  else if (spec.body === null) body = { kind: 'empty' };
  else if (typeof spec.body === 'string')
    body = spec.body === '' ? { kind: 'empty' } : { kind: 'text', text: spec.body, size: spec.body.length };
  else if (spec.body !== undefined) {
    const text = JSON.stringify(spec.body);
    body = { kind: 'text', text, size: text.length };
  }
  const ex: Exchange = {
    id: 'test',
    method: spec.method ?? 'GET',
    url: spec.url ?? 'https://api.example.com/things',
    requestHeaders: toHeaders(spec.requestHeaders),
    status: spec.status ?? 200,
    statusText: spec.statusText ?? '',
    responseHeaders: toHeaders(spec.headers),
    httpVersion: spec.httpVersion ?? 'HTTP/1.1',
    startedAt: '',
    time: -1,
    mimeType: '',
    size: spec.size ?? -1,
    body,
  };
  if (spec.resourceType) ex.resourceType = spec.resourceType;
  if (spec.postData) ex.requestBody = spec.postData;
  if (spec.failure) ex.failure = spec.failure;
  if (spec.wireBodySize !== undefined) ex.wireBodySize = spec.wireBodySize;
  if (spec.timings) ex.timings = spec.timings;
  if (spec.fromCache) ex.fromCache = spec.fromCache;
  return ex;
}
