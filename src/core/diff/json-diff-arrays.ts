import { isJsonObject, isObjectOrArray, type JsonValue } from '../json/walk';
import type { Frame, Report } from './json-diff-frame';

/** Members that identify a record in a list, tried in this order. */
const IDENTITY_KEYS = ['id', '_id', 'uuid', 'key'] as const;

/**
 * Pairs two arrays' elements for the walk (json-diff.ts's header says how): by identity when
 * every element has one, else index by index after skipping equal scalars at both ends. Reports
 * the unpaired as removed/added and pushes the pairs on the stack.
 */
export function pushArrayPairs(
  b: JsonValue[],
  a: JsonValue[],
  frame: Frame,
  stack: Frame[],
  report: Report,
): void {
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
  if (!isJsonObject(el) || !Object.hasOwn(el, key)) return undefined;
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
