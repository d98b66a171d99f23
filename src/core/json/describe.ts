import type { JsonValue } from './walk';
import { countOf } from '../text/plural';
import { clip } from '../text/clip';

/** How much of a value from a response a message quotes: 60 characters, then "…" when cut. */
const PREVIEW_CHARS = 61;

/**
 * Names a JSON value's type with a short preview, for messages: `a number (42)`,
 * `a string ("abc")`, `an array of 3 items`. Never serialises containers, which may be huge.
 */
export function describeValue(v: JsonValue | undefined): string {
  if (v === undefined) return 'absent';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${countOf(v.length, 'item')}`;
  switch (typeof v) {
    case 'string': {
      return `a string (${JSON.stringify(clip(v, PREVIEW_CHARS))})`;
    }
    case 'number':
      return `a number (${String(v)})`;
    case 'boolean':
      return `a boolean (${String(v)})`;
    default:
      return 'an object';
  }
}

/** Quotes a string from a response for a message, cut short so one huge value cannot flood the UI. */
export function quote(s: string): string {
  return JSON.stringify(clip(s, PREVIEW_CHARS));
}
