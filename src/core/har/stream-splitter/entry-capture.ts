import { concat } from './bytes';
import { ScanState } from './scan-state';
import type { SplitEntry } from './types';

/**
 * V8's longest string (2^29 − 24 UTF-16 units on 64-bit): an entry's UTF-8 bytes never
 * decode to more units than bytes, so an entry up to this size can always be read as text.
 */
export const MAX_ENTRY_BYTES = 0x1fffffe8;

/**
 * The bytes of the entry being captured: the parts of it earlier chunks held, and the entry
 * handed out once its end is found. Work done once per chunk or per entry, never per byte.
 */
export abstract class EntryCapture extends ScanState {
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

  protected stopCapture(): void {
    this.capturing = false;
    this.parts = [];
    this.partsLength = 0;
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
      column: this.entryOffset - this.entryLineStart + 1,
    };
    if (bytes.length !== size) entry.oversize = { bytes: size, limit: this.maxEntryBytes };
    this.entryBytes = 0;
    this.oversized = false;
    this.entryIndex++;
    return entry;
  }
}
