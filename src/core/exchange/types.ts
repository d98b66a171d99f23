/** One header line. Names keep their original case; lookups are case-insensitive (RFC 9110 §5.1). */
export interface Header {
  name: string;
  value: string;
}

/**
 * What we know about a response body. `unknown` is not the same as `empty`:
 * a body we never saw must not trigger rules that assume there was nothing.
 */
export type Body =
  | { kind: 'empty' }
  | { kind: 'text'; text: string; size: number }
  | { kind: 'binary'; size: number }
  | { kind: 'unknown'; reason: BodyUnknownReason; size?: number };

/** `still-encoded`: the recorder kept the compressed bytes (Polly.JS's hex chunks of a gzip body). */
export type BodyUnknownReason =
  'not-captured' | 'too-large' | 'binary-not-fetched' | 'decode-failed' | 'still-encoded';

export interface Timings {
  blocked?: number;
  dns?: number;
  connect?: number;
  ssl?: number;
  send?: number;
  wait?: number;
  receive?: number;
}

export interface RequestBody {
  mimeType: string;
  text: string;
}

/** The one shape every source (live DevTools traffic, any HAR) is normalised into. */
export interface Exchange {
  id: string;
  method: string;
  url: string;
  requestHeaders: Header[];
  requestBody?: RequestBody;
  status: number;
  statusText: string;
  responseHeaders: Header[];
  httpVersion: string;
  /** ISO 8601 start time, or '' when the source did not say. */
  startedAt: string;
  /** Total time in ms, -1 when unknown. */
  time: number;
  timings?: Timings;
  /** Chrome's `_resourceType` (fetch, xhr, document, script…) when the source gives it. */
  resourceType?: string;
  /** Why a request got no response: HAR `_error`, e.g. `net::ERR_CONNECTION_REFUSED`. */
  failure?: string;
  /**
   * The status the server sent when the browser failed the request after the response
   * arrived (`status` is then 0): a CORS-blocked fetch, a download cut short.
   */
  serverStatus?: number;
  /** `content.mimeType` as recorded (may differ from the Content-Type header). */
  mimeType: string;
  /** Body size in bytes as recorded, -1 when unknown. */
  size: number;
  /**
   * Body bytes that crossed the wire (HAR `response.bodySize`), when the recorder says. Not the
   * same as `size`: Chrome records a cached copy's content on a 304 whose wire body was empty.
   */
  wireBodySize?: number;
  serverAddress?: string;
  /** Chrome's `_fromCache`: answered from the memory or disk cache, no request on the wire. */
  fromCache?: 'memory' | 'disk';
  body: Body;
}
