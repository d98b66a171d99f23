import { statusFamily } from '../../core/exchange/family';
import { readSplitEntry } from '../../core/har/entry-reader';
import { HarStreamSplitter, type SplitEntry } from '../../core/har/stream-splitter';
import { analyzeExchange, compareFindings, type ActiveRule } from '../../core/engine/analyze';
import type { ActiveSessionRule } from '../../core/session/active';
import { SessionAnalyser } from '../../core/session/analyser';
import { capBody } from '../../core/engine/body-cap';
import type { EngineLimits } from '../../core/engine/context';
import type { ProfileId } from '../../core/rules/types';
import { InputError, type CliIo } from '../io';
import { PROGRESS_THRESHOLD, ProgressBar } from './progress';
import { reasonFor } from '../../core/report/reason';
import { redactUrl } from '../../core/export/redact';
import type { ExchangeRecord, FailOn, FileRecord, InputProblem } from '../../core/report/model';
import type { ReportEvents, ReportTotals } from '../../core/report/writer';
import { asUtf8, openFile, sarifUri, stdinSource, type ByteSource } from './source';
import { CoverageTracker, outlineOf, type ContractProblem, type PreparedContract } from '../../core/contract';

export interface LintPlan {
  files: string[];
  active: ActiveRule[];
  /** Session rules: run per file, in capture order, within the bounded window (docs/cli.md). */
  session?: ActiveSessionRule[];
  profiles: ProfileId[];
  /** Bodies larger than this many bytes are checked by headers only. */
  bodyCap: number;
  limits: EngineLimits;
  failOn: FailOn;
  /** Query parameters whose values are replaced in reported URLs. */
  redactQuery: readonly string[];
  /** Prepared OpenAPI descriptions (--openapi): contract rules judge by them, and the report gets coverage. */
  contracts?: readonly PreparedContract[];
  /** What could not be prepared in them (operations whose schemas are disabled). */
  contractWarnings?: readonly ContractProblem[];
  /** Entries longer than this are skipped with a problem (default: V8's longest string). */
  maxEntryBytes?: number;
}

/** Where a lint run's results go as they are found, and how the run keeps pace with it. */
export interface LintSink {
  events: ReportEvents;
  totals: ReportTotals;
  /** Called after each chunk of input: lets a slow standard output catch up. */
  drained?: () => Promise<void>;
}

/**
 * Lints every file in order, handing each exchange and problem to the sink as it is found
 * and keeping none of them: memory does not grow with the number of entries.
 * Never throws for bad input: that becomes a problem in the report.
 */
export async function lintFiles(plan: LintPlan, io: CliIo, sink: LintSink): Promise<void> {
  const contracts = plan.contracts ?? [];
  const coverage = contracts.length > 0 ? new CoverageTracker(contracts.map(outlineOf)) : undefined;
  for (let n = 0; n < plan.files.length; n++) {
    const path = plan.files[n]!;
    let source: ByteSource;
    try {
      source = path === '-' ? stdinSource(io) : await openFile(path, io);
    } catch (e) {
      const uri = sarifUri(path, io.cwd);
      sink.events.problem({ kind: 'file', source: n, file: path, uri, message: (e as Error).message });
      sink.events.file({ source: n, file: path, uri, entries: 0, failed: true });
      continue;
    }
    sink.events.file(await lintSource(source, n, plan, io, sink, coverage));
  }
  if (coverage) sink.totals.coverage = coverage.report();
}

/** How many recent entries' lines a file's lint keeps for related locations. */
const LINE_RING = 4096;

