import { REDACTED } from '../secrets/redact-text';
import { CLIPPED } from '../text/clip';

/*
 * A text shortened by clip() (text/clip.ts) may end a known value part-way: a session finding
 * quotes its request as `GET /path?query`, kept to 80 characters, so a token at the end of a long
 * URL reads `?t=Qz7m…`. The whole value is then nowhere to be found and hidden, yet its first
 * characters are shown. These find and hide such a beginning, right before the "…", where a URL
 * was cut: after a path, query or fragment delimiter. A finding that shows a secret's start on
 * purpose, to say what kind it is (maskSecret's `ghp_abcd…`, a JWT's `eyJhbGciOi…`, quoted in
 * parentheses), keeps it: the real captures hold such a JWT, also sent in a header.
 */

/** What a value in a URL follows: the path's and query's delimiters. */
const URL_DELIMITERS = new Set(['/', '=', '?', '&', ';', '#', ':']);

/** A cut value's beginning is hidden from this many characters on: fewer tell next to nothing. */
const MIN_CUT = 4;

/** How many first characters of `value` stand right before `end` in `text`, after a URL delimiter (the longest), or 0. */
function cutLength(text: string, end: number, value: string): number {
  for (let k = Math.min(value.length - 1, end); k >= MIN_CUT; k--) {
    const after = end - k === 0 || URL_DELIMITERS.has(text[end - k - 1]!);
    if (after && text.startsWith(value.slice(0, k), end - k)) return k;
  }
  return 0;
}

/** Whether `text` was clipped part-way through `value`. */
export function holdsCutValue(text: string, value: string): boolean {
  for (let at = text.indexOf(CLIPPED); at >= 0; at = text.indexOf(CLIPPED, at + 1))
    if (cutLength(text, at, value) > 0) return true;
  return false;
}

/** `text` with the beginning of each value clip() cut hidden: `?t=Qz7m…` → `?t=[REDACTED]…`. */
export function hideCutValues(text: string, values: readonly string[]): string {
  let out = '';
  let last = 0;
  for (let at = text.indexOf(CLIPPED); at >= 0; at = text.indexOf(CLIPPED, at + 1)) {
    let k = 0;
    for (const v of values) k = Math.max(k, cutLength(text, at, v));
    if (k === 0 || at - k < last) continue;
    out += text.slice(last, at - k) + REDACTED;
    last = at;
  }
  return last === 0 ? text : out + text.slice(last);
}
