/**
 * JSON-aware diff of two parsed JSON values: what a person checking "did my fix change the
 * response?" wants to read (the panel's Compare and resend). `status-lens diff` compares whole
 * captures by inferred response shapes instead (capture/shape.ts), not value by value.
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
import { jsonPointer } from '../json/pointer';
import { jsonType, type JsonValue } from '../json/walk';
import { pushArrayPairs } from './json-diff-arrays';
import { pointerOf, type Frame, type Report } from './json-diff-frame';
import {
  JSON_DIFF_DEFAULTS,
  type JsonChange,
  type JsonChangeKind,
  type JsonDiff,
  type JsonDiffLimits,
} from './json-diff-types';
import { previewJson } from './json-preview';

export function diffJson(before: JsonValue, after: JsonValue, limits: JsonDiffLimits = {}): JsonDiff {
  const lim = { ...JSON_DIFF_DEFAULTS, ...limits };
  const counts: Record<JsonChangeKind, number> = { added: 0, removed: 0, changed: 0, 'type-changed': 0 };
  const changes: JsonChange[] = [];
  let total = 0;
  let outputChars = 0;
  let listing = true;

  const report: Report = (kind, parent, segment, b, a) => {
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
        if (!Object.hasOwn(oa, k)) report('removed', frame, k, ob[k], undefined);
      }
      for (const k of Object.keys(oa)) {
        if (!Object.hasOwn(ob, k)) report('added', frame, k, undefined, oa[k]);
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
