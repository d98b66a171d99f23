/**
 * Incremental splitter for HAR files too large to hold as one string (V8 caps strings near
 * 512 MB). Feed it the file's bytes in chunks of any size; it finds `log.entries` and hands
 * back each entry's raw JSON bytes, so memory stays bounded by the largest entry.
 *
 * It checks only the structure needed to find the entries (the top-level object, `log`,
 * `entries` and the commas and brackets between them). Each entry is left for the caller's
 * JSON.parse to validate strictly; other members (`pages`, `creator`…) are skipped by
 * bracket matching. Most of a HAR's bytes sit inside body strings, so the loop that skips
 * strings is kept as tight as it can be. Bytes ≥ 0x80 never equal `"`, `\` or a bracket,
 * so a multi-byte UTF-8 character split across chunks needs no special care.
 */

export interface SplitEntry {
  /** Position in `log.entries`. */
  index: number;
  /**
   * The entry's JSON bytes. May be a view into a chunk given to push(): do not modify
   * chunks after pushing them.
   */
  bytes: Uint8Array;
  /** 1-based line on which the entry starts. */
  line: number;
  /** Byte offset of the entry's first byte. */
  offset: number;
}

export interface SplitError {
  message: string;
  /** 1-based line and byte column of the problem. */
  line: number;
  column: number;
  offset: number;
  /** Set when the input ended or broke inside this entry. */
  entryIndex?: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;

// Where the structural scanner is.
const CTX_DOC = 0; // before the top-level value
const CTX_TOP = 1; // inside the top-level object
const CTX_LOG = 2; // inside "log"
const CTX_ENTRIES = 3; // inside "log.entries"
const CTX_END = 4; // after the top-level object
const CTX_ERROR = 5;

// What it expects next inside an object (TOP, LOG) or the entries array.
const S_KEY_OR_CLOSE = 0;
const S_KEY = 1;
const S_IN_KEY = 2;
const S_COLON = 3;
const S_VALUE = 4;
const S_COMMA_OR_CLOSE = 5;
const S_ELEM_OR_CLOSE = 6;
const S_ELEM = 7;

// What kind of value is being skipped or captured.
const V_CONTAINER = 0;
const V_STRING = 1;
const V_SCALAR = 2;

/** Keys longer than this cannot be "log" or "entries" (even \u-escaped), so their bytes are not kept. */
const MAX_KEY_BYTES = 64;

const BOM = [0xef, 0xbb, 0xbf];

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === NEWLINE || c === 0x0d || c === 0x09;
}

function describeByte(c: number): string {
  return c >= 0x21 && c <= 0x7e ? `"${String.fromCharCode(c)}"` : `byte 0x${c.toString(16).padStart(2, '0')}`;
}

function startsValue(c: number): boolean {
  return (
    c === OPEN_OBJ ||
    c === OPEN_ARR ||
    c === QUOTE ||
    c === 0x74 ||
    c === 0x66 ||
    c === 0x6e ||
    c === 0x2d ||
    (c >= 0x30 && c <= 0x39)
  );
}

