/**
 * JSON-aware diff of two parsed JSON values: what a person checking "did my fix change the
 * response?" wants to read, and what `status-lens diff` reuses for response shapes.
 *
 * - Key order is ignored: `{"a":1,"b":2}` equals `{"b":2,"a":1}`.
 * - Each difference names its place with an RFC 6901 JSON Pointer. A member present only after
 *   is `added`, only before `removed`; a scalar with another value of the same JSON type is
 *   `changed`; a value whose JSON type differs (number → string, object → array, x → null) is
 *   `type-changed` and not descended into.
 * - Arrays: elements equal at the start and at the end are skipped (by `===` on scalars), so one
 *   element inserted in the middle of a list of numbers is one `added`, not a change per index.
 *   When every element of both arrays is an object with a unique scalar `id` (or `_id`, `uuid`,
 *   `key`), elements are matched by that identity instead of by index: a list reordered or with
 *   one record removed reads as exactly that. Otherwise the middle parts are compared index by
 *   index and the longer one's tail is added/removed. Pointers of `removed` elements index the
 *   before document; every other pointer indexes the after document.
 * - Iterative (an explicit stack of frames linked to their parents), so 100,000 levels of nesting
 *   cannot overflow the call stack; a pointer is built only for a reported difference.
 * - Bounded: at most `maxChanges` differences are listed and their pointers and previews stay
 *   under `maxOutputChars` in total; the others are counted in `omitted`. At most `maxNodes`
 *   pairs are compared; past that `complete` is false and the counts are lower bounds.
 *
 * Pure TypeScript (src/core): runs in the analysis worker, the CLI and tests.
 */
import { clip } from '../text/clip';
import { nounFor } from '../text/plural';
import { jsonPointer } from '../json/pointer';
import { isJsonObject, isObjectOrArray, jsonType, type JsonType, type JsonValue } from '../json/walk';

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

/** Members that identify a record in a list, tried in this order. */
const IDENTITY_KEYS = ['id', '_id', 'uuid', 'key'] as const;

export function previewJson(v: JsonValue, maxChars = JSON_DIFF_DEFAULTS.maxPreviewChars): JsonValuePreview {
  const type = jsonType(v);
  if (type === 'array') {
    const n = (v as JsonValue[]).length;
    return { type, text: `array, ${n.toLocaleString('en-US')} ${nounFor(n, 'item')}` };
  }
  if (type === 'object') {
    const n = Object.keys(v as object).length;
    return { type, text: `object, ${n.toLocaleString('en-US')} ${nounFor(n, 'member')}` };
  }
  // Scalars only: JSON.stringify of a string/number/boolean/null cannot recurse.
  return { type, text: clip(JSON.stringify(v), maxChars) };
}

/** One pair of values to compare, linked to its parent so a pointer can be built on demand. */
interface Frame {
  before: JsonValue;
  after: JsonValue;
  parent: Frame | null;
  segment: string | number;
  /** The pointer, once built (only for frames whose children were reported). */
  pointer?: string;
}

const hasOwn = (o: object, k: string): boolean => Object.hasOwn(o, k);

export function diffJson(before: JsonValue, after: JsonValue, limits: JsonDiffLimits = {}): JsonDiff {
  const lim = { ...JSON_DIFF_DEFAULTS, ...limits };
  const counts: Record<JsonChangeKind, number> = { added: 0, removed: 0, changed: 0, 'type-changed': 0 };
  const changes: JsonChange[] = [];
  let total = 0;
  let outputChars = 0;
  let listing = true;

  /** Builds a frame's pointer walking up to the nearest ancestor that has one (iterative). */
  const pointerOf = (frame: Frame): string => {
    if (frame.pointer !== undefined) return frame.pointer;
    const segments: (string | number)[] = [];
    let f: Frame | null = frame;
    let base = '';
    while (f) {
      if (f.pointer !== undefined) {
        base = f.pointer;
        break;
      }
      if (f.parent === null) break; // the root frame: pointer ''
      segments.push(f.segment);
      f = f.parent;
    }
    segments.reverse();
    frame.pointer = base + jsonPointer(segments);
    return frame.pointer;
  };

  const report = (
    kind: JsonChangeKind,
    parent: Frame | null,
    segment: string | number | null,
    b: JsonValue | undefined,
    a: JsonValue | undefined,
  ): void => {
    total++;
    counts[kind]++;
    if (!listing) return;
    if (changes.length >= lim.maxChanges) {
      listing = false;
      return;
    }
    // The parent's pointer is cached on it, so siblings reported together share one build.
    const pointer =
      parent === null
        ? ''
        : segment === null
          ? pointerOf(parent)
          : pointerOf(parent) + jsonPointer([segment]);
    const change: JsonChange = { kind, pointer };
    if (b !== undefined) change.before = previewJson(b, lim.maxPreviewChars);
    if (a !== undefined) change.after = previewJson(a, lim.maxPreviewChars);
    const size = pointer.length + (change.before?.text.length ?? 0) + (change.after?.text.length ?? 0);
    if (outputChars + size > lim.maxOutputChars) {
      listing = false;
      return;
    }
    outputChars += size;
    changes.push(change);
  };

  const root: Frame = { before, after, parent: null, segment: '', pointer: '' };
  // Frames are pushed in reverse so they pop in document order.
  const stack: Frame[] = [root];
  let nodes = 0;
  let complete = true;

  while (stack.length > 0) {
    if (nodes >= lim.maxNodes) {
      complete = false;
      break;
    }
    nodes++;
    const frame = stack.pop()!;
    const b = frame.before;
    const a = frame.after;
    if (b === a) continue;
    const tb = jsonType(b);
    const ta = jsonType(a);
    const self = frame.parent === null ? null : frame.parent;
    const seg = frame.parent === null ? null : frame.segment;
    if (tb !== ta) {
      report('type-changed', self, seg, b, a);
      continue;
    }
    if (tb === 'object') {
      const ob = b as Record<string, JsonValue>;
      const oa = a as Record<string, JsonValue>;
      const pending: Frame[] = [];
      // Document order of the after object; removed members are listed first, where they were.
      for (const k of Object.keys(ob)) {
        if (!hasOwn(oa, k)) report('removed', frame, k, ob[k], undefined);
      }
      for (const k of Object.keys(oa)) {
        if (!hasOwn(ob, k)) report('added', frame, k, undefined, oa[k]);
        else pending.push({ before: ob[k]!, after: oa[k]!, parent: frame, segment: k });
      }
      for (let i = pending.length - 1; i >= 0; i--) stack.push(pending[i]!);
      continue;
    }
    if (tb === 'array') {
      pushArrayPairs(b as JsonValue[], a as JsonValue[], frame, stack, report);
      continue;
    }
    // Two scalars of one type that are not === (NaN cannot come from JSON).
    report('changed', self, seg, b, a);
  }

  return {
    equal: total === 0 && complete,
    changes,
    total,
    omitted: total - changes.length,
    counts,
    complete,
  };
}

