/**
 * The one way a list is written in a sentence: `a`, `a and b`, `a, b and c` (no serial comma,
 * as every message here writes it); `or` where any one will do (`string or null`).
 */
export function listOf(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
