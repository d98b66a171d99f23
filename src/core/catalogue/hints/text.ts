/** Helpers shared by every hint kind: reading header values safely and clipping them for display. */

import { clip } from '../../text/clip';
import { headerValue, headerValues } from '../../exchange/headers';
import type { Header } from '../../exchange/types';

/**
 * Header text goes into sentences shown to people: control characters become spaces, the ends
 * are trimmed, and it is clipped (core/text/clip) to `max` characters.
 */
export function shownValue(value: string, max = 120): string {
  // Only the part that can be shown is cleaned: a hostile header may be megabytes long.
  let head = '';
  for (const c of value.slice(0, max + 2)) {
    const code = c.charCodeAt(0);
    head += code < 0x20 || code === 0x7f ? ' ' : c;
  }
  return clip(head.trim(), max);
}

export function safeValue(headers: readonly Header[], name: string): string | undefined {
  const v = headerValue(headers, name);
  return typeof v === 'string' ? v : undefined;
}

export function firstValue(headers: readonly Header[], name: string): string | undefined {
  const v = headerValues(headers, name)[0];
  return typeof v === 'string' ? v : undefined;
}
