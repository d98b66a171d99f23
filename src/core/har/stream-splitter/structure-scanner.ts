import {
  BACKSLASH,
  CLOSE_ARR,
  CLOSE_OBJ,
  COLON,
  COMMA,
  OPEN_ARR,
  OPEN_OBJ,
  QUOTE,
  startsValue,
} from './bytes';
import { describeByte, kindOfValue } from './describe';
import { MAX_KEY_BYTES, decodeKey } from './keys';
import {
  CTX_DOC,
  CTX_END,
  CTX_ENTRIES,
  CTX_ERROR,
  CTX_LOG,
  CTX_TOP,
  S_COLON,
  S_COMMA_OR_CLOSE,
  S_ELEM,
  S_ELEM_OR_CLOSE,
  S_IN_KEY,
  S_KEY,
  S_KEY_OR_CLOSE,
  S_VALUE,
} from './states';
import { ValueScanner } from './value-scanner';

/** The first byte of every gzip file (RFC 1952 §2.3.1): HARs are often shared as `.har.gz`. */
const GZIP_FIRST_BYTE = 0x1f;

/**
 * The structure around the entries: the top-level object, `log`, `entries` and the commas,
 * colons and brackets between them. Other members' values are handed to ValueScanner to skip.
 */
export abstract class StructureScanner extends ValueScanner {
  private seenLog = false;
  private seenEntries = false;

  // Key being read (top-level object and "log" only).
  private keyBytes: number[] = [];
  private keyLong = false;
  private keyEscape = false;
  private key = '';

  /** One non-whitespace byte outside keys and skipped values. Returns false after a fatal error. */
  protected structural(c: number, i: number): boolean {
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
          `not a HAR file: expected a JSON object at the top level, found ${describeByte(c)}${this.consumed + i === 0 && c === GZIP_FIRST_BYTE ? ' (a gzip file starts so: decompress it first, for example with gunzip)' : ''}`,
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
      const after = this.entryIndex - 1;
      // A name and ":" where entries are listed: a member left outside its object, most often
      // because a stray "}" closed the entry before it early (a hand-edited HAR).
      const hint =
        c === COLON && after > 0
          ? ` (a member name outside any object: a "}" before it probably closed entry ${after - 1} too early)`
          : '';
      return this.unexpected(c, i, `"," or "]" after entry ${after}${hint}`);
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
    this.entryLineStart = this.lineStart;
    this.entryOffset = this.consumed + i;
    if (c === OPEN_OBJ) this.tryLineMode(i);
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

  protected readKeyByte(c: number): void {
    if (this.keyEscape) this.keyEscape = false;
    else if (c === BACKSLASH) this.keyEscape = true;
    else if (c === QUOTE) {
      this.key = decodeKey(this.keyBytes, this.keyLong);
      this.state = S_COLON;
      return;
    }
    if (this.keyBytes.length < MAX_KEY_BYTES) this.keyBytes.push(c);
    else this.keyLong = true;
  }
}
