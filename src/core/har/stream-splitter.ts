/**
 * Incremental splitter for HAR files too large to hold as one string (V8 caps strings near
 * 512 MB). Feed it the file's bytes in chunks of any size; it finds `log.entries` and hands
 * back each entry's raw JSON bytes, so memory stays bounded by the largest entry.
 *
 * It checks only the structure needed to find the entries (the top-level object, `log`,
 * `entries` and the commas and brackets between them). Each entry is left for the caller's
 * JSON.parse to validate strictly; other members (`pages`, `creator`…) are skipped by
 * bracket matching. Strings are skipped with indexOf on `"`, counting the backslashes in
 * front of it, because most of a HAR's bytes sit inside body strings. Bytes ≥ 0x80 never
 * equal `"`, `\` or a bracket, so a multi-byte UTF-8 character split across chunks needs
 * no special care.
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

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === NEWLINE || c === 0x0d || c === 0x09;
}

function describeByte(c: number): string {
  return c >= 0x21 && c <= 0x7e ? `"${String.fromCharCode(c)}"` : `byte 0x${c.toString(16).padStart(2, '0')}`;
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
  private started = false;

  // Position bookkeeping.
  private consumed = 0; // bytes of earlier chunks
  private line = 1;
  private lineStart = 0; // offset of the current line's first byte

  // Key being read (TOP and LOG objects only).
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
  private parts: Uint8Array[] = [];
  private partsLength = 0;
  private entryIndex = 0;
  private entryLine = 0;
  private entryOffset = 0;

  private failure: SplitError | undefined;
  private bom = 0;

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
    if (this.ctx === CTX_ERROR) {
      this.consumed += chunk.length;
      return out;
    }
    const n = chunk.length;
    let i = 0;
    // A UTF-8 byte order mark before the JSON is tolerated (some Windows tools write one).
    while (this.bom < 3 && !this.started && i < n) {
      if (chunk[i] !== [0xef, 0xbb, 0xbf][this.bom]) {
        this.bom = 3;
        break;
      }
      this.bom++;
      i++;
    }
    if (this.bom < 3 && i === n) {
      this.consumed += n;
      return out;
    }
    this.bom = 3;

    let captureStart = this.capturing ? 0 : -1;
    while (i < n) {
      if (this.skipping) {
        const end = this.skipValue(chunk, i);
        if (this.skipping) {
          i = n;
          break;
        }
        if (this.capturing) {
          out.push(this.finishEntry(chunk, captureStart, end));
          captureStart = -1;
        }
        i = end;
        continue;
      }
      const c = chunk[i]!;
      if (this.state === S_IN_KEY) {
        this.readKeyByte(c);
        i++;
        continue;
      }
      if (isWhitespace(c)) {
        if (c === NEWLINE) this.newline(i);
        i++;
        continue;
      }
      if (this.ctx === CTX_ENTRIES && (this.state === S_ELEM_OR_CLOSE || this.state === S_ELEM) && !(c === CLOSE_ARR && this.state === S_ELEM_OR_CLOSE)) {
        // An entry starts here, whatever its type: the caller's parser judges it.
        this.startValue(c, true);
        this.entryLine = this.line;
        this.entryOffset = this.consumed + i;
        captureStart = i;
        i++;
        if (this.valueKind === V_SCALAR) i--; // a scalar's first byte is part of it; rescan it
        continue;
      }
      if (!this.structural(c, i)) break;
      i++;
    }
    if (this.capturing && captureStart >= 0 && this.ctx !== CTX_ERROR) {
      const rest = chunk.subarray(captureStart);
      this.parts.push(rest);
      this.partsLength += rest.length;
    }
    this.consumed += n;
    return out;
  }

  /** Call once after the last chunk: reports input that ended too early or never held a HAR. */
  finish(): SplitError | undefined {
    if (this.failure) return this.failure;
    const at = this.position(this.consumed - this.consumedBeforeLine());
    switch (this.ctx) {
      case CTX_END:
        return undefined;
      case CTX_DOC:
        return this.fail('not valid JSON: the input is empty', at);
    }
    if (this.skipping && this.capturing) {
      return this.fail(
        `unexpected end of file inside entry ${this.entryIndex} (log.entries[${this.entryIndex}], which starts on line ${this.entryLine})`,
        at,
        this.entryIndex,
      );
    }
    const where = this.ctx === CTX_ENTRIES ? `inside log.entries after ${this.entryIndex} entries` : this.ctx === CTX_LOG ? 'inside "log"' : 'inside the top-level object';
    return this.fail(`unexpected end of file ${where}: the file is cut short`, at);
  }

  private consumedBeforeLine(): number {
    return 0;
  }

  private position(_unused: number): number {
    return this.consumed;
  }

  private newline(i: number): void {
    this.line++;
    this.lineStart = this.consumed + i + 1;
  }

  private fail(message: string, offset: number, entryIndex?: number): SplitError {
    const err: SplitError = { message, line: this.line, column: offset - this.lineStart + 1, offset };
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

  /** One structural byte outside any skipped value. Returns false after a fatal error. */
  private structural(c: number, i: number): boolean {
    const offset = this.consumed + i;
    switch (this.ctx) {
      case CTX_DOC:
        this.started = true;
        if (c === OPEN_OBJ) {
          this.ctx = CTX_TOP;
          this.state = S_KEY_OR_CLOSE;
          return true;
        }
        if (c === OPEN_ARR || c === QUOTE || c === 0x74 || c === 0x66 || c === 0x6e || c === 0x2d || (c >= 0x30 && c <= 0x39)) {
          this.fail(`not a HAR file: the top level is ${kindOfValue(c)}, not an object`, offset);
          return false;
        }
        return this.unexpected(c, i, 'a JSON object');
      case CTX_END:
        this.fail(`not valid JSON: unexpected ${describeByte(c)} after the end of the top-level object`, offset);
        return false;
      case CTX_ENTRIES:
        if (this.state === S_ELEM_OR_CLOSE && c === CLOSE_ARR) return this.closeEntries();
        if (this.state === S_COMMA_OR_CLOSE) {
          if (c === COMMA) {
            this.state = S_ELEM;
            return true;
          }
          if (c === CLOSE_ARR) return this.closeEntries();
          return this.unexpected(c, i, `"," or "]" after entry ${this.entryIndex - 1}`);
        }
        return this.unexpected(c, i, 'an entry');
      default:
        return this.objectByte(c, i);
    }
  }

  private closeEntries(): boolean {
    this.ctx = CTX_LOG;
    this.state = S_COMMA_OR_CLOSE;
    return true;
  }

  /** A byte of the top-level object or of "log", outside keys and skipped values. */
  private objectByte(c: number, i: number): boolean {
    const offset = this.consumed + i;
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
        if (c === CLOSE_OBJ && this.state === S_KEY_OR_CLOSE) return this.closeObject(offset);
        return this.unexpected(c, i, `a member name in ${name}`);
      case S_COLON:
        if (c === COLON) {
          this.state = S_VALUE;
          return true;
        }
        return this.unexpected(c, i, `":" after "${this.key}" in ${name}`);
      case S_VALUE:
        return this.memberValue(c, offset);
      case S_COMMA_OR_CLOSE:
        if (c === COMMA) {
          this.state = S_KEY;
          return true;
        }
        if (c === CLOSE_OBJ) return this.closeObject(offset);
        return this.unexpected(c, i, `"," or "}" in ${name}`);
    }
    return this.unexpected(c, i, 'JSON');
  }

  private memberValue(c: number, offset: number): boolean {
    if (this.ctx === CTX_TOP && this.key === 'log') {
      if (this.seenLog) {
        this.fail('not a HAR file: "log" appears twice at the top level, so readers disagree on which one counts', offset);
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
        this.fail('not a HAR file: "entries" appears twice in "log", so readers disagree on which one counts', offset);
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
    if (c === CLOSE_OBJ || c === CLOSE_ARR || c === COMMA || c === COLON) {
      this.fail(`not valid JSON: unexpected ${describeByte(c)}, expected a value for "${this.key}"`, offset);
      return false;
    }
    this.startValue(c, false);
    // A scalar's first byte belongs to it and is rescanned by skipValue; this byte is consumed
    // for containers and strings only, so step back for scalars via the skip loop itself.
    if (this.valueKind === V_SCALAR) this.pendingScalarByte = true;
    return true;
  }

  private pendingScalarByte = false;

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
    if (this.keyEscape) {
      this.keyEscape = false;
    } else if (c === BACKSLASH) {
      this.keyEscape = true;
    } else if (c === QUOTE) {
      this.key = this.decodeKey();
      this.state = S_COLON;
      return;
    }
    if (this.keyBytes.length < MAX_KEY_BYTES) this.keyBytes.push(c);
    else this.keyLong = true;
  }

  private decodeKey(): string {
    if (this.keyLong) return '\u0000long key';
    let raw = '';
    for (const b of this.keyBytes) {
      if (b >= 0x80 || b < 0x20) return '\u0000non-ascii key';
      raw += String.fromCharCode(b);
    }
    if (!raw.includes('\\')) return raw;
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      return '\u0000bad key';
    }
  }

  private startValue(c: number, capture: boolean): void {
    this.skipping = true;
    this.capturing = capture;
    this.parts = [];
    this.partsLength = 0;
    this.inString = false;
    this.escape = false;
    this.depth = 0;
    if (c === OPEN_OBJ || c === OPEN_ARR) {
      this.valueKind = V_CONTAINER;
      this.depth = 1;
    } else if (c === QUOTE) {
      this.valueKind = V_STRING;
      this.inString = true;
    } else {
      this.valueKind = V_SCALAR;
    }
  }

  /**
   * Advances through the value being skipped from chunk[i]. Returns the index just past the
   * value when it ends in this chunk (and clears `skipping`), else chunk.length.
   */
  private skipValue(chunk: Uint8Array, i: number): number {
    const n = chunk.length;
    if (this.valueKind === V_SCALAR) {
      if (this.pendingScalarByte) {
        this.pendingScalarByte = false;
      }
      // Numbers and literals end at the first delimiter, which belongs to the enclosing structure.
      while (i < n) {
        const c = chunk[i]!;
        if (c === COMMA || c === CLOSE_OBJ || c === CLOSE_ARR || isWhitespace(c)) return this.endValue(i);
        if (c === QUOTE || c === OPEN_OBJ || c === OPEN_ARR) return this.endValue(i);
        i++;
      }
      return n;
    }
    while (i < n) {
      if (this.inString) {
        if (this.escape) {
          this.escape = false;
          i++;
          continue;
        }
        let from = i;
        for (;;) {
          const q = chunk.indexOf(QUOTE, from);
          if (q === -1) {
            let k = 0;
            for (let j = n - 1; j >= from && chunk[j] === BACKSLASH; j--) k++;
            this.escape = (k & 1) === 1;
            return n;
          }
          let k = 0;
          for (let j = q - 1; j >= from && chunk[j] === BACKSLASH; j--) k++;
          if ((k & 1) === 1) {
            from = q + 1;
            continue;
          }
          i = q + 1;
          break;
        }
        this.inString = false;
        if (this.valueKind === V_STRING) return this.endValue(i);
        continue;
      }
      const c = chunk[i]!;
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_OBJ || c === OPEN_ARR) this.depth++;
      else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
        if (--this.depth === 0) return this.endValue(i + 1);
      } else if (c === NEWLINE) this.newline(i);
      i++;
    }
    return n;
  }

  private endValue(end: number): number {
    this.skipping = false;
    this.state = S_COMMA_OR_CLOSE;
    return end;
  }

  private finishEntry(chunk: Uint8Array, captureStart: number, end: number): SplitEntry {
    let bytes: Uint8Array;
    if (this.parts.length === 0) bytes = chunk.subarray(captureStart, end);
    else {
      const tail = chunk.subarray(0, end);
      this.parts.push(tail);
      bytes = concat(this.parts, this.partsLength + tail.length);
    }
    this.parts = [];
    this.partsLength = 0;
    this.capturing = false;
    const entry: SplitEntry = { index: this.entryIndex, bytes, line: this.entryLine, offset: this.entryOffset };
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
