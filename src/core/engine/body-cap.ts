import type { Exchange } from '../exchange/types';
import { formatBytes } from '../units/bytes';
import { DEFAULT_LIMITS, type EngineLimits } from './context';

/**
 * The body-size cap (settings `capture.bodySizeCap`, the CLI's --body-size-cap), in one
 * place for every reader: live capture, the panel's HAR import and `status-lens lint`. A body is
 * measured in bytes — UTF-8 bytes for text, as the setting is written in bytes — and is over the
 * cap when strictly larger than it, text or binary alike. Over the cap, the exchange is analysed
 * by status and headers only.
 */

/** A body of `size` bytes is too large to read; one exactly at the cap is read. */
export function overBodyCap(size: number, cap: number): boolean {
  return size > cap;
}

/** What the panel says on a row whose body was over the cap. */
export function bodyCapNote(size: number, cap: number): string {
  let [s, c] = [formatBytes(size), formatBytes(cap)];
  // "Body of 10 KiB is over the 10 KiB cap" would read as a contradiction: give the bytes.
  if (s === c) [s, c] = [`${size.toLocaleString('en-US')} B`, `${cap.toLocaleString('en-US')} B`];
  return `Body of ${s} is over the ${c} cap: analysed by headers only.`;
}

/**
 * Replaces a body over the cap with `unknown` / `too-large` (in place: the exchange was just
 * read) and returns the note for it; undefined, and nothing changed, when the body is within it.
 */
export function capBody(exchange: Exchange, cap: number): string | undefined {
  const b = exchange.body;
  if ((b.kind === 'text' || b.kind === 'binary') && overBodyCap(b.size, cap)) {
    exchange.body = { kind: 'unknown', reason: 'too-large', size: b.size };
    return bodyCapNote(b.size, cap);
  }
  return undefined;
}

/** Engine limits for a cap: bodies let in by a raised cap are parsed too, not skipped by the engine. */
export function limitsForBodyCap(cap: number): EngineLimits {
  return { ...DEFAULT_LIMITS, maxParseChars: Math.max(DEFAULT_LIMITS.maxParseChars, cap) };
}
