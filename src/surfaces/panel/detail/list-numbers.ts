import type { RelatedExchange } from '../../../core/rules/types';
import { listNumberAt, requestIndex } from '../../../state/panel/row-order';
import type { PanelState } from '../../../state/panel-store';
import { usePanel } from '../panel-context';

/**
 * The `#` the request list shows for each related request (its place in request order, from 1,
 * counting rows the retention cap dropped), or undefined once the row is gone. A session
 * finding's own indexes count from 0, in arrival order (live) or file order (imports), as the
 * CLI's do: the panel shows the list's numbers instead, so "#5" is the row numbered 5.
 */
function listNumbers(s: PanelState, related: readonly RelatedExchange[]): string {
  return related.map((r) => String(listNumberOf(s, r.id) ?? '')).join(',');
}

/** The list's `#` of the request `id`, or undefined once its row is gone. */
function listNumberOf(s: PanelState, id: string): number | undefined {
  const row = s.rows.find((x) => x.exchange.id === id);
  return row ? listNumberAt(s.dropped, requestIndex(s.rows, row)) : undefined;
}

/** listNumberOf as a hook (undefined for no id). */
export function useListNumber(id: string | null | undefined): number | undefined {
  return usePanel((s) => (id ? listNumberOf(s, id) : undefined));
}

/** listNumbers as a hook: one string, so the selector's answer compares equal while nothing relevant changes. */
export function useListNumbers(related: readonly RelatedExchange[] | undefined): (number | undefined)[] {
  const joined = usePanel((s) => (related && related.length > 0 ? listNumbers(s, related) : ''));
  if (!related || related.length === 0) return [];
  return joined.split(',').map((n) => (n === '' ? undefined : Number(n)));
}

/**
 * A finding's message with each related request's `#index` (the rule's count) written as the
 * list's number. Only `#` followed by exactly a related index is rewritten; anything else
 * (a JSON Pointer `#/a`, another number) stays as the rule wrote it.
 */
export function renumbered(
  message: string,
  related: readonly RelatedExchange[] | undefined,
  numbers: readonly (number | undefined)[],
): string {
  if (!related || related.length === 0) return message;
  const byIndex = new Map<number, number>();
  related.forEach((r, i) => {
    const n = numbers[i];
    if (n !== undefined) byIndex.set(r.index, n);
  });
  if (byIndex.size === 0) return message;
  return message.replace(/#(\d+)\b/g, (whole, digits: string) => {
    const n = byIndex.get(Number(digits));
    return n === undefined ? whole : `#${n}`;
  });
}
