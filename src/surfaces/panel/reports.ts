import { statusFamily } from '../../core/exchange/family';
import { settingsRedactor } from '../../core/export/redact';
import { KnownValues } from '../../core/export/known-values';
import { reportedAcross, reportedExchange, reportedValues } from '../../core/export/reported';
import { formatJson } from '../../core/report/json';
import { formatMarkdown } from '../../core/report/markdown';
import type { LintReport } from '../../core/report/model';
import { reasonFor } from '../../core/report/reason';
import { formatSarif } from '../../core/report/sarif';
import type { Settings } from '../../core/settings/schema';
import type { Row } from '../../state/panel-store';

/**
 * What a report needs of a row: no derived facts, so it can be sent to the worker. `number` is
 * the list's `#` (report-rows.ts), which names the request in the Markdown report.
 */
export type ReportInput = Pick<Row, 'exchange' | 'analysis'> & { number?: number };

export type ReportFormat = 'markdown' | 'json' | 'sarif';

export const REPORT_FORMATS: { id: ReportFormat; label: string }[] = [
  { id: 'markdown', label: 'Markdown' },
  { id: 'json', label: 'JSON' },
  { id: 'sarif', label: 'SARIF' },
];

const CAPTURE = 'Status Lens capture';

/**
 * The panel's rows as the same report the command line writes, so a report exported here
 * and one from `status-lens lint` on an exported HAR read alike. URLs are redacted, and the
 * exchange's credentials hidden wherever its findings quote them, unless the user asked for a raw
 * export.
 */
export function buildReport(
  rows: readonly ReportInput[],
  settings: Pick<Settings, 'profiles' | 'redaction'>,
  redact: boolean,
): LintReport {
  const names = settingsRedactor(settings);
  // Every row hidden by the named credentials of every row, as `status-lens lint` hides a file's
  // entries: a session finding quotes other requests, a URL repeats another row's cookie.
  const known = new KnownValues();
  const quoted = rows.map((row) => {
    const findings = row.analysis?.findings ?? [];
    if (!redact) return { url: row.exchange.url, findings };
    const values = reportedValues(row.exchange, names);
    known.add(values);
    return reportedExchange(row.exchange, findings, names, values);
  });
  return {
    toolVersion: __STATUS_LENS_VERSION__,
    profiles: settings.profiles,
    failOn: 'error',
    files: [
      { source: 0, file: CAPTURE, uri: 'status-lens-capture.har', entries: rows.length, failed: false },
    ],
    exchanges: rows.map((row, index) => {
      const { url, findings } = reportedAcross(quoted[index]!, known.values);
      return {
        source: 0,
        file: CAPTURE,
        uri: 'status-lens-capture.har',
        index,
        line: 1,
        ...(row.number !== undefined ? { listNumber: row.number } : {}),
        method: row.exchange.method,
        url,
        status: row.exchange.status,
        family: statusFamily(row.exchange.status),
        reason: reasonFor(row.exchange),
        findings,
        ...(row.exchange.serverStatus !== undefined ? { serverStatus: row.exchange.serverStatus } : {}),
      };
    }),
    problems: rows.flatMap((row, index) =>
      (row.analysis?.problems ?? []).map((p) => ({
        kind: 'rule' as const,
        source: 0,
        file: CAPTURE,
        uri: 'status-lens-capture.har',
        index,
        message: `${row.number !== undefined ? `request #${row.number}: ` : ''}${p.rule} failed: ${p.message}`,
      })),
    ),
  };
}

/** How each report format is saved. */
export const REPORT_FILES: Readonly<Record<ReportFormat, { mimeType: string; extension: string }>> = {
  markdown: { mimeType: 'text/markdown', extension: 'md' },
  json: { mimeType: 'application/json', extension: 'json' },
  sarif: { mimeType: 'application/sarif+json', extension: 'sarif' },
};

export function reportFor(
  format: ReportFormat,
  rows: readonly ReportInput[],
  settings: Pick<Settings, 'profiles' | 'redaction'>,
  redact: boolean,
): { text: string; mimeType: string; extension: string } {
  const report = buildReport(rows, settings, redact);
  switch (format) {
    case 'markdown':
      return { text: formatMarkdown(report), ...REPORT_FILES.markdown };
    case 'json':
      return { text: formatJson(report), ...REPORT_FILES.json };
    case 'sarif':
      return { text: formatSarif(report), ...REPORT_FILES.sarif };
  }
}