type Report = (
  kind: JsonChangeKind,
  parent: Frame | null,
  segment: string | number | null,
  b: JsonValue | undefined,
  a: JsonValue | undefined,
) => void;

function pushArrayPairs(b: JsonValue[], a: JsonValue[], frame: Frame, stack: Frame[], report: Report): void {
  const byId = identityKey(b, a);
  if (byId) {
    const indexInAfter = new Map<string, number>();
    a.forEach((el, i) => indexInAfter.set(idOf(el, byId)!, i));
    const matched = new Set<string>();
    for (let i = 0; i < b.length; i++) {
      const id = idOf(b[i]!, byId)!;
      if (indexInAfter.has(id)) matched.add(id);
      else report('removed', frame, i, b[i], undefined);
    }
    const beforeById = new Map<string, JsonValue>();
    for (const el of b) beforeById.set(idOf(el, byId)!, el);
    const pending: Frame[] = [];
    for (let i = 0; i < a.length; i++) {
      const id = idOf(a[i]!, byId)!;
      if (matched.has(id))
        pending.push({ before: beforeById.get(id)!, after: a[i]!, parent: frame, segment: i });
      else report('added', frame, i, undefined, a[i]);
    }
    for (let i = pending.length - 1; i >= 0; i--) stack.push(pending[i]!);
    return;
  }
  // Equal scalars at the start and the end are skipped; what is left is compared index by index.
  const min = Math.min(b.length, a.length);
  let start = 0;
  while (start < min && isScalar(b[start]!) && b[start] === a[start]) start++;
  let end = 0;
  while (
    end < min - start &&
    isScalar(b[b.length - 1 - end]!) &&
    b[b.length - 1 - end] === a[a.length - 1 - end]
  )
    end++;
  const bMid = b.length - start - end;
  const aMid = a.length - start - end;
  const paired = Math.min(bMid, aMid);
  for (let i = start + paired; i < start + bMid; i++) report('removed', frame, i, b[i], undefined);
  const pending: Frame[] = [];
  for (let i = start; i < start + paired; i++)
    pending.push({ before: b[i]!, after: a[i]!, parent: frame, segment: i });
  for (let i = pending.length - 1; i >= 0; i--) stack.push(pending[i]!);
  // Added elements are reported now; paired ones (pushed) are compared after, which keeps the
  // walk simple at the cost of strict document order within one array.
  for (let i = start + paired; i < start + aMid; i++) report('added', frame, i, undefined, a[i]);
}

function isScalar(v: JsonValue): boolean {
  return !isObjectOrArray(v);
}

function idOf(el: JsonValue, key: string): string | undefined {
  if (!isJsonObject(el) || !hasOwn(el, key)) return undefined;
  const v = el[key];
  // The type is part of the identity: id 1 and id "1" are different records.
  if (typeof v === 'string') return `s:${v}`;
  if (typeof v === 'number') return `n:${v}`;
  return undefined;
}

/** The identity member every element of both arrays has, uniquely within each; else null. */
function identityKey(b: JsonValue[], a: JsonValue[]): string | null {
  if (b.length === 0 || a.length === 0) return null;
  for (const key of IDENTITY_KEYS) {
    if (uniqueIds(b, key) && uniqueIds(a, key)) return key;
  }
  return null;
}

function uniqueIds(list: JsonValue[], key: string): boolean {
  const seen = new Set<string>();
  for (const el of list) {
    const id = idOf(el, key);
    if (id === undefined || seen.has(id)) return false;
    seen.add(id);
  }
  return true;
}
