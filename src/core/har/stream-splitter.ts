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
 *
 * The pieces, in stream-splitter/, each class extending the one before: ScanState holds the
 * shared state and the first failure; EntryCapture the bytes of the entry being captured;
 * ValueScanner skips (or captures) one JSON value, the byte loops; StructureScanner walks the
 * structure around the entries; this class feeds them chunk by chunk.
 */

import { BOM, NEWLINE, isWhitespace } from './stream-splitter/bytes';
import { CTX_DOC, CTX_END, CTX_ENTRIES, CTX_ERROR, CTX_LOG, S_IN_KEY } from './stream-splitter/states';
import { StructureScanner } from './stream-splitter/structure-scanner';
import { READ_AGAIN } from './stream-splitter/value-scanner';
import type { SplitEntry, SplitError, SplitterOptions } from './stream-splitter/types';
import { countOf } from '../text/plural';

export type { SplitEntry, SplitError, SplitterOptions } from './stream-splitter/types';
export { MAX_ENTRY_BYTES } from './stream-splitter/entry-capture';

export class HarStreamSplitter extends StructureScanner {
  private bomSeen = 0; // bytes of a UTF-8 byte order mark matched so far; -1 once past it

  constructor(options: SplitterOptions = {}) {
    super();
    if (options.maxEntryBytes !== undefined) this.maxEntryBytes = options.maxEntryBytes;
    if (options.byteByByte === true) this.lineModeOff = true;
  }

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

  /** Entries whose end was found line by line (stream-splitter/line-skipper.ts). */
  get entriesFollowedByLine(): number {
    return this.entriesByLine;
  }

  /** Scans one chunk and returns the entries it completed, in order. */
  push(chunk: Uint8Array): SplitEntry[] {
    const out: SplitEntry[] = [];
    const n = chunk.length;
    this.scan(chunk, this.ctx === CTX_ERROR ? n : this.skipBom(chunk), out);
    this.consumed += n;
    return out;
  }

  /**
   * Call once after the last chunk. Returns the entries whose end only the input's end could
   * settle (see readAgain), and the reason the input was not a whole HAR, if it was not.
   */
  end(): { entries: SplitEntry[]; error?: SplitError } {
    const entries: SplitEntry[] = [];
    // Line mode was still following an entry: read it again byte by byte, which may find
    // that it ended earlier (and more entries after it) or confirm that the input is cut short.
    if (this.lineMode) {
      this.lineModeOff = true;
      this.readAgain(entries);
    }
    const error = this.endError();
    return error ? { entries, error } : { entries };
  }

  private scan(chunk: Uint8Array, from: number, out: SplitEntry[]): void {
    const n = chunk.length;
    let i = from;
    this.chunk = chunk;
    this.captureStart = this.capturing ? 0 : -1;
    while (i < n) {
      if (this.skipping) {
        const end = this.skipValue(chunk, i);
        if (end === READ_AGAIN) {
          // Line mode could not follow the entry: from its `{`, byte by byte.
          const start = this.captureStart >= 0 ? this.captureStart : 0;
          this.readAgain(out);
          this.chunk = chunk;
          this.captureStart = this.capturing ? 0 : -1;
          i = start;
          continue;
        }
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
    if (this.capturing && this.captureStart >= 0) this.keepPart(chunk.subarray(this.captureStart));
  }

  /**
   * Rewinds to the `{` of the entry line mode was following and scans its bytes from earlier
   * chunks again, byte by byte (the caller goes on with the current chunk's part, if any).
   */
  private readAgain(out: SplitEntry[]): void {
    const resume = this.consumed;
    let at = this.entryOffset;
    for (const part of this.rewindToEntry()) {
      this.consumed = at;
      this.scan(part, 0, out);
      at += part.length;
    }
    this.consumed = resume;
  }

  /** Why the input, now ended, was not a whole HAR (if it was not). */
  private endError(): SplitError | undefined {
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
        ? `inside "log.entries" after ${countOf(this.entryIndex, 'entry', 'entries')}`
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
}

/** Splits a whole HAR held in memory: handy for tests and small inputs. */
export function splitHarBytes(
  bytes: Uint8Array,
  options: SplitterOptions = {},
): { entries: SplitEntry[]; error?: SplitError } {
  const splitter = new HarStreamSplitter(options);
  const entries = splitter.push(bytes);
  const end = splitter.end();
  entries.push(...end.entries);
  return end.error ? { entries, error: end.error } : { entries };
}
