import type { Finding } from '../../core/rules/types';
import { selectVisibleInRequestOrder } from '../../state/panel-selectors';
import type { PanelState } from '../../state/panel-store';
import { renumbered } from './detail/list-numbers';
import type { ReportInput } from './reports';

/**
 * The rows a findings report exports (what the list shows, in request order), each named by the
 * list's `#` and with its session findings' related requests renumbered the same way: a rule
 * counts from 0 in arrival or file order, the list from 1 counting rows the retention cap dropped,
 * and a report read beside the panel must name the row the user sees. Done on the panel's thread
 * because only it knows the list; the worker gets plain numbers. A related row no longer in the
 * list keeps the rule's number (as the Overview's message does).
 */
export function reportRows(s: PanelState): ReportInput[] {
  // Rows are kept in request order, so a row's place in `rows` is its list position.
  const numberOf = new Map<string, number>();
  s.rows.forEach((r, i) => numberOf.set(r.exchange.id, s.dropped + i + 1));
  return selectVisibleInRequestOrder(s).map((r) => {
    const findings = r.analysis?.findings;
    const renamed =
      findings && findings.some((f) => f.related && f.related.length > 0)
        ? { ...r.analysis!, findings: findings.map((f) => withListNumbers(f, numberOf)) }
        : r.analysis;
    return { exchange: r.exchange, analysis: renamed, number: numberOf.get(r.exchange.id) };
  });
}

function withListNumbers(f: Finding, numberOf: ReadonlyMap<string, number>): Finding {
  if (!f.related || f.related.length === 0) return f;
  const numbers = f.related.map((r) => numberOf.get(r.id));
  return {
    ...f,
    message: renumbered(f.message, f.related, numbers),
    related: f.related.map((r, i) => (numbers[i] === undefined ? r : { ...r, index: numbers[i] })),
  };
}
