import type { Exchange, Header } from './types';

/**
 * Whether a recorded header name is `wanted` (lower case), case-insensitively (RFC 9110 §5.1).
 * Rules ask this for every header of every exchange, so for an ASCII `wanted` it compares
 * character by character, folding A–Z, and lower-cases the name only when it holds a non-ASCII
 * character (U+212A KELVIN SIGN lower-cases to `k`). A mismatch at an ASCII character before
 * any other is final: lower-casing maps ASCII to itself, one character for one.
 */
function isNamed(name: string, wanted: string, ascii: boolean): boolean {
  if (name === wanted) return true;
  if (!ascii) return name.toLowerCase() === wanted;
  if (name.length !== wanted.length) return false;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c >= 0x80) return name.toLowerCase() === wanted;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== wanted.charCodeAt(i)) return false;
  }
  return true;
}

const NON_ASCII = /[\u0080-\uffff]/;

/** True when `name` has no upper-case or non-ASCII character: rules ask by such names, so most lookups skip lower-casing it. */
function lowerAscii(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || c >= 0x80) return false;
  }
  return true;
}

/**
 * A test of header names, remembered by name: a HAR repeats a few dozen names thousands of
 * times, and a regular expression per header per entry was a visible part of the CLI's cost.
 */
export function rememberedByName(test: (name: string) => boolean): (name: string) => boolean {
  const seen = new Map<string, boolean>();
  return (name) => {
    let hit = seen.get(name);
    if (hit === undefined) {
      hit = test(name);
      // Bounded: a file of made-up names must not grow this without end.
      if (seen.size >= 4096) seen.clear();
      seen.set(name, hit);
    }
    return hit;
  };
}

/** Every value of a header, in order. Names compare case-insensitively (RFC 9110 §5.1). */
export function headerValues(headers: readonly Header[], name: string): string[] {
  const lower = lowerAscii(name);
  const wanted = lower ? name : name.toLowerCase();
  const ascii = lower || !NON_ASCII.test(wanted);
  const out: string[] = [];
  for (const h of headers) if (isNamed(h.name, wanted, ascii)) out.push(h.value);
  return out;
}

/**
 * A header's field value, repeated lines joined with ", " as RFC 9110 §5.3 allows for
 * list-based fields. `undefined` when absent.
 */
export function headerValue(headers: readonly Header[], name: string): string | undefined {
  if (headers.length === 0) return undefined;
  const lower = lowerAscii(name);
  const wanted = lower ? name : name.toLowerCase();
  const ascii = lower || !NON_ASCII.test(wanted);
  let value: string | undefined;
  for (const h of headers) {
    if (!isNamed(h.name, wanted, ascii)) continue;
    value = value === undefined ? h.value : `${value}, ${h.value}`;
  }
  return value;
}

export function hasHeader(headers: readonly Header[], name: string): boolean {
  if (headers.length === 0) return false;
  const lower = lowerAscii(name);
  const wanted = lower ? name : name.toLowerCase();
  const ascii = lower || !NON_ASCII.test(wanted);
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
