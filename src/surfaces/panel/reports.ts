import { statusFamily } from '../../core/exchange/family';
import { redactUrl } from '../../core/export/redact';
import { formatJson } from '../../core/report/json';
import { formatMarkdown } from '../../core/report/markdown';
import type { LintReport } from '../../core/report/model';
import { reasonFor } from '../../core/report/reason';
import { formatSarif } from '../../core/report/sarif';
import type { Settings } from '../../core/settings/schema';
import type { Row } from '../../state/panel-store';

export type ReportFormat = 'markdown' | 'json' | 'sarif';

export const REPORT_FORMATS: { id: ReportFormat; label: string }[] = [
  { id: 'markdown', label: 'Markdown' },
  { id: 'json', label: 'JSON' },
  { id: 'sarif', label: 'SARIF' },
];

const CAPTURE = 'Status Lens capture';

/**
 * The panel's rows as the same report the command line writes, so a report exported here
 * and one from `status-lens lint` on an exported HAR read alike. URLs are redacted unless
 * the user asked for a raw export.
 */
export function buildReport(rows: readonly Row[], settings: Settings, redact: boolean): LintReport {
  return {
    toolVersion: __STATUS_LENS_VERSION__,
    profiles: settings.profiles,
    failOn: 'error',
    files: [
      { source: 0, file: CAPTURE, uri: 'status-lens-capture.har', entries: rows.length, failed: false },
    ],
    exchanges: rows.map((row, index) => ({
      source: 0,
      file: CAPTURE,
      uri: 'status-lens-capture.har',
      index,
      line: 1,
      method: row.exchange.method,
      url: redact ? redactUrl(row.exchange.url, settings.redaction.queryParams) : row.exchange.url,
      status: row.exchange.status,
      family: statusFamily(row.exchange.status),
      reason: reasonFor(row.exchange),
      findings: row.analysis?.findings ?? [],
      ...(row.exchange.serverStatus !== undefined ? { serverStatus: row.exchange.serverStatus } : {}),
    })),
    problems: rows.flatMap((row, index) =>
      (row.analysis?.problems ?? []).map((p) => ({
        kind: 'rule' as const,
        source: 0,
        file: CAPTURE,
        uri: 'status-lens-capture.har',
        index,
        message: `${p.rule} failed: ${p.message}`,
      })),
    ),
  };
}

export function reportFor(
  format: ReportFormat,
  rows: readonly Row[],
  settings: Settings,
  redact: boolean,
): { text: string; mimeType: string; extension: string } {
  const report = buildReport(rows, settings, redact);
  switch (format) {
    case 'markdown':
      return { text: formatMarkdown(report), mimeType: 'text/markdown', extension: 'md' };
    case 'json':
      return { text: formatJson(report), mimeType: 'application/json', extension: 'json' };
    case 'sarif':
      return { text: formatSarif(report), mimeType: 'application/sarif+json', extension: 'sarif' };
  }
}
