import type { Exchange, Header } from './types';

/** Every value of a header, in order. Names compare case-insensitively (RFC 9110 §5.1). */
export function headerValues(headers: readonly Header[], name: string): string[] {
  const wanted = name.toLowerCase();
  const out: string[] = [];
  for (const h of headers) if (h.name.toLowerCase() === wanted) out.push(h.value);
  return out;
}

/**
 * A header's field value, repeated lines joined with ", " as RFC 9110 §5.3 allows for
 * list-based fields. `undefined` when absent.
 */
export function headerValue(headers: readonly Header[], name: string): string | undefined {
  const values = headerValues(headers, name);
  return values.length === 0 ? undefined : values.join(', ');
}

export function hasHeader(headers: readonly Header[], name: string): boolean {
  const wanted = name.toLowerCase();
  return headers.some((h) => h.name.toLowerCase() === wanted);
}

/** Splits a comma-separated list field (Allow, Vary…) into trimmed, non-empty members. */
export function listMembers(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The trimmed members of every Content-Length line: repeated lines and "0, 0" lists, member by member. */
export function contentLengthMembers(headers: readonly Header[]): string[] {
  return headerValues(headers, 'content-length').flatMap((line) => line.split(',').map((v) => v.trim()));
}

/**
 * Whether the request's headers were recorded at all. Captures with only provisional headers,
 * and webRequest monitoring, can have none; a missing request header then proves nothing.
 */
export function requestHeadersRecorded(ex: Pick<Exchange, 'requestHeaders'>): boolean {
  return ex.requestHeaders.length > 0;
}