async function lintSource(
  source: ByteSource,
  fileNo: number,
  plan: LintPlan,
  io: CliIo,
  sink: LintSink,
  coverage: CoverageTracker | undefined,
): Promise<FileRecord> {
  const { display: file, uri } = source;
  const { events } = sink;
  const record: FileRecord = { source: fileNo, file, uri, entries: 0, failed: false };
  const splitter = new HarStreamSplitter(
    plan.maxEntryBytes !== undefined ? { maxEntryBytes: plan.maxEntryBytes } : {},
  );
  const bar =
    io.stderrIsTTY && source.size !== undefined && source.size > PROGRESS_THRESHOLD
      ? new ProgressBar(
          io.stderr,
          file,
          source.size,
          io.columns !== undefined && io.columns > 20 ? io.columns : 80,
        )
      : undefined;
  const problem = (p: Omit<InputProblem, 'source' | 'file' | 'uri'>) =>
    events.problem({ source: fileNo, file, uri, ...p });
  // Each file is one session. The lines of recent entries are kept (a fixed ring) so SARIF can
  // point at the related entries a session finding names; older ones are named by index only.
  const session = new SessionAnalyser(plan.session ?? []);
  const lines = new Int32Array(LINE_RING * 2).fill(-1);

  const lintEntry = (e: SplitEntry) => {
    const path = `log.entries[${e.index}]`;
    const result = readSplitEntry(e, `${fileNo}:${e.index}`);
    if (!result.ok) {
      problem({ kind: 'entry', index: e.index, line: result.line, path, message: result.message });
      return;
    }
    const ex = result.exchange;
    if (ex.body.kind === 'unknown' && ex.body.reason === 'decode-failed') {
      problem({
        kind: 'entry',
        index: e.index,
        line: e.line,
        path: `${path}.response.content.text`,
        message:
          'content.encoding is "base64" but the text does not decode; the entry was checked without its body',
      });
    }
    if (capBody(ex, plan.bodyCap) !== undefined) {
      sink.totals.bodiesOverCap++;
    }
    const analysis = analyzeExchange(ex, plan.active, plan.limits, plan.contracts);
    if (!session.empty) {
      const slot = (e.index % LINE_RING) * 2;
      lines[slot] = e.index;
      lines[slot + 1] = e.line;
      const found = session.push(ex, e.index);
      if (found.findings.length > 0) {
        for (const f of found.findings)
          for (const r of f.related ?? []) {
            const at = (r.index % LINE_RING) * 2;
            if (lines[at] === r.index) r.line = lines[at + 1];
          }
        analysis.findings.push(...found.findings);
        analysis.findings.sort(compareFindings);
      }
      analysis.problems.push(...found.problems);
    }
    coverage?.record(analysis.contract, ex.status);
    for (const p of analysis.problems) {
      problem({
        kind: 'rule',
        index: e.index,
        line: e.line,
        path,
        message: `rule ${p.rule} failed: ${p.message}`,
      });
    }
    const rec: ExchangeRecord = {
      source: fileNo,
      file,
      uri,
      index: e.index,
      line: e.line,
      method: ex.method,
      url: redactUrl(ex.url, plan.redactQuery),
      status: ex.status,
      family: statusFamily(ex.status),
      reason: reasonFor(ex),
      findings: analysis.findings,
    };
    if (ex.serverStatus !== undefined) rec.serverStatus = ex.serverStatus;
    events.exchange(rec);
  };

  try {
    for await (const chunk of asUtf8(source.chunks)) {
      for (const e of splitter.push(chunk)) {
        try {
          lintEntry(e);
        } catch (err) {
          // The report could not be written: not a problem with this entry.
          if (err instanceof InputError) throw err;
          // Anything else an entry can make fail (a string V8 cannot make) costs that entry
          // only, named, and the file goes on.
          problem({
            kind: 'entry',
            index: e.index,
            line: e.line,
            path: `log.entries[${e.index}]`,
            message: `could not be read: ${(err as Error)?.message ?? String(err)}; the entry was skipped`,
          });
        }
      }
      bar?.update(splitter.bytesRead, splitter.entryCount);
      if (splitter.error) break;
      await sink.drained?.();
    }
  } catch (e) {
    bar?.clear();
    // The report could not be written (its temporary file): not a problem with this input.
    if (e instanceof InputError) throw e;
    record.failed = true;
    record.entries = splitter.entryCount;
    problem({
      kind: 'file',
      message: `reading stopped after ${splitter.bytesRead} bytes: ${(e as Error)?.message ?? e}`,
    });
    return record;
  }
  bar?.clear();
  record.entries = splitter.entryCount;
  const err = splitter.finish();
  if (err) {
    record.failed = true;
    const p: Omit<InputProblem, 'source' | 'file' | 'uri'> = {
      kind: 'file',
      line: err.line,
      column: err.column,
      message: err.message,
    };
    if (err.entryIndex !== undefined) {
      p.index = err.entryIndex;
      p.path = `log.entries[${err.entryIndex}]`;
    }
    problem(p);
  }
  return record;
}
