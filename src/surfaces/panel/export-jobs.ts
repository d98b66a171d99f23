import type { Exchange } from '../../core/exchange/types';
import { toCurl } from '../../core/export/curl';
import { toFetch } from '../../core/export/fetch';
import { toHar } from '../../core/export/har';
import type { RedactionLists } from '../../core/export/redact';
import type { Settings } from '../../core/settings/schema';
import { reportFor, type ReportFormat, type ReportInput } from './reports';

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
  | { kind: 'curl' | 'fetch'; exchange: Exchange; redact: boolean; redaction: RedactionLists };

/** The text a job produces. Pure; throws only on a bug. */
export function runExportJob(job: ExportJob): string {
  switch (job.kind) {
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
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The receiving end's check: a job from the panel, of a known kind, with its parts. */
export function isExportJob(v: unknown): v is ExportJob {
  if (!isObj(v) || typeof v.redact !== 'boolean') return false;
  switch (v.kind) {
    case 'har':
      return Array.isArray(v.exchanges) && isObj(v.redaction) && isObj(v.creator);
    case 'report':
      return typeof v.format === 'string' && Array.isArray(v.rows) && isObj(v.settings);
    case 'curl':
    case 'fetch':
      return isObj(v.exchange) && isObj(v.redaction);
    default:
      return false;
  }
}
