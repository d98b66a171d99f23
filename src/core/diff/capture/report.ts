import { FAMILIES } from '../../exchange/family';
import type { InputProblem, FailOn } from '../../report/model';
import { clip, clipReported } from '../../report/tool';
import type { Severity } from '../../rules/types';
import { firstFew } from '../../text/first-few';
import { countOf } from '../../text/plural';
import type { CaptureDiff, EndpointDiff } from './compare';
import type { LatencyQuantiles } from './latency';
import type { JsonType } from '../../json/walk';
import { showPath } from './shape';
import type { RuleTally, StatusCount } from './summary';

/**
 * The comparison as people and programs read it: the versioned JSON document (its type is the
 * contract: `CaptureDiffReport`), and the lines each endpoint's changes read as, which the
 * CLI's text and Markdown formats and the panel's view all draw.
 */

export const CAPTURE_DIFF_VERSION = 1;

/** One capture as the report names it. */
export interface CaptureSide {
  /** The path as given, or "<stdin>"; in the panel "live capture" or the HAR's name. */
  file: string;
  /** Entries found in the file (readable or not). */
  entries: number;
  /** Requests summarised. */
  exchanges: number;
  endpoints: number;
}

/** An input problem as the JSON report lists it (the shape of `status-lens lint --format json`'s). */
export interface DiffProblem {
  kind: InputProblem['kind'];
  file: string;
  index?: number;
  line?: number;
  column?: number;
  path?: string;
  message: string;
}

/** `status-lens diff --format json`. New members may be added in version 1; none removed or changed. */
export interface CaptureDiffReport {
  version: typeof CAPTURE_DIFF_VERSION;
  kind: 'capture-diff';
  tool: { name: string; version: string };
  profiles: string[];
  failOn: FailOn;
  before: CaptureSide;
  after: CaptureSide;
  /** Every endpoint of either capture: changed, appeared, vanished, then unchanged, each by key. */
  endpoints: EndpointDiff[];
  problems: DiffProblem[];
  summary: CaptureDiff['totals'] & {
    /** A new finding is at or over `failOn` (exit code 1). */
    failing: boolean;
  };
}

export function diffProblem(p: InputProblem): DiffProblem {
  const out: DiffProblem = { kind: p.kind, file: p.file, message: clipReported(p.message) };
  if (p.index !== undefined) out.index = p.index;
  if (p.line !== undefined) out.line = p.line;
  if (p.column !== undefined) out.column = p.column;
  if (p.path !== undefined) out.path = p.path;
  return out;
}

export function typesText(types: readonly JsonType[]): string {
  return types.join('|');
}

export function statusMixText(list: readonly StatusCount[]): string {
  return list.length === 0 ? 'none' : list.map((s) => `${s.status}×${s.count}`).join(', ');
}

export function latencyText(q: LatencyQuantiles): string {
  return `p50 ${q.p50} ms, p95 ${q.p95} ms`;
}

/** "2 errors, 1 warning, 3 info": "info" is a mass noun, as in lint's summary line. */
export function severityCounts(c: Record<Severity, number>): string {
  const parts = (['error', 'warning', 'info'] as const)
    .filter((s) => c[s] > 0)
    .map((s) => (s === 'info' ? `${c[s]} info` : countOf(c[s], s)));
  return parts.length === 0 ? 'none' : parts.join(', ');
}

/** Drift members listed per family and kind before "… and N more". */
export const MAX_LISTED_MEMBERS = 20;

export interface ChangeLine {
  kind: 'status' | 'new' | 'resolved' | 'shape' | 'latency';
  text: string;
  /** For findings: the rule's severity (colour, and whether it fails). */
  severity?: Severity;
}

function ruleLine(r: RuleTally): string {
  return `${r.rule} ×${r.count}: ${clip(r.example, 200)}`;
}

function listed<T>(items: readonly T[], show: (t: T) => string): string {
  return firstFew(items.slice(0, MAX_LISTED_MEMBERS).map(show), MAX_LISTED_MEMBERS, items.length);
}

/** What changed on one endpoint, one line per fact, in reading order. Plain text: callers escape. */
export function changeLines(d: EndpointDiff): ChangeLine[] {
  const out: ChangeLine[] = [];
  if (d.statusMix) {
    out.push({
      kind: 'status',
      text: `${statusMixText(d.statusMix.before)} → ${statusMixText(d.statusMix.after)}`,
    });
  }
  for (const r of d.newFindings) out.push({ kind: 'new', severity: r.severity, text: ruleLine(r) });
  for (const r of d.resolvedFindings) out.push({ kind: 'resolved', severity: r.severity, text: ruleLine(r) });
  for (const s of [...d.shape].sort((a, b) => FAMILIES.indexOf(a.family) - FAMILIES.indexOf(b.family))) {
    const parts: string[] = [];
    if (s.added.length > 0)
      parts.push(`added ${listed(s.added, (m) => `${showPath(m.path)} (${typesText(m.types)})`)}`);
    if (s.removed.length > 0)
      parts.push(`removed ${listed(s.removed, (m) => `${showPath(m.path)} (${typesText(m.types)})`)}`);
    if (s.changed.length > 0)
      parts.push(
        `changed ${listed(s.changed, (m) => `${showPath(m.path)} ${typesText(m.before)} → ${typesText(m.after)}`)}`,
      );
    out.push({
      kind: 'shape',
      text: `${s.family} body: ${parts.join('; ')}${s.partial ? ' (shape partly inferred: many members)' : ''}`,
    });
  }
  if (d.latency?.verdict) {
    const { before, after, verdict } = d.latency;
    out.push({
      kind: 'latency',
      text: `${verdict}: p50 ${before.p50} → ${after.p50} ms, p95 ${before.p95} → ${after.p95} ms`,
    });
  }
  return out;
}

/** "GET api.example.com/users/{id}: 12 → 30 requests" and the like, per kind of change. */
export function endpointHeading(d: EndpointDiff): string {
  switch (d.change) {
    case 'appeared':
      return `${d.key} (new: ${countOf(d.count.after, 'request')})`;
    case 'vanished':
      return `${d.key} (gone: had ${countOf(d.count.before, 'request')})`;
    default:
      return `${d.key} (${d.count.before} → ${countOf(d.count.after, 'request')})`;
  }
}

/** The JSON document, strings copied from the recordings cut as lint's reports cut them. */
export function captureDiffJson(report: CaptureDiffReport): string {
  return `${JSON.stringify(report, (_k, v: unknown) => (typeof v === 'string' ? clipReported(v) : v), 2)}\n`;
}

/** The profiles a comparison judged with, for a reader ("none" when it used no profile). */
export function profilesText(
  profiles: readonly string[],
  quote: (id: string) => string = (id) => id,
): string {
  return profiles.length > 0 ? profiles.map(quote).join(', ') : 'none';
}
