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
