import type { Header } from './types';

/** The precondition header fields of RFC 9110 §13.1. */
export const PRECONDITION_HEADERS = [
  'If-Match',
  'If-None-Match',
  'If-Modified-Since',
  'If-Unmodified-Since',
  'If-Range',
] as const;

/**
 * Request headers that can make a server answer 412 besides the five of RFC 9110 §13.1:
 * WebDAV's `If` and `Overwrite: F` (RFC 4918 §10.4, §10.6). Vendor conditions follow the same
 * naming (`x-goog-if-generation-match`, `x-amz-copy-source-if-match`, `x-ms-if-tags`,
 * CalDAV's `If-Schedule-Tag-Match`), so any name that starts with `if-` or holds `-if-` counts.
 */
const PRECONDITION_NAME = /^if-|-if-|^(?:if|overwrite)$/i;

/** Whether a request header of this name states a precondition (as `sentPrecondition` reads them). */
export const isPreconditionName = (name: string): boolean => PRECONDITION_NAME.test(name);

/**
 * The first request header that states a precondition, or undefined. Tested with a
 * case-insensitive pattern rather than by lower-casing each name: the session rules ask this
 * of every GET, and the pattern allocates nothing. (Without the `u` flag, /i never lets a
 * non-ASCII character match an ASCII one, as lower-casing would not for these letters.)
 */
export function sentPrecondition(requestHeaders: readonly Header[]): string | undefined {
  for (const h of requestHeaders) if (PRECONDITION_NAME.test(h.name)) return h.name;
  return undefined;
}
