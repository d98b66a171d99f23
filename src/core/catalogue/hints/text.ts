/** Helpers shared by every hint kind: reading header values safely and clipping them for display. */

import { headerValue, headerValues } from '../../exchange/headers';
import type { Header } from '../../exchange/types';

/** Header text goes into sentences shown to people: drop control characters and keep it short. */
export function clip(value: string, max = 120): string {
  let out = '';
  for (const c of value.slice(0, max + 1)) {
    const code = c.charCodeAt(0);
    out += code < 0x20 || code === 0x7f ? ' ' : c;
  }
  out = out.trim();
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}

export function safeValue(headers: readonly Header[], name: string): string | undefined {
  const v = headerValue(headers, name);
  return typeof v === 'string' ? v : undefined;
}

export function firstValue(headers: readonly Header[], name: string): string | undefined {
  const v = headerValues(headers, name)[0];
  return typeof v === 'string' ? v : undefined;
}
