import { addToSummary, emptySummary, type TabSummary } from '../../core/summary/summary';
import type { Row } from '../../state/panel-store';

export function summarizeRows(rows: readonly Row[], now: number): TabSummary {
  return addToSummary(
    emptySummary(now),
    rows.map((r) => ({
      method: r.exchange.method,
      url: r.exchange.url,
      status: r.exchange.status,
      findings: r.analysis?.findings ?? [],
    })),
    now,
  );
}
