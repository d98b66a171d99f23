/**
 * A URL path as people read it: `/Another%20Test` → `/Another Test`, `/caf%C3%A9` → `/café`,
 * as Chrome's address bar shows a URL. The path comes from recorded traffic, so decoding must
 * never let an escape turn into something that changes how the text reads:
 *
 * - a control character, newline, bidi control (U+202E …), zero-width or other format
 *   character, line or paragraph separator, a space that is not U+0020, a private-use or
 *   unassigned code point: kept as its escape (and written as one when the path holds it raw);
 * - an escape that is not valid UTF-8 (a lone `%C3`, an overlong form, a surrogate): kept;
 * - `%25` `%2F` `%3F` `%23` `%7B` `%7D`: kept, because `%`, `/`, `?` and `#` would make the path
 *   read as a different one, and `{id}` is how a route template writes an id;
 * - a space at the end, or beside another space (HTML shows neither), and a combining mark
 *   that would sit on a `/` or other symbol rather than a letter: kept.
 *
 * For reading only: copies and exports keep the path as recorded (the search matches either).
 * A query is read by readablePathAndQuery, which also keeps what separates its parameters.
 */

/** Characters never shown raw: they are invisible, move or break the text around them. */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]|(?! )\p{Zs}/u;

/** What decoding would make read as another path (or another route template). */
const KEEP_ENCODED = new Set(['%', '/', '?', '#', '{', '}']);

/**
 * In a query, also what would read as another parameter or value: `?q=a%26b` is one parameter,
 * `?q=a&b` two; a form-encoded `+` is a space, so `%2B` decoded would read as one.
 */
const KEEP_ENCODED_IN_QUERY = new Set([...KEEP_ENCODED, '&', '=', '+', ';']);

const MARK = /^\p{M}$/u;
const ATTACHES = /^[\p{L}\p{N}\p{M}]$/u;

/** A hex digit's value, or -1. */
function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
}

/** The byte the escape at `i` stands for, or -1 when there is none. */
function hexByte(s: string, i: number): number {
  if (s.charCodeAt(i) !== 0x25 /* % */) return -1;
  const hi = hexDigit(s.charCodeAt(i + 1));
  const lo = hexDigit(s.charCodeAt(i + 2));
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

/** The code point UTF-8 escapes at `i` encode and how many escapes that takes, or null when they are not valid UTF-8. */
function decodeAt(s: string, i: number): { cp: number; escapes: number } | null {
  const lead = hexByte(s, i);
  if (lead < 0x80) return { cp: lead, escapes: 1 };
  const n = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? (lead < 0xf0 ? 3 : 0) : lead >= 0xc2 ? 2 : 0;
  if (n === 0) return null;
  let cp = lead & (0xff >> (n + 1));
  for (let k = 1; k < n; k++) {
    const b = hexByte(s, i + 3 * k);
    if (b < 0x80 || b > 0xbf) return null;
    cp = (cp << 6) | (b & 0x3f);
  }
  // Overlong forms, UTF-16 surrogates and code points past Unicode are not UTF-8.
  const min = n === 3 ? 0x800 : n === 4 ? 0x10000 : 0x80;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
  return { cp, escapes: n };
}

/** A character written as its UTF-8 escapes (`%E2%80%AE`). */
function escaped(ch: string): string {
  const bytes: number[] = [];
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80) bytes.push(cp);
  else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  else if (cp < 0x10000 && (cp < 0xd800 || cp > 0xdfff))
    bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  else if (cp >= 0x10000)
    bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  // A lone surrogate has no UTF-8 form: the replacement character's, which says as much.
  else bytes.push(0xef, 0xbf, 0xbd);
  return bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/**
 * Whether `ch`, decoded after `prev` (the character shown before it, '' after an escape kept
 * as written) and between the recorded `before` and `rest`, reads as itself.
 */
function showable(
  ch: string,
  prev: string,
  before: string,
  rest: string,
  keep: ReadonlySet<string>,
): boolean {
  if (UNSAFE.test(ch) || keep.has(ch)) return false;
  if (ch === ' ') return rest !== '' && !/(?: |%20)$/.test(before) && !/^(?: |%20)/.test(rest);
  if (MARK.test(ch)) return ATTACHES.test(prev);
  return true;
}

/**
 * Past this length a path is not decoded, only its raw unsafe characters escaped: no route is
 * that long, and a data: URL's megabytes would cost the view a second.
 */
export const READABLE_PATH_MAX = 16_384;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');

export function readablePath(path: string): string {
  return readable(path, KEEP_ENCODED);
}

/**
 * A path, or its last segment, with its query (`Another%20Test?q=caf%C3%A9` → `Another
 * Test?q=café`), as the request list's Name column shows it: the path read as readablePath reads
 * it, the query from its first `?` also keeping `&`, `=`, `+` and `;` escaped.
 */
export function readablePathAndQuery(text: string): string {
  const q = text.indexOf('?');
  if (q < 0) return readable(text, KEEP_ENCODED);
  return readable(text.slice(0, q), KEEP_ENCODED) + readable(text.slice(q), KEEP_ENCODED_IN_QUERY);
}

function readable(path: string, keep: ReadonlySet<string>): string {
  if (!path.includes('%') && !UNSAFE.test(path)) return path;
  if (path.length > READABLE_PATH_MAX) return path.replace(UNSAFE_ALL, escaped);
  let out = '';
  let prev = '';
  let i = 0;
  while (i < path.length) {
    const byte = hexByte(path, i);
    const decoded = byte >= 0 ? decodeAt(path, i) : null;
    if (decoded) {
      const ch = String.fromCodePoint(decoded.cp);
      const end = i + 3 * decoded.escapes;
      const show = showable(ch, prev, path.slice(Math.max(0, i - 3), i), path.slice(end, end + 3), keep);
      out += show ? ch : path.slice(i, end);
      prev = show ? ch : '';
      i = end;
    } else if (byte >= 0) {
      // Escapes that are not UTF-8 (a lone `%C3`, `%FF`): the one byte stays as written.
      out += path.slice(i, i + 3);
      prev = '';
      i += 3;
    } else {
      const code = path.charCodeAt(i);
      // Printable ASCII, most of any path, is safe without asking the pattern.
      const ch = code >= 0x20 && code < 0x7f ? path[i]! : String.fromCodePoint(path.codePointAt(i)!);
      const unsafe = code >= 0x20 && code < 0x7f ? false : UNSAFE.test(ch);
      out += unsafe ? escaped(ch) : ch;
      prev = unsafe ? '' : ch;
      i += ch.length;
    }
  }
  return out;
}
