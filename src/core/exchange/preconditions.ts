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
const OTHER_PRECONDITIONS = new Set(['if', 'overwrite']);

/** The first request header that states a precondition, or undefined. */
export function sentPrecondition(requestHeaders: readonly Header[]): string | undefined {
  for (const h of requestHeaders) {
    const name = h.name.toLowerCase();
    if (name.startsWith('if-') || name.includes('-if-') || OTHER_PRECONDITIONS.has(name)) return h.name;
  }
  return undefined;
}
