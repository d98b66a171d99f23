import { settingsRedactor, type RedactionHolder } from '../../core/export/redact';
import { reportedExchange } from '../../core/export/reported';
import {
  addToSummary,
  emptySummary,
  isProblem,
  RECENT_LIMIT,
  type SummaryInput,
  type TabSummary,
} from '../../core/summary/summary';
import type { Row } from '../../state/panel-store';

/** Past this, a URL is cut before redaction: the summary keeps 300 characters of path anyway. */
const URL_CAP = 4096;

/**
 * The tab's summary for the background worker. It is stored (chrome.storage.session) and shown in
 * the popup, outside DevTools, so credentials in the listed URLs and findings are redacted first,
 * by the user's redaction settings (all three lists), as the monitor does and as exports do. Only the rows that end up listed are redacted, whole (a
 * secret cut in half by the path limit would escape the patterns), so the cost stays bounded.
 * Rows imported from a HAR file are not the tab's traffic, so they are left out.
 */
export function summarizeRows(rows: readonly Row[], now: number, settings: RedactionHolder = {}): TabSummary {
  const live = liveRows(rows);
  const inputs: SummaryInput[] = live.map(({ exchange: ex, analysis }) => {
    const input: SummaryInput = {
      method: ex.method,
      url: ex.url,
      status: ex.status,
      findings: analysis?.findings ?? [],
    };
    if (ex.failure !== undefined) input.failure = ex.failure;
    if (ex.serverStatus !== undefined) input.serverStatus = ex.serverStatus;
    if (ex.resourceType !== undefined) input.resourceType = ex.resourceType;
    return input;
  });
  const red = settingsRedactor(settings);
  let listed = 0;
  for (let i = inputs.length - 1; i >= 0 && listed < RECENT_LIMIT; i--) {
    const input = inputs[i]!;
    if (!isProblem(input)) continue;
    // The exchange's named credentials are hidden where its path or findings repeat them too.
    const ex = live[i]!.exchange;
    const quoted = reportedExchange({ ...ex, url: ex.url.slice(0, URL_CAP) }, input.findings, red);
    input.url = quoted.url;
    input.findings = quoted.findings;
    listed++;
  }
  return addToSummary(emptySummary(now), inputs, now);
}

/** The rows captured from the inspected tab (not imported from a file). */
export function liveRows(rows: readonly Row[]): readonly Row[] {
  return rows.some((r) => r.imported) ? rows.filter((r) => !r.imported) : rows;
}

export function hasLiveRows(rows: readonly Row[]): boolean {
  return rows.some((r) => !r.imported);
}
