import type { Exchange } from '../exchange/types';
import { tidyJsonError } from './json-error';
import { findJsonSyntaxError } from '../json/syntax';
import { normalizeHarEntry } from './normalize';
import { splitHarBytes, type SplitEntry, type SplitError } from './stream-splitter';
import { detectHarEncoding, replacedInvalidUtf8 } from './text-encoding';
import type { EntryNote } from './types';

/**
 * How a HAR file's bytes become exchanges, for every reader: `status-lens lint` (streaming, entry
 * by entry) and the panel's import (the whole file at once, in its worker). Both split the file
 * with HarStreamSplitter and read each entry with readSplitEntry, so an entry the CLI can read
 * the panel can too, a broken entry costs only itself, and a file that breaks part way keeps the
 * entries before the break.
 */

/** Invalid UTF-8 becomes U+FFFD, as reading the file as text would. */
const decoder = new TextDecoder('utf-8');

export type EntryRead =
  /**
   * `notes`: what is wrong with an entry that was still read (every reader reports them).
   * `invalidUtf8`: bytes that are not UTF-8 were read as U+FFFD (a reader says so once per file).
   */
  | { ok: true; exchange: Exchange; notes?: EntryNote[]; invalidUtf8?: true }
  /** `line` (and `column`, when known): where the problem is in the file. */
  | { ok: false; line: number; column?: number; message: string };

/**
 * Where an entry's JSON goes wrong, as a place in the file and the one wording every JSON file
 * gets (core/json/syntax.ts: 'a trailing comma before "}", which JSON does not allow: remove it'),
 * not V8's ("Expected double-quoted property name"). Lines count from the entry's first line,
 * whose column is the entry's own (`firstColumn`, when the splitter gave it). V8's tidied message,
 * and the line alone, when the scanner finds nothing.
 */
function locateJsonError(
  error: unknown,
  text: string,
  firstLine: number,
  firstColumn: number | undefined,
): { message: string; line: number; column?: number } {
  const at = findJsonSyntaxError(text);
  if (at) {
    const line = firstLine + at.line - 1;
    if (at.line > 1) return { message: at.message, line, column: at.column };
    return firstColumn === undefined
      ? { message: at.message, line }
      : { message: at.message, line, column: firstColumn + at.column - 1 };
  }
  const message = error instanceof Error ? error.message : String(error);
  const m = /\s*(?:in JSON )?at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message);
  if (!m) return { message: tidyJsonError(message), line: firstLine };
  const pos = Math.min(Number(m[1]), text.length);
  let line = firstLine;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) line++;
  return { message: tidyJsonError(message.slice(0, m.index) + message.slice(m.index + m[0].length)), line };
}

/**
 * One entry's bytes, as the splitter found them, to an exchange with the given id. Never throws.
 * `decode` turns UTF-8 bytes into text (invalid sequences as U+FFFD); a host may pass a faster
 * native one (the CLI passes Node's).
 */
export function readSplitEntry(
  entry: SplitEntry,
  id: string,
  decode: (bytes: Uint8Array) => string = (b) => decoder.decode(b),
): EntryRead {
  if (entry.oversize) {
    // Longer than V8 can hold as one string: skip it by index and keep reading the rest.
    return {
      ok: false,
      line: entry.line,
      message: `the entry is ${entry.oversize.bytes} bytes, more than the ${entry.oversize.limit} bytes that can be read as one string; it was skipped`,
    };
  }
  const text = decode(entry.bytes);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const where = locateJsonError(err, text, entry.line, entry.column);
    const read: EntryRead = { ok: false, line: where.line, message: `not valid JSON: ${where.message}` };
    if (where.column !== undefined) read.column = where.column;
    return read;
  }
  const result = normalizeHarEntry(raw, id);
  if (!result.ok) return { ok: false, line: entry.line, message: result.error };
  if (replacedInvalidUtf8(text, entry.bytes)) return { ...result, invalidUtf8: true };
  return result;
}

/** Where a note points, from the top of the file: `log.entries[14].request.url`. */
export function notePath(index: number, note: EntryNote): string {
  return `log.entries[${index}].${note.path}`;
}

export interface HarRead {
  exchanges: Exchange[];
  /** Entries that could not be read, in file order. */
  problems: { index: number; line: number; error: string }[];
  /** Entries read with something wrong in them (an empty request URL), in file order. */
  notes: { index: number; line: number; path: string; error: string }[];
  /** Entries the splitter found, readable or not. */
  entryCount: number;
  /** Why reading stopped before the end of the file (nothing after it was read). */
  stopped?: SplitError;
}

/** A whole HAR file held in memory; exchange ids are `idPrefix` + the entry's index. */
export function readHarBytes(bytes: Uint8Array, idPrefix = ''): HarRead {
  // Some Windows tools save HARs as UTF-16: the splitter reads UTF-8, so transcode first.
  const encoding = detectHarEncoding(bytes);
  if (encoding !== 'utf-8') bytes = new TextEncoder().encode(new TextDecoder(encoding).decode(bytes));
  const split = splitHarBytes(bytes);
  const read: HarRead = { exchanges: [], problems: [], notes: [], entryCount: split.entries.length };
  for (const entry of split.entries) {
    const r = readSplitEntry(entry, `${idPrefix}${entry.index}`);
    if (!r.ok) {
      read.problems.push({ index: entry.index, line: r.line, error: r.message });
      continue;
    }
    read.exchanges.push(r.exchange);
    for (const n of r.notes ?? []) {
      read.notes.push({
        index: entry.index,
        line: entry.line,
        path: notePath(entry.index, n),
        error: n.message,
      });
    }
  }
  if (split.error) read.stopped = split.error;
  return read;
}
