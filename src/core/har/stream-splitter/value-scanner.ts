import {
  BACKSLASH,
  CLOSE_ARR,
  CLOSE_OBJ,
  COMMA,
  NEWLINE,
  OPEN_ARR,
  OPEN_OBJ,
  QUOTE,
  isWhitespace,
} from './bytes';
import { EntryCapture } from './entry-capture';
import { IRREGULAR, LineSkipper, UNDECIDED } from './line-skipper';
import { S_COMMA_OR_CLOSE, S_ELEM, V_CONTAINER, V_SCALAR, V_STRING } from './states';

/**
 * The most line mode holds of one entry before reading it again byte by byte: far above the
 * bodies of real API traffic (an entry this long costs one extra pass over its bytes).
 */
const LINE_MODE_HOLD = 64 * 1024 * 1024;

/** Returned by skipValue when the entry line mode was following must be read again, byte by byte. */
export const READ_AGAIN = -1;

/**
 * The skipping of one JSON value, capturing its bytes when it is an entry (the state it shares
 * is in scan-state.ts, the captured bytes in entry-capture.ts). Most of a HAR's bytes sit inside
 * body strings, so the loop that skips strings is kept as tight as it can be, and every loop
 * over bytes is here, in skipValue, stringEnd and line-skipper.ts. Bytes ≥ 0x80 never equal
 * `"`, `\` or a bracket, so a multi-byte UTF-8 character split across chunks needs no special care.
 */
export abstract class ValueScanner extends EntryCapture {
  // The value being skipped, or captured when it is an entry.
  private valueKind = V_CONTAINER;
  private depth = 0;
  private inString = false;
  private escape = false;

  /** The chunk being scanned. */
  protected chunk: Uint8Array = new Uint8Array(0);
  // Line mode (line-skipper.ts): on for an entry whose `{` starts its line; off for good once
  // a line does not fit the layout it follows, off to the end of a chunk that cut an entry's
  // last line or held too much of one.
  private readonly lines = new LineSkipper();
  protected lineModeOff = false;
  /** No line mode for entries starting before this offset (the rest of a chunk where it could not decide). */
  private lineModeAfter = 0;
  /** Entries whose end line mode found (for tests and the benchmark to see that it ran). */
  protected entriesByLine = 0;

  /** Starts skipping (or capturing) a value whose first byte, c, has just been consumed. */
  protected startValue(c: number, capture: boolean): void {
    this.skipping = true;
    this.capturing = capture;
    this.parts = [];
    this.partsLength = 0;
    this.entryBytes = 0;
    this.oversized = false;
    this.escape = false;
    this.inString = c === QUOTE;
    this.depth = c === OPEN_OBJ || c === OPEN_ARR ? 1 : 0;
    this.valueKind = this.depth === 1 ? V_CONTAINER : this.inString ? V_STRING : V_SCALAR;
  }

  /**
   * Advances through the value being skipped from chunk[i]. Returns the index just past the
   * value when it ends in this chunk (and clears `skipping`), else chunk.length.
   */
  protected skipValue(chunk: Uint8Array, i: number): number {
    if (this.lineMode) return this.skipLines(chunk, i);
    const n = chunk.length;
    if (this.valueKind === V_SCALAR) {
      // Numbers and literals end at the first delimiter, which belongs to the enclosing structure.
      while (i < n) {
        const c = chunk[i]!;
        if (
          c === COMMA ||
          c === CLOSE_OBJ ||
          c === CLOSE_ARR ||
          c === QUOTE ||
          c === OPEN_OBJ ||
          c === OPEN_ARR ||
          isWhitespace(c)
        ) {
          return this.endValue(i);
        }
        i++;
      }
      return n;
    }
    if (this.inString) {
      if (this.escape) {
        // The previous chunk ended on a backslash: this byte is escaped, whatever it is.
        this.escape = false;
        i++;
      }
      const end = this.stringEnd(chunk, i);
      if (end < 0) return n;
      this.inString = false;
      if (this.valueKind === V_STRING) return this.endValue(end);
      i = end;
    }
    // The hot loop: locals instead of fields, and one test for each bracket pair
    // ("[" | 0x20 is "{", "]" | 0x20 is "}").
    let depth = this.depth;
    while (i < n) {
      const c = chunk[i]!;
      if (c === QUOTE) {
        const end = this.stringEnd(chunk, i + 1);
        if (end < 0) {
          this.inString = true;
          this.depth = depth;
          return n;
        }
        i = end;
        continue;
      }
      if (c <= 0x20) {
        if (c === NEWLINE) {
          this.line++;
          this.lineStart = this.consumed + i + 1;
        }
      } else {
        const folded = c | 0x20;
        if (folded === OPEN_OBJ) depth++;
        else if (folded === CLOSE_OBJ && --depth === 0) {
          this.depth = 0;
          return this.endValue(i + 1);
        }
      }
      i++;
    }
    this.depth = depth;
    return n;
  }

