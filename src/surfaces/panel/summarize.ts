import { settingsRedactor, type RedactionHolder } from '../../core/export/redact';
import { KnownValues } from '../../core/export/known-values';
import { reportedAcross, reportedExchange, reportedValues } from '../../core/export/reported';
import type { Exchange } from '../../core/exchange/types';
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

/** Each row's reportedValues, by the redaction lists they were read with (summaries come every 400 ms). */
let valuesOf = new WeakMap<Exchange, string[]>();
let valuesFor: unknown;

/**
 * The tab's summary for the background worker. It is stored (chrome.storage.session) and shown in
 * the popup, outside DevTools, so credentials in the listed URLs and findings are redacted first,
 * by the user's redaction settings (all three lists), as the monitor does and as exports do. Only the rows that end up listed are redacted, whole (a
 * secret cut in half by the path limit would escape the patterns), so the cost stays bounded.
 * Rows imported from a HAR file are not the tab's traffic, so they are left out. `apiOnly`: the
 * panel's "API only" toggle, on: how many rows it hides goes along (TabSummary.apiOnlyHides).
 */
export function summarizeRows(
  rows: readonly Row[],
  now: number,
  settings: RedactionHolder = {},
  apiOnly = false,
): TabSummary {
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
  // What every live row carries by name, hidden in each listed row too: a row's path may repeat
  // the session id only an earlier row's cookie carried. Each row's values are read once.
  if (settings.redaction !== valuesFor) {
    valuesOf = new WeakMap();
    valuesFor = settings.redaction;
  }
  const known = new KnownValues();
  const values = live.map(({ exchange: ex }) => {
    let v = valuesOf.get(ex);
    if (!v) valuesOf.set(ex, (v = reportedValues(ex, red)));
    if (v.length > 0) known.add(v);
    return v;
  });
  let listed = 0;
  for (let i = inputs.length - 1; i >= 0 && listed < RECENT_LIMIT; i--) {
    const input = inputs[i]!;
    if (!isProblem(input)) continue;
    // The exchange's named credentials are hidden where its path or findings repeat them too.
    const ex = live[i]!.exchange;
    const quoted = reportedAcross(
      reportedExchange({ ...ex, url: ex.url.slice(0, URL_CAP) }, input.findings, red, values[i]),
      known.values,
    );
    input.url = quoted.url;
    input.findings = quoted.findings;
    listed++;
  }
  const summary = addToSummary(emptySummary(now), inputs, now);
  const hides = apiOnly ? live.reduce((n, r) => (r.facts.api ? n : n + 1), 0) : 0;
  if (hides > 0) summary.apiOnlyHides = hides;
  return summary;
}

/** The rows captured from the inspected tab (not imported from a file). */
export function liveRows(rows: readonly Row[]): readonly Row[] {
  return rows.some((r) => r.imported) ? rows.filter((r) => !r.imported) : rows;
}

export function hasLiveRows(rows: readonly Row[]): boolean {
  return rows.some((r) => !r.imported);
}
