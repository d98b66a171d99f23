import { listOf } from './list';

/**
 * The one way a list too long to write out is cut: the first few are named, the rest counted
 * ("… and 4 more"), so a hostile or huge input (50,000 header names, 10,000 HAL items) makes one
 * short line. Two forms, one wording:
 *
 * - in a sentence, `firstFew`: "a, b, c and 4 more" (listOf's "a and b" when nothing is cut);
 * - as the last line (or item) under a cut list of lines, `moreLine`: "… and 4 more".
 */

/** The first `max` items and how many are left out: for a list of lines, rows or elements. */
export function cutList<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}

/**
 * "a, b, c and 4 more": the first `max` of `items` in a sentence, and how many more there are.
 * `total` is the whole count when the caller kept only the first few (a rule counting 10,000
 * items names three of them and copies none of the rest).
 */
export function firstFew(items: readonly string[], max: number, total: number = items.length): string {
  const shown = items.slice(0, max);
  const more = total - shown.length;
  return listOf(more > 0 ? [...shown, `${more} more`] : shown);
}

/** The line that ends a cut list of lines: "… and 4 more"; a caller may go on ("… and 4 more changed endpoints"). */
export function moreLine(more: number): string {
  return `… and ${more} more`;
}
