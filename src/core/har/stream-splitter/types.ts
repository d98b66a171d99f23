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
  /**
   * 1-based column of the entry's first byte on its line, in bytes from the line's start (the
   * same as characters unless non-ASCII text precedes it there): where a syntax error on the
   * entry's first line is. Absent from entries made by hand.
   */
  column?: number;
  /**
   * Set when the entry is longer than the splitter's `maxEntryBytes` (by default the longest
   * string V8 can make): its bytes were not kept (`bytes` is empty), so the caller can name
   * and skip it and go on with the next entry.
   */
  oversize?: { bytes: number; limit: number };
}

export interface SplitterOptions {
  /** Entries longer than this many bytes are skipped (see SplitEntry.oversize). */
  maxEntryBytes?: number;
  /**
   * Reads every entry byte by byte, never line by line (stream-splitter/line-skipper.ts): for
   * tests and benchmarks that compare the two.
   */
  byteByByte?: boolean;
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
