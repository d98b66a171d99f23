import { CLOSE_ARR, CLOSE_OBJ, COMMA, NEWLINE, OPEN_ARR, OPEN_OBJ } from './bytes';

/**
 * Line mode: finds where an entry of an indented HAR ends without reading every byte of it.
 *
 * A raw newline never occurs inside a JSON string, so every newline lies between tokens and
 * the bytes after it (indentation, then the line's first token) are structure. Files written
 * with indentation (`JSON.stringify(har, null, n)`: Chrome, Firefox, most recorders) put each
 * member of a non-empty object or array on its own line, indented by depth, with an opener
 * (`{`, `[`) last on its line and each closer (`}`, `]`) first on a line of its own. Line mode
 * follows only that. It jumps from newline to newline with `indexOf` (native: a body string of
 * megabytes costs one call instead of a loop over its bytes), reads each line's indentation
 * and its first and last bytes, and tracks the depth they imply; the entry ends at the closer
 * that brings the depth back to 0. About a tenth of one thread's time in `lint` went to the
 * byte loop this replaces.
 *
 * Every line is checked against that layout: its indentation is the entry's plus depth × the
 * unit its first member line shows, in one kind of byte (spaces or tabs); the entry's `{` is
 * alone on its line; a closer line holds only its bracket and a comma, and the entry's own `}`
 * ends its line; a line may also be blank. The first line that does not fit returns IRREGULAR
 * (line mode is then off for the rest of the input); a chunk that ends before the entry's last
 * line does returns UNDECIDED. Either way the splitter reads the entry again from its first
 * byte, byte by byte.
 *
 * What line mode cannot see is a bracket in the middle of a line. A file written with every
 * line indented as if such brackets balanced, when they do not, could be cut at the wrong
 * closer: only a file made to do that is, and then the cut is never silent, because a slice
 * cut at a closer that starts a line (so is structure, not text) but is not the entry's own is
 * never one JSON value, and the entry's JSON.parse fails with a message naming its line.
 */

/** Returned by skip() when a line does not fit the layout: line mode is off for the rest of the input. */
export const IRREGULAR = -1;
/** Returned by skip() when the chunk ends before the entry's last line does: read this entry again. */
export const UNDECIDED = -2;

const P_REST = 0; // inside a line that is not a closer: looking for its newline
const P_START = 1; // at a line's start: reading its indentation
const P_CLOSER = 2; // after a closer line's bracket: only one "," and whitespace may follow
const P_BLANKS = 3; // on a line with no token: only whitespace may follow

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;

export class LineSkipper {
  private phase = P_REST;
  private depth = 1;
  private entryIndent = 0;
  private unit = 0;
  private indentByte = 0; // SPACE or TAB; 0 until an indented line shows which
  private count = 0; // indentation bytes read on the current line
  private lineByte = 0; // the current line's first indentation byte
  private mixed = false; // the current line's indentation mixes spaces and tabs
  private last = 0; // the current line's last non-blank byte in earlier chunks; 0 when none
  private commaSeen = false;
  private opening = true; // still on the entry's first line, the one holding its `{`

  /** Set by skip(): the entry ended (the returned index is just past its `}`). */
  done = false;
  /** Newlines skip() passed in its last call, and the index just after the last one. */
  newlines = 0;
  lastNewlineEnd = 0;

  /** Starts on an entry whose `{` is the first byte of its line after `indent` bytes of `indentByte`. */
  begin(indent: number, indentByte: number): void {
    this.phase = P_REST;
    this.depth = 1;
    this.entryIndent = indent;
    this.unit = 0;
    this.indentByte = indent > 0 ? indentByte : 0;
    this.count = 0;
    this.last = OPEN_OBJ;
    this.commaSeen = false;
    this.opening = true;
    this.done = false;
  }

