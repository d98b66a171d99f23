import type { StatusFamily } from '../exchange/family';
import type { Severity } from '../rules/types';
import {
  fails,
  type ExchangeRecord,
  type FailOn,
  type FileRecord,
  type InputProblem,
  type LintReport,
  type Summary,
} from './model';
import type { AnyRule, ProfileId } from '../rules/types';
import type { CoverageReport } from '../contract/coverage';

/**
 * Reports are written while the input is still being read, so memory does not grow with the
 * number of entries (a HAR of a million exchanges makes a report of hundreds of megabytes).
 * A lint run is a sequence of events — exchanges and problems of one file, then that file's
 * record, then the next file — fed to a `ReportWriter`, which writes what it can at once and
 * the rest (summaries, counts that head a section) when the run ends.
 */

/** Where report text goes: standard output, a file, or a string in memory. */
export interface TextSink {
  write(text: string): void;
}

/**
 * Text set aside to be written later, in order: the part of a report that follows a header
 * whose counts are known only at the end (JUnit's test counts, SARIF's notifications,
 * Markdown's table). The CLI keeps it in a temporary file; the panel in memory.
 */
export interface Spool extends TextSink {
  /** Writes everything spooled so far to `out`, then empties the spool. */
  replayInto(out: TextSink): void;
  /** Releases what the spool holds (a temporary file); it is not used again. */
  dispose(): void;
}

export type SpoolFactory = () => Spool;

/** A spool in memory: for the panel's reports (thousands of rows) and tests. */
export function memorySpool(): Spool {
  let parts: string[] = [];
  return {
    write: (text) => void parts.push(text),
    replayInto(out) {
      for (const p of parts) out.write(p);
      parts = [];
    },
    dispose: () => void (parts = []),
  };
}

/** What a report knows before the first entry is read. */
export interface ReportHeader {
  toolVersion: string;
  profiles: ProfileId[];
  failOn: FailOn;
  /** Bodies larger than this many bytes were checked by status and headers only (when known). */
  bodyCap?: number;
  /**
   * Rules of the run beyond the built-in registry: those the user's own profiles generate
   * (`acme/media-type`…). SARIF describes them beside the built-ins, so a viewer can show what
   * `acme/body-shape` means and which guide it cites.
   */
  extraRules?: readonly AnyRule[];
}

/** The events of a lint run, in the order they happen. */
export interface ReportEvents {
  exchange(ex: ExchangeRecord): void;
  /** A problem; one about entry i comes before the exchange of entry i (if it has one). */
  problem(p: InputProblem): void;
  /** A file is done: every exchange and problem of it came before. */
  file(f: FileRecord): void;
}

export interface ReportWriter extends ReportEvents {
  /** Writes the rest of the report from the totals. */
  end(totals: ReportTotals): void;
}

