import type { Exchange, Header } from './types';

/**
 * Whether a recorded header name is `wanted` (lower case), case-insensitively (RFC 9110 §5.1).
 * Rules ask this for every header of every exchange, so it lower-cases only names of the right
 * length: for an ASCII `wanted` that is exact, since the only character whose lower case is
 * longer (U+0130) does not lower-case to ASCII.
 */
function isNamed(name: string, wanted: string, ascii: boolean): boolean {
  if (name === wanted) return true;
  if (ascii && name.length !== wanted.length) return false;
  return name.toLowerCase() === wanted;
}

const NON_ASCII = /[\u0080-\uffff]/;

/** Every value of a header, in order. Names compare case-insensitively (RFC 9110 §5.1). */
export function headerValues(headers: readonly Header[], name: string): string[] {
  const wanted = name.toLowerCase();
  const ascii = !NON_ASCII.test(wanted);
  const out: string[] = [];
  for (const h of headers) if (isNamed(h.name, wanted, ascii)) out.push(h.value);
  return out;
}

/**
 * A header's field value, repeated lines joined with ", " as RFC 9110 §5.3 allows for
 * list-based fields. `undefined` when absent.
 */
export function headerValue(headers: readonly Header[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  const ascii = !NON_ASCII.test(wanted);
  let value: string | undefined;
  for (const h of headers) {
    if (!isNamed(h.name, wanted, ascii)) continue;
    value = value === undefined ? h.value : `${value}, ${h.value}`;
  }
  return value;
}

export function hasHeader(headers: readonly Header[], name: string): boolean {
  const wanted = name.toLowerCase();
  const ascii = !NON_ASCII.test(wanted);
  for (const h of headers) if (isNamed(h.name, wanted, ascii)) return true;
  return false;
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