  /**
   * Follows the entry from chunk[i]. Returns the index just past its closing `}` (and sets
   * `done`), chunk.length when it goes on in the next chunk, IRREGULAR or UNDECIDED.
   */
  skip(chunk: Uint8Array, i: number): number {
    this.newlines = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.phase === P_REST) {
        const nl = chunk.indexOf(NEWLINE, i);
        const solid = lastSolid(chunk, i, nl < 0 ? n : nl);
        // The entry's `{` must be alone on its line. Ending it is not enough: in `{"a": {` the
        // line's last `{` is not the entry's, and the entry would be cut at a's `}`; and a
        // compact entry would be followed to the end of its line, holding the whole rest of a
        // one-line file before reading it again.
        if (this.opening && solid !== 0) return IRREGULAR;
        if (nl < 0) {
          this.last = solid || this.last;
          return n;
        }
        const last = solid || this.last;
        if (this.opening) this.opening = false;
        else if (last === OPEN_OBJ || last === OPEN_ARR) this.depth++;
        i = this.newline(nl);
        continue;
      }
      if (this.phase === P_START) {
        let c = chunk[i]!;
        while (c === SPACE || c === TAB) {
          if (this.lineByte === 0) this.lineByte = c;
          else if (c !== this.lineByte) this.mixed = true;
          this.count++;
          if (++i === n) return n;
          c = chunk[i]!;
        }
        // A line of blanks holds no token (one was found in a real capture): only blanks to its end.
        if (c === NEWLINE || c === CR) {
          this.phase = P_BLANKS;
          continue;
        }
        if (this.mixed) return IRREGULAR;
        if (this.count > 0) {
          if (this.indentByte === 0) this.indentByte = this.lineByte;
          else if (this.lineByte !== this.indentByte) return IRREGULAR;
        }
        if (c === CLOSE_OBJ || c === CLOSE_ARR) {
          if (this.count !== this.entryIndent + (this.depth - 1) * this.unit) return IRREGULAR;
          if (--this.depth === 0) {
            if (c !== CLOSE_OBJ) return IRREGULAR;
            const ends = endsItsLine(chunk, i + 1);
            if (ends !== true) return ends === false ? IRREGULAR : UNDECIDED;
            this.done = true;
            return i + 1;
          }
          this.phase = P_CLOSER;
          this.commaSeen = false;
          i++;
          continue;
        }
        if (this.unit === 0) {
          this.unit = this.count - this.entryIndent;
          if (this.unit <= 0) return IRREGULAR;
        }
        if (this.count !== this.entryIndent + this.depth * this.unit) return IRREGULAR;
        this.phase = P_REST;
        this.last = c;
        continue;
      }
      const c = chunk[i]!;
      if (c === NEWLINE) {
        i = this.newline(i);
        continue;
      }
      if (c === COMMA && this.phase === P_CLOSER && !this.commaSeen) this.commaSeen = true;
      else if (c !== SPACE && c !== TAB && c !== CR) return IRREGULAR;
      i++;
    }
    return n;
  }

  private newline(at: number): number {
    this.newlines++;
    this.lastNewlineEnd = at + 1;
    this.phase = P_START;
    this.count = 0;
    this.lineByte = 0;
    this.mixed = false;
    this.last = 0;
    return at + 1;
  }
}

/**
 * Whether the entry's `}` ends its line: only blanks and one comma before the newline. A closer
 * line holding more (`}},`) shows a level the lines above opened mid-line, so this `}` may not
 * be the entry's. Undefined when the chunk ends first: the rest of the line is not at hand, and
 * the entry is read again byte by byte, which gives the same answer for any chunks.
 */
function endsItsLine(chunk: Uint8Array, from: number): boolean | undefined {
  let comma = false;
  for (let j = from; j < chunk.length; j++) {
    const c = chunk[j]!;
    if (c === NEWLINE) return true;
    if (c === COMMA && !comma) comma = true;
    else if (c !== SPACE && c !== TAB && c !== CR) return false;
  }
  return undefined;
}

/** The last byte in chunk[from, to) that is not JSON whitespace, or 0 when there is none. */
function lastSolid(chunk: Uint8Array, from: number, to: number): number {
  for (let j = to - 1; j >= from; j--) {
    const c = chunk[j]!;
    if (c !== SPACE && c !== TAB && c !== CR && c !== NEWLINE) return c;
  }
  return 0;
}