function emptyFamilies(): Record<StatusFamily, number> {
  return { '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, failed: 0, unknown: 0 };
}

function emptySeverities(): Record<Severity, number> {
  return { error: 0, warning: 0, info: 0 };
}

/**
 * Everything a report says about the run as a whole, gathered exchange by exchange without
 * keeping the exchanges: counts by file, family and severity, and the files and problems
 * themselves (problems are listed in full by every format, and are few in any real input).
 */
export class ReportTotals implements ReportEvents {
  readonly files: FileRecord[] = [];
  readonly problems: InputProblem[] = [];
  /** Counts per input, by `source`. */
  readonly bySource = new Map<number, Summary>();
  readonly summary: Summary = { exchanges: 0, families: emptyFamilies(), findings: emptySeverities() };
  /** Exchanges with at least one finding. */
  withFindings = 0;
  /** Whether any finding is at or over `failOn`. */
  failing = false;
  /** How many response bodies were over the cap and so not analysed. */
  bodiesOverCap = 0;
  /**
   * With OpenAPI descriptions loaded: operations documented / seen, undocumented operations and
   * statuses. Known only when the run ends, so every format writes it in `end`.
   */
  coverage: CoverageReport | undefined;

  constructor(readonly header: ReportHeader) {}

  exchange(ex: ExchangeRecord): void {
    let s = this.bySource.get(ex.source);
    if (!s) {
      s = { exchanges: 0, families: emptyFamilies(), findings: emptySeverities() };
      this.bySource.set(ex.source, s);
    }
    for (const t of [s, this.summary]) {
      t.exchanges++;
      t.families[ex.family]++;
      for (const f of ex.findings) t.findings[f.severity]++;
    }
    if (ex.findings.length > 0) this.withFindings++;
    if (!this.failing && ex.findings.some((f) => fails(f.severity, this.header.failOn))) this.failing = true;
  }

  problem(p: InputProblem): void {
    this.problems.push(p);
  }

  file(f: FileRecord): void {
    this.files.push(f);
  }

  /** Counts of one input (zero when it had no exchanges). */
  forSource(source: number): Summary {
    return (
      this.bySource.get(source) ?? { exchanges: 0, families: emptyFamilies(), findings: emptySeverities() }
    );
  }
}

/** Feeds events to several listeners: the totals and a writer. */
export function fanOut(...targets: ReportEvents[]): ReportEvents {
  return {
    exchange: (ex) => targets.forEach((t) => t.exchange(ex)),
    problem: (p) => targets.forEach((t) => t.problem(p)),
    file: (f) => targets.forEach((t) => t.file(f)),
  };
}

/**
 * Replays a report held in memory (the panel's) as events: per file, its problems, then its
 * exchanges, then the file. Returns the totals.
 */
export function replayReport(report: LintReport, writer: ReportWriter): ReportTotals {
  const totals = new ReportTotals({
    toolVersion: report.toolVersion,
    profiles: report.profiles,
    failOn: report.failOn,
    ...(report.bodyCap !== undefined ? { bodyCap: report.bodyCap } : {}),
  });
  const events = fanOut(totals, writer);
  const known = new Set(report.files.map((f) => f.source));
  for (const file of report.files) {
    for (const p of report.problems) if (p.source === file.source) events.problem(p);
    for (const ex of report.exchanges) if (ex.source === file.source) events.exchange(ex);
    events.file(file);
  }
  // Problems or exchanges of no listed file still count (and are listed), as before.
  for (const p of report.problems) if (!known.has(p.source)) events.problem(p);
  for (const ex of report.exchanges) if (!known.has(ex.source)) events.exchange(ex);
  totals.bodiesOverCap = report.bodiesOverCap ?? 0;
  if (report.coverage) totals.coverage = report.coverage;
  writer.end(totals);
  return totals;
}

/** Runs a writer over a report in memory and returns the text. */
export function renderReport(
  report: LintReport,
  make: (out: TextSink, header: ReportHeader, spool: SpoolFactory) => ReportWriter,
): string {
  const parts: string[] = [];
  const out: TextSink = { write: (t) => void parts.push(t) };
  const header: ReportHeader = {
    toolVersion: report.toolVersion,
    profiles: report.profiles,
    failOn: report.failOn,
    ...(report.bodyCap !== undefined ? { bodyCap: report.bodyCap } : {}),
  };
  replayReport(report, make(out, header, memorySpool));
  return parts.join('');
}

/**
 * Splits `JSON.stringify(skeleton, null, 2)` around the array at `key` (an array member at
 * any depth whose value is the marker), so the array's items can be written one by one in
 * between with the same layout `JSON.stringify` would give them.
 */
export function jsonAround(
  skeleton: object,
  marker: string,
): { before: string; after: string; indent: string } {
  const text = JSON.stringify(skeleton, null, 2);
  const quoted = JSON.stringify(marker);
  const at = text.indexOf(quoted);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const indent = /^ */.exec(text.slice(lineStart))![0];
  return { before: text.slice(0, at), after: text.slice(at + quoted.length), indent };
}

/**
 * Writes a JSON array item by item, laid out as `JSON.stringify(array, null, 2)` would lay it
 * out at this indent: `[]` when empty.
 */
export class JsonArrayWriter {
  private count = 0;

  constructor(
    private readonly out: TextSink,
    private readonly indent: string,
  ) {}

  item(value: unknown): void {
    const inner = `${this.indent}  `;
    const text = JSON.stringify(value, null, 2).replace(/\n/g, `\n${inner}`);
    this.out.write(`${this.count === 0 ? '[\n' : ',\n'}${inner}${text}`);
    this.count++;
  }

  close(): void {
    this.out.write(this.count === 0 ? '[]' : `\n${this.indent}]`);
  }
}