function kindOfValue(c: number): string {
  if (c === OPEN_OBJ) return 'an object';
  if (c === OPEN_ARR) return 'an array';
  if (c === QUOTE) return 'a string';
  if (c === 0x74 || c === 0x66) return 'a boolean';
  if (c === 0x6e) return 'null';
  if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return 'a number';
  return `${describeByte(c)}`;
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export class HarStreamSplitter {
  private ctx = CTX_DOC;
  private state = S_VALUE;
  private seenLog = false;
  private seenEntries = false;
  private bomSeen = 0; // bytes of a UTF-8 byte order mark matched so far; -1 once past it

  // Position bookkeeping.
  private consumed = 0; // bytes in earlier chunks
  private line = 1;
  private lineStart = 0; // offset of the current line's first byte

  // Key being read (top-level object and "log" only).
  private keyBytes: number[] = [];
  private keyLong = false;
  private keyEscape = false;
  private key = '';

  // Value being skipped, or captured when it is an entry.
  private skipping = false;
  private valueKind = V_CONTAINER;
  private depth = 0;
  private inString = false;
  private escape = false;
  private capturing = false;
  private captureStart = -1;
  private parts: Uint8Array[] = [];
  private partsLength = 0;
  private entryIndex = 0;
  private entryLine = 0;
  private entryOffset = 0;

  private failure: SplitError | undefined;

  /** The first structural error, once one happened; the splitter then ignores further input. */
  get error(): SplitError | undefined {
    return this.failure;
  }

  /** Bytes pushed so far. */
  get bytesRead(): number {
    return this.consumed;
  }

  /** Entries found so far (including ones the caller may find invalid). */
  get entryCount(): number {
    return this.entryIndex;
  }

  /** Scans one chunk and returns the entries it completed, in order. */
  push(chunk: Uint8Array): SplitEntry[] {
    const out: SplitEntry[] = [];
    const n = chunk.length;
    let i = this.ctx === CTX_ERROR ? n : this.skipBom(chunk);
    this.captureStart = this.capturing ? 0 : -1;
    while (i < n) {
      if (this.skipping) {
        const end = this.skipValue(chunk, i);
        if (this.skipping) break;
        if (this.capturing) out.push(this.finishEntry(chunk, end));
        i = end;
        continue;
      }
      const c = chunk[i]!;
      if (this.state === S_IN_KEY) this.readKeyByte(c);
      else if (c === NEWLINE) this.newline(i);
      else if (!isWhitespace(c) && !this.structural(c, i)) break;
      i++;
    }
    if (this.capturing && this.captureStart >= 0) {
      const rest = chunk.subarray(this.captureStart);
      this.parts.push(rest);
      this.partsLength += rest.length;
    }
    this.consumed += n;
    return out;
  }

  /** Call once after the last chunk: reports input that ended too early or never held a HAR. */
  finish(): SplitError | undefined {
    if (this.failure) return this.failure;
    const at = this.consumed;
    if (this.ctx === CTX_END) return undefined;
    if (this.ctx === CTX_DOC) return this.fail('not valid JSON: the input is empty', at);
    if (this.skipping && this.capturing) {
      return this.fail(
        `unexpected end of file inside entry ${this.entryIndex} (log.entries[${this.entryIndex}], which starts on line ${this.entryLine})`,
        at,
        this.entryIndex,
      );
    }
    const where =
      this.ctx === CTX_ENTRIES
        ? `inside "log.entries" after ${this.entryIndex} ${this.entryIndex === 1 ? 'entry' : 'entries'}`
        : this.ctx === CTX_LOG
          ? 'inside "log"'
          : 'inside the top-level object';
    return this.fail(`unexpected end of file ${where}: the file is cut short`, at);
  }

  /** Skips a UTF-8 byte order mark at the very start (some Windows tools write one). */
  private skipBom(chunk: Uint8Array): number {
    let i = 0;
    while (this.bomSeen >= 0 && i < chunk.length) {
      if (chunk[i] !== BOM[this.bomSeen]) {
        const partial = this.bomSeen > 0;
        this.bomSeen = -1;
        if (!partial) return i;
        this.fail('not valid JSON: the file starts with a broken byte order mark', 0);
        return chunk.length;
      }
      i++;
      if (++this.bomSeen === BOM.length) this.bomSeen = -1;
    }
    return i;
  }

  private newline(i: number): void {
    this.line++;
    this.lineStart = this.consumed + i + 1;
  }

  private fail(message: string, offset: number, entryIndex?: number): SplitError {
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
    this.parts = [];
    this.partsLength = 0;
    return err;
  }

  private unexpected(c: number, i: number, expected: string): false {
    this.fail(`not valid JSON: unexpected ${describeByte(c)}, expected ${expected}`, this.consumed + i);
    return false;
  }

  /** One non-whitespace byte outside keys and skipped values. Returns false after a fatal error. */
  private structural(c: number, i: number): boolean {
    switch (this.ctx) {
      case CTX_DOC:
        if (c === OPEN_OBJ) {
          this.ctx = CTX_TOP;
          this.state = S_KEY_OR_CLOSE;
          return true;
        }
        // Only brackets and quotes say for sure what a value is; "t" may start `true` or prose.
        if (c === OPEN_ARR || c === QUOTE) {
          this.fail(`not a HAR file: the top level is ${kindOfValue(c)}, not an object`, this.consumed + i);
          return false;
        }
        this.fail(
          `not a HAR file: expected a JSON object at the top level, found ${describeByte(c)}`,
          this.consumed + i,
        );
        return false;
      case CTX_END:
        this.fail(
          `not valid JSON: unexpected ${describeByte(c)} after the end of the top-level object`,
          this.consumed + i,
        );
        return false;
      case CTX_ENTRIES:
        return this.entriesByte(c, i);
      case CTX_ERROR:
        return false;
      default:
        return this.objectByte(c, i);
    }
  }

  private entriesByte(c: number, i: number): boolean {
    if (this.state === S_COMMA_OR_CLOSE) {
      if (c === COMMA) {
        this.state = S_ELEM;
        return true;
      }
      if (c === CLOSE_ARR) return this.closeEntries();
      return this.unexpected(c, i, `"," or "]" after entry ${this.entryIndex - 1}`);
    }
    if (c === CLOSE_ARR && this.state === S_ELEM_OR_CLOSE) return this.closeEntries();
    if (!startsValue(c)) {
      return this.unexpected(
        c,
        i,
        this.state === S_ELEM ? `entry ${this.entryIndex} after ","` : 'an entry or "]"',
      );
    }
    // An entry starts here, whatever its type: the caller's parser judges it.
    this.startValue(c, true);
    this.captureStart = i;
    this.entryLine = this.line;
    this.entryOffset = this.consumed + i;
    return true;
  }

  private closeEntries(): boolean {
    this.ctx = CTX_LOG;
    this.state = S_COMMA_OR_CLOSE;
    return true;
  }

  /** A byte of the top-level object or of "log". */
  private objectByte(c: number, i: number): boolean {
    const name = this.ctx === CTX_TOP ? 'the top-level object' : '"log"';
    switch (this.state) {
      case S_KEY_OR_CLOSE:
      case S_KEY:
        if (c === QUOTE) {
          this.state = S_IN_KEY;
          this.keyBytes = [];
          this.keyLong = false;
          this.keyEscape = false;
          return true;
        }
        if (c === CLOSE_OBJ && this.state === S_KEY_OR_CLOSE) return this.closeObject(this.consumed + i);
        return this.unexpected(c, i, `a member name in ${name}`);
      case S_COLON:
        if (c === COLON) {
          this.state = S_VALUE;
          return true;
        }
        return this.unexpected(c, i, `":" after ${JSON.stringify(this.key)} in ${name}`);
      case S_VALUE:
        return this.memberValue(c, i);
      default:
        if (c === COMMA) {
          this.state = S_KEY;
          return true;
        }
        if (c === CLOSE_OBJ) return this.closeObject(this.consumed + i);
        return this.unexpected(c, i, `"," or "}" in ${name}`);
    }
  }

  private memberValue(c: number, i: number): boolean {
    const offset = this.consumed + i;
    if (!startsValue(c)) return this.unexpected(c, i, `a value for ${JSON.stringify(this.key)}`);
    if (this.ctx === CTX_TOP && this.key === 'log') {
      if (this.seenLog) {
        this.fail(
          'not a HAR file: "log" appears twice at the top level, so readers disagree on which counts',
          offset,
        );
        return false;
      }
      this.seenLog = true;
      if (c !== OPEN_OBJ) {
        this.fail(`not a HAR file: "log" is ${kindOfValue(c)}, not an object`, offset);
        return false;
      }
      this.ctx = CTX_LOG;
      this.state = S_KEY_OR_CLOSE;
      return true;
    }
    if (this.ctx === CTX_LOG && this.key === 'entries') {
      if (this.seenEntries) {
        this.fail(
          'not a HAR file: "entries" appears twice in "log", so readers disagree on which counts',
          offset,
        );
        return false;
      }
      this.seenEntries = true;
      if (c !== OPEN_ARR) {
        this.fail(`not a HAR file: "log.entries" is ${kindOfValue(c)}, not an array`, offset);
        return false;
      }
      this.ctx = CTX_ENTRIES;
      this.state = S_ELEM_OR_CLOSE;
      return true;
    }
    this.startValue(c, false);
    return true;
  }

  private closeObject(offset: number): boolean {
    if (this.ctx === CTX_TOP) {
      if (!this.seenLog) {
        this.fail('not a HAR file: no "log" object at the top level', offset);
        return false;
      }
      this.ctx = CTX_END;
      return true;
    }
    if (!this.seenEntries) {
      this.fail('not a HAR file: "log" has no "entries" array', offset);
      return false;
    }
    this.ctx = CTX_TOP;
    this.state = S_COMMA_OR_CLOSE;
    return true;
  }

  private readKeyByte(c: number): void {
    if (this.keyEscape) this.keyEscape = false;
    else if (c === BACKSLASH) this.keyEscape = true;
    else if (c === QUOTE) {
      this.key = this.decodeKey();
      this.state = S_COLON;
      return;
    }
    if (this.keyBytes.length < MAX_KEY_BYTES) this.keyBytes.push(c);
    else this.keyLong = true;
  }

  /** The key as JSON.parse would read it, or a string no HAR member is named when it cannot matter. */
  private decodeKey(): string {
    if (this.keyLong) return '\u0000long';
    let raw = '';
    for (const b of this.keyBytes) {
      if (b >= 0x80 || b < 0x20) return '\u0000other';
      raw += String.fromCharCode(b);
    }
    if (!raw.includes('\\')) return raw;
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      return '\u0000invalid';
    }
  }

  /** Starts skipping (or capturing) a value whose first byte, c, has just been consumed. */
  private startValue(c: number, capture: boolean): void {
    this.skipping = true;
    this.capturing = capture;
    this.parts = [];
    this.partsLength = 0;
    this.escape = false;
    this.inString = c === QUOTE;
    this.depth = c === OPEN_OBJ || c === OPEN_ARR ? 1 : 0;
    this.valueKind = this.depth === 1 ? V_CONTAINER : this.inString ? V_STRING : V_SCALAR;
  }

  /**
   * Advances through the value being skipped from chunk[i]. Returns the index just past the
   * value when it ends in this chunk (and clears `skipping`), else chunk.length.
   */
  private skipValue(chunk: Uint8Array, i: number): number {
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

  private finishEntry(chunk: Uint8Array, end: number): SplitEntry {
    let bytes: Uint8Array;
    if (this.parts.length === 0) bytes = chunk.subarray(this.captureStart, end);
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
    this.entryIndex++;
    return entry;
  }
}

/** Splits a whole HAR held in memory: handy for tests and small inputs. */
export function splitHarBytes(bytes: Uint8Array): { entries: SplitEntry[]; error?: SplitError } {
  const splitter = new HarStreamSplitter();
  const entries = splitter.push(bytes);
  const error = splitter.finish();
  return error ? { entries, error } : { entries };
}
