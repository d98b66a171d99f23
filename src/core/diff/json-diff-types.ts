import type { JsonType } from '../json/walk';

/* The JSON diff's result and limits (the diff itself: json-diff.ts). */

export type JsonChangeKind = 'added' | 'removed' | 'changed' | 'type-changed';

/** A short, display-safe description of one value (never the whole of a big object). */
export interface JsonValuePreview {
  type: JsonType;
  /** Scalars as JSON text, clipped; containers as "object, 3 members" / "array, 2 items". */
  text: string;
}

export interface JsonChange {
  kind: JsonChangeKind;
  /** RFC 6901 pointer; '' is the whole document. */
  pointer: string;
  /** Absent for `added`. */
  before?: JsonValuePreview;
  /** Absent for `removed`. */
  after?: JsonValuePreview;
}

export interface JsonDiff {
  /** True when the two values are equal (key order aside). */
  equal: boolean;
  /** Listed differences: a container's removed and added members, then what changed inside the
   *  members both have, in the after value's order. */
  changes: JsonChange[];
  /** All differences found, listed or not. */
  total: number;
  /** Differences found but not listed (over `maxChanges` or `maxOutputChars`). */
  omitted: number;
  /** Count per kind over all differences found (listed or not). */
  counts: Record<JsonChangeKind, number>;
  /** False when `maxNodes` stopped the comparison early: then the counts are lower bounds. */
  complete: boolean;
}

export interface JsonDiffLimits {
  /** Differences listed at most (default 500). */
  maxChanges?: number;
  /** Total characters of listed pointers and previews at most (default 1,000,000: a pointer 100,000 levels deep is 200,000). */
  maxOutputChars?: number;
  /** Value pairs compared at most (default 2,000,000). */
  maxNodes?: number;
  /** Characters of one scalar preview at most (default 120). */
  maxPreviewChars?: number;
}

export const JSON_DIFF_DEFAULTS: Required<JsonDiffLimits> = {
  maxChanges: 500,
  maxOutputChars: 1_000_000,
  maxNodes: 2_000_000,
  maxPreviewChars: 120,
};
