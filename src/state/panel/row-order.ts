import type { Row } from './types';

/** Request order: start time, then arrival. */
export function rowBefore(a: Row, b: Row): boolean {
  return a.start < b.start || (a.start === b.start && a.seq < b.seq);
}

/**
 * `rows` (in request order) with `added` (in arrival order) merged in. Almost every batch starts
 * after the last row, so it is appended; a batch holding an earlier request (a slow body, a HAR
 * of earlier traffic) is merged in one linear pass.
 */
export function insertInOrder(rows: readonly Row[], added: Row[]): { rows: Row[]; appended: boolean } {
  const sorted = added.slice().sort((a, b) => (rowBefore(a, b) ? -1 : rowBefore(b, a) ? 1 : 0));
  const last = rows[rows.length - 1];
  if (!last || !rowBefore(sorted[0]!, last)) return { rows: rows.concat(sorted), appended: true };
  const out: Row[] = [];
  let i = 0;
  let j = 0;
  while (i < rows.length && j < sorted.length)
    out.push(rowBefore(sorted[j]!, rows[i]!) ? sorted[j++]! : rows[i++]!);
  while (i < rows.length) out.push(rows[i++]!);
  while (j < sorted.length) out.push(sorted[j++]!);
  return { rows: out, appended: false };
}

/**
 * The `#` the request list shows for the row at `position` in request order: from 1, counting
 * the rows the retention cap dropped, so a row keeps its number as older ones go. The list, the
 * detail's related-request links and the panel's reports all name a request by it.
 */
export function listNumberAt(dropped: number, position: number): number {
  return dropped + position + 1;
}

/**
 * The first index of `rows` (in request order) that is not before `row`: where `row` sits, if it
 * is there. A binary search, so the `#` column costs nothing per drawn row.
 */
export function requestIndex(rows: readonly Row[], row: Row): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rowBefore(rows[mid]!, row)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