  /**
   * Follows the entry being captured with line mode if its `{` starts its line, the indentation
   * before it being all spaces or all tabs (and on the current chunk, as it nearly always is).
   */
  protected tryLineMode(i: number): void {
    if (this.lineModeOff || this.consumed + i < this.lineModeAfter) return;
    const chunk = this.chunk;
    const from = this.lineStart - this.consumed;
    if (from < 0) return;
    const indentByte = i > from ? chunk[from]! : 0;
    if (indentByte !== 0 && indentByte !== 0x20 && indentByte !== 0x09) return;
    for (let k = from + 1; k < i; k++) if (chunk[k] !== indentByte) return;
    this.lines.begin(i - from, indentByte);
    this.lineMode = true;
  }

  /** Line mode stays off until the end of this chunk; the caller reads the entry again. */
  private readAgainFrom(chunk: Uint8Array): number {
    this.lineModeAfter = this.consumed + chunk.length;
    return READ_AGAIN;
  }

  /** skipValue in line mode: READ_AGAIN sends the caller back to the entry's first byte. */
  private skipLines(chunk: Uint8Array, i: number): number {
    const lines = this.lines;
    const end = lines.skip(chunk, i);
    if (lines.newlines > 0) {
      this.line += lines.newlines;
      this.lineStart = this.consumed + lines.lastNewlineEnd;
    }
    if (end === IRREGULAR) {
      this.lineModeOff = true;
      return READ_AGAIN;
    }
    if (end === UNDECIDED) return this.readAgainFrom(chunk);
    if (!lines.done) {
      // Past the size an entry may have, its bytes would be dropped (keepPart), and reading
      // it again needs them; and line mode never holds more than LINE_MODE_HOLD, since a line
      // may hold the rest of a file laid out oddly (`{` alone, then every entry on one line),
      // which reading byte by byte would have let go entry by entry. Read it again now.
      const here = chunk.length - Math.max(0, this.captureStart);
      const limit = Math.min(this.maxEntryBytes, LINE_MODE_HOLD);
      return this.entryBytes + here > limit ? this.readAgainFrom(chunk) : chunk.length;
    }
    this.lineMode = false;
    this.depth = 0;
    this.entriesByLine++;
    return this.endValue(end);
  }

  /**
   * Back to just before the `{` of the entry line mode was following. Returns the entry's
   * bytes from earlier chunks, for the caller to scan again (the current chunk's part is
   * scanned again from the entry's start).
   */
  protected rewindToEntry(): Uint8Array[] {
    const held = this.parts;
    this.lineMode = false;
    this.skipping = false;
    this.capturing = false;
    this.captureStart = -1;
    this.parts = [];
    this.partsLength = 0;
    this.entryBytes = 0;
    this.oversized = false;
    this.line = this.entryLine;
    this.lineStart = this.entryLineStart;
    this.state = S_ELEM;
    return held;
  }

  /**
   * Index just past the closing quote of the string being skipped from `from` (which is
   * never in the middle of an escape), or -1 when it runs past the chunk; `escape` then says
   * whether the chunk ended on a backslash. A plain loop beats indexOf here: JSON bodies
   * embedded in a HAR are dense with escaped quotes, so a native search would stop every
   * few bytes anyway.
   */
  private stringEnd(chunk: Uint8Array, from: number): number {
    const n = chunk.length;
    let j = from;
    while (j < n) {
      const c = chunk[j]!;
      if (c === QUOTE) return j + 1;
      j += c === BACKSLASH ? 2 : 1;
    }
    // j is n, or n + 1 when the chunk ended on a backslash whose escaped byte is in the next chunk.
    this.escape = j > n;
    return -1;
  }

  private endValue(end: number): number {
    this.skipping = false;
    this.state = S_COMMA_OR_CLOSE;
    return end;
  }
}
