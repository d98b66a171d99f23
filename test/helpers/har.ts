/** A HAR 1.2 entry as Chrome records it, for tests. */
export function harEntry(spec: {
  method?: string;
  url: string;
  status: number;
  headers?: Record<string, string>;
  requestHeaders?: Record<string, string>;
  mimeType?: string;
  text?: string;
  encoding?: string;
  resourceType?: string;
  error?: string;
  size?: number;
  /** HAR `request.postData`: the request body. */
  postData?: { mimeType: string; text: string };
}) {
  const headers = Object.entries(spec.headers ?? {}).map(([name, value]) => ({ name, value }));
  const mimeType = spec.mimeType ?? spec.headers?.['Content-Type'] ?? '';
  return {
    startedDateTime: '2026-11-22T10:00:00.000Z',
    time: 12,
    request: {
      method: spec.method ?? 'GET',
      url: spec.url,
      httpVersion: 'HTTP/1.1',
      headers: Object.entries(spec.requestHeaders ?? {}).map(([name, value]) => ({ name, value })),
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: spec.postData ? spec.postData.text.length : 0,
      ...(spec.postData ? { postData: spec.postData } : {}),
    },
    response: {
      status: spec.status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers,
      cookies: [],
      content: {
        size: spec.size ?? (spec.text ? spec.text.length : 0),
        mimeType,
        ...(spec.text !== undefined ? { text: spec.text } : {}),
        ...(spec.encoding ? { encoding: spec.encoding } : {}),
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      ...(spec.error ? { _error: spec.error } : {}),
    },
    cache: {},
    timings: { send: 1, wait: 10, receive: 1 },
    ...(spec.resourceType ? { _resourceType: spec.resourceType } : { _resourceType: 'fetch' }),
  };
}

export function harDocument(entries: unknown[]) {
  return { log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } };
}
