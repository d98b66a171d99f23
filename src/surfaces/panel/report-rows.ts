import type { Finding, RelatedExchange } from '../../core/rules/types';
import { selectVisibleInRequestOrder } from '../../state/panel-selectors';
import { listNumberAt } from '../../state/panel/row-order';
import type { PanelState } from '../../state/panel-store';
import { renumbered } from './detail/list-numbers';
import type { ReportInput } from './reports';

/**
 * The rows a findings report exports (what the list shows, in request order), each named by the
 * list's `#`, with its session findings' references made to agree with the report:
 * - the message's `#n` and a related request's `listNumber` are the list's numbers (a rule counts
 *   from 0 in arrival or file order, the list from 1 counting rows the retention cap dropped), so
 *   a report read beside the panel names the row the user sees;
 * - a related request's `index` is its position among the exported rows, as each exchange's own
 *   `index` is (the JSON report's "position in log.entries" of a HAR export of the same rows), so
 *   a script can follow it inside the report. A related request the report does not hold (the
 *   filter hides it, or it was dropped) is left out of `related`; the message still names it.
 * Done on the panel's thread because only it knows the list; the worker gets plain numbers.
 */
export function reportRows(s: PanelState): ReportInput[] {
  // Rows are kept in request order, so a row's place in `rows` is its list position.
  const numberOf = new Map<string, number>();
  s.rows.forEach((r, i) => numberOf.set(r.exchange.id, listNumberAt(s.dropped, i)));
  const visible = selectVisibleInRequestOrder(s);
  const exportedAt = new Map<string, number>();
  visible.forEach((r, i) => exportedAt.set(r.exchange.id, i));
  return visible.map((r) => {
    const findings = r.analysis?.findings;
    const renamed =
      findings && findings.some((f) => f.related && f.related.length > 0)
        ? { ...r.analysis!, findings: findings.map((f) => withReportNumbers(f, numberOf, exportedAt)) }
        : r.analysis;
    return { exchange: r.exchange, analysis: renamed, number: numberOf.get(r.exchange.id) };
  });
}

function withReportNumbers(
  f: Finding,
  numberOf: ReadonlyMap<string, number>,
  exportedAt: ReadonlyMap<string, number>,
): Finding {
  if (!f.related || f.related.length === 0) return f;
  const numbers = f.related.map((r) => numberOf.get(r.id));
  const related: RelatedExchange[] = [];
  f.related.forEach((r, i) => {
    const at = exportedAt.get(r.id);
    if (at === undefined) return;
    const n = numbers[i];
    related.push({ ...r, index: at, ...(n !== undefined ? { listNumber: n } : {}) });
  });
  const out: Finding = { ...f, message: renumbered(f.message, f.related, numbers) };
  if (related.length > 0) out.related = related;
  else delete out.related;
  return out;
}
