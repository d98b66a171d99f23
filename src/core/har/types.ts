/** The parts of HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) we read, all optional: real files omit much. */
export interface HarNameValue {
  name?: unknown;
  value?: unknown;
}

export interface HarEntry {
  startedDateTime?: unknown;
  time?: unknown;
  request?: {
    method?: unknown;
    url?: unknown;
    httpVersion?: unknown;
    headers?: unknown;
    postData?: { mimeType?: unknown; text?: unknown };
  };
  response?: {
    status?: unknown;
    statusText?: unknown;
    httpVersion?: unknown;
    headers?: unknown;
    content?: { size?: unknown; mimeType?: unknown; text?: unknown; encoding?: unknown };
    _error?: unknown;
    /** Playwright's network error for a request that got no response (with status -1). */
    _failureText?: unknown;
    _transferSize?: unknown;
    bodySize?: unknown;
  };
  timings?: Record<string, unknown>;
  serverIPAddress?: unknown;
  _resourceType?: unknown;
  /** Chrome: 'memory' or 'disk' when the response came from the browser's cache. */
  _fromCache?: unknown;
  _error?: unknown;
  _failureText?: unknown;
}

/**
 * Something wrong with an entry that still became an exchange (an empty request URL): reported,
 * naming the place, while the entry's other checks run. `path` is inside the entry: `request.url`.
 */
export interface EntryNote {
  path: string;
  message: string;
}

export type EntryResult =
  | { ok: true; exchange: import('../exchange/types').Exchange; notes?: EntryNote[] }
  | { ok: false; error: string };
