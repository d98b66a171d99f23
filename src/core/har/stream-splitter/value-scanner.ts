import {
  BACKSLASH,
  CLOSE_ARR,
  CLOSE_OBJ,
  COMMA,
  NEWLINE,
  OPEN_ARR,
  OPEN_OBJ,
  QUOTE,
  concat,
  isWhitespace,
} from './bytes';
import { describeByte } from './describe';
import { IRREGULAR, LineSkipper, UNDECIDED } from './line-skipper';
import {
  CTX_DOC,
  CTX_ERROR,
  S_COMMA_OR_CLOSE,
  S_ELEM,
  S_VALUE,
  V_CONTAINER,
  V_SCALAR,
  V_STRING,
} from './states';
import type { SplitEntry, SplitError } from './types';

/**
 * V8's longest string (2^29 − 24 UTF-16 units on 64-bit): an entry's UTF-8 bytes never
 * decode to more units than bytes, so an entry up to this size can always be read as text.
 */
export const MAX_ENTRY_BYTES = 0x1fffffe8;

/**
 * The most line mode holds of one entry before reading it again byte by byte: far above the
 * bodies of real API traffic (an entry this long costs one extra pass over its bytes).
 */
const LINE_MODE_HOLD = 64 * 1024 * 1024;

/** Returned by skipValue when the entry line mode was following must be read again, byte by byte. */
export const READ_AGAIN = -1;

/**
 * The splitter's shared state (where it is, the first failure, the value in hand) and the
 * skipping of one JSON value, capturing its bytes when it is an entry. Most of a HAR's bytes
 * sit inside body strings, so the loop that skips strings is kept as tight as it can be.
 * Bytes ≥ 0x80 never equal `"`, `\` or a bracket, so a multi-byte UTF-8 character split
 * across chunks needs no special care.
 */
export abstract class ValueScanner {
  protected ctx = CTX_DOC;
  protected state = S_VALUE;

  // Position bookkeeping.
  protected consumed = 0; // bytes in earlier chunks
  protected line = 1;
  protected lineStart = 0; // offset of the current line's first byte

  // Value being skipped, or captured when it is an entry.
  protected skipping = false;
  private valueKind = V_CONTAINER;
  private depth = 0;
  private inString = false;
  private escape = false;
  protected capturing = false;
  protected captureStart = -1;
  protected parts: Uint8Array[] = [];
  protected partsLength = 0;
  protected entryIndex = 0;
  /** Entries over this many bytes are not kept: decoded, they could not be one string. */
  protected maxEntryBytes = MAX_ENTRY_BYTES;
  /** Bytes of the entry being captured in earlier chunks, kept or not. */
  protected entryBytes = 0;
  /** The entry being captured ran past maxEntryBytes: its bytes are being dropped. */
  protected oversized = false;
  protected entryLine = 0;
  protected entryOffset = 0;
  /** Offset of the first byte of the line the entry starts on (to read the entry again). */
  protected entryLineStart = 0;

  /** The chunk being scanned. */
  protected chunk: Uint8Array = new Uint8Array(0);
  // Line mode (line-skipper.ts): on for an entry whose `{` starts its line; off for good once
  // a line does not fit the layout it follows, off to the end of a chunk that cut an entry's
  // last line or held too much of one.
  private readonly lines = new LineSkipper();
  protected lineMode = false;
  protected lineModeOff = false;
  /** No line mode for entries starting before this offset (the rest of a chunk where it could not decide). */
  private lineModeAfter = 0;
  /** Entries whose end line mode found (for tests and the benchmark to see that it ran). */
  protected entriesByLine = 0;

  protected failure: SplitError | undefined;

  protected newline(i: number): void {
    this.line++;
    this.lineStart = this.consumed + i + 1;
  }

  protected fail(message: string, offset: number, entryIndex?: number): SplitError {
    const err: SplitError = {
      message,
      line: this.line,
      column: Math.max(1, offset - this.lineStart + 1),
      offset,
    };
    if (entryIndex !== undefined) err.entryIndex = entryIndex;
    this.failure = err;
    this.ctx = CTX_ERROR;
    this.skipping = false;
    this.capturing = false;
    this.lineMode = false;
    this.parts = [];
    this.partsLength = 0;
    return err;
  }

  protected unexpected(c: number, i: number, expected: string): false {
    this.fail(`not valid JSON: unexpected ${describeByte(c)}, expected ${expected}`, this.consumed + i);
    return false;
  }

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

  /** Keeps the captured part of a chunk that ends inside an entry (unless it is too long). */
  protected keepPart(rest: Uint8Array): void {
    this.entryBytes += rest.length;
    if (!this.oversized && this.entryBytes > this.maxEntryBytes) {
      this.oversized = true;
      this.parts = [];
      this.partsLength = 0;
    }
    if (this.oversized) return;
    this.parts.push(rest);
    this.partsLength += rest.length;
  }

  protected finishEntry(chunk: Uint8Array, end: number): SplitEntry {
    // captureStart is 0 in every chunk after the entry's first.
    const size = this.entryBytes + end - this.captureStart;
    let bytes: Uint8Array;
    if (this.oversized || size > this.maxEntryBytes) bytes = new Uint8Array(0);
    else if (this.parts.length === 0) bytes = chunk.subarray(this.captureStart, end);
    else {
      const tail = chunk.subarray(0, end);
      this.parts.push(tail);
      bytes = concat(this.parts, this.partsLength + tail.length);
    }
    this.parts = [];
    this.partsLength = 0;
    this.capturing = false;
    this.captureStart = -1;
    const entry: SplitEntry = {
      index: this.entryIndex,
      bytes,
      line: this.entryLine,
      offset: this.entryOffset,
    };
    if (bytes.length !== size) entry.oversize = { bytes: size, limit: this.maxEntryBytes };
    this.entryBytes = 0;
    this.oversized = false;
    this.entryIndex++;
    return entry;
  }
}
