import type { Exchange } from '../../core/exchange/types';
import { toCurl } from '../../core/export/curl';
import { toFetch } from '../../core/export/fetch';
import { toHar } from '../../core/export/har';
import type { RedactionLists } from '../../core/export/redact';
import type { Settings } from '../../core/settings/schema';
import type { CoverageReport } from '../../core/contract/coverage';
import { coverageJson } from '../../core/report/coverage';
import { coverageMarkdown } from '../../core/report/markdown';
import { reportFor, type ReportFormat, type ReportInput } from './reports';
import { copiedPart, type CopyPart } from './copy-parts';
import { isObjectOrArray } from '../../core/json/walk';

/*
 * Exports run in the analysis worker, not on the panel's thread: redacting a few megabytes of
 * bodies is real work, and the text it scans is the page's, so it must never freeze the panel.
 * A job carries everything it needs (structured-cloneable data only); its answer is the text to
 * save or copy. Kept in one module so the worker protocol only gains one request and one answer.
 */

export type ExportJob =
  | {
      kind: 'har';
      exchanges: Exchange[];
      redact: boolean;
      redaction: RedactionLists;
      creator: { name: string; version: string };
    }
  | {
      kind: 'report';
      format: ReportFormat;
      rows: ReportInput[];
      settings: Pick<Settings, 'profiles' | 'redaction'>;
      redact: boolean;
    }
  | { kind: 'curl' | 'fetch'; exchange: Exchange; redact: boolean; redaction: RedactionLists }
  /** What a copy button of the detail pane copies (copy-parts.ts). */
  | { kind: 'copy'; part: CopyPart; exchange: Exchange; redact: boolean; redaction: RedactionLists }
  /** The OpenAPI coverage the worker has counted (coverage-service.ts), as Markdown or JSON. */
  | { kind: 'coverage'; format: 'markdown' | 'json'; redact: boolean };

/** What a job may read besides itself: state kept where the analysis runs. */
export interface ExportContext {
  coverage?: () => CoverageReport | null;
}

/** The text a job produces. Throws when there is nothing to export (no description loaded). */
export function runExportJob(job: ExportJob, context: ExportContext = {}): string {
  switch (job.kind) {
    case 'coverage': {
      const report = context.coverage?.() ?? null;
      if (!report) throw new Error('No OpenAPI description is loaded, so there is no coverage to export.');
      return job.format === 'markdown'
        ? `${coverageMarkdown(report).join('\n')}\n`
        : `${JSON.stringify(coverageJson(report), null, 2)}\n`;
    }
    case 'har':
      return JSON.stringify(
        toHar(job.exchanges, { redact: job.redact, redaction: job.redaction, creator: job.creator }),
        null,
        2,
      );
    case 'report':
      return reportFor(job.format, job.rows, job.settings, job.redact).text;
    case 'curl':
      return toCurl(job.exchange, { redact: job.redact, redaction: job.redaction });
    case 'fetch':
      return toFetch(job.exchange, { redact: job.redact, redaction: job.redaction });
    case 'copy':
      return copiedPart(job.exchange, job.part, { redact: job.redact, redaction: job.redaction });
  }
}

const SIDES: readonly unknown[] = ['request', 'response'];

function isCopyPart(v: unknown): v is CopyPart {
  if (!isObjectOrArray(v) || !SIDES.includes(v.side)) return false;
  if (v.kind === 'headers') return true;
  return v.kind === 'body' && (v.pointer === undefined || typeof v.pointer === 'string');
}

/** The receiving end's check: a job from the panel, of a known kind, with its parts. */
export function isExportJob(v: unknown): v is ExportJob {
  if (!isObjectOrArray(v) || typeof v.redact !== 'boolean') return false;
  switch (v.kind) {
    case 'har':
      return Array.isArray(v.exchanges) && isObjectOrArray(v.redaction) && isObjectOrArray(v.creator);
    case 'report':
      return typeof v.format === 'string' && Array.isArray(v.rows) && isObjectOrArray(v.settings);
    case 'curl':
    case 'fetch':
      return isObjectOrArray(v.exchange) && isObjectOrArray(v.redaction);
    case 'copy':
      return isObjectOrArray(v.exchange) && isObjectOrArray(v.redaction) && isCopyPart(v.part);
    case 'coverage':
      return v.format === 'markdown' || v.format === 'json';
    default:
      return false;
  }
}
