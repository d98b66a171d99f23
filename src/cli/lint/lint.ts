import { statusFamily } from '../../core/exchange/family';
import { readSplitEntry } from '../../core/har/entry-reader';
import { HarStreamSplitter, type SplitEntry } from '../../core/har/stream-splitter';
import { analyzeExchange, type ActiveRule } from '../../core/engine/analyze';
import { capBody } from '../../core/engine/body-cap';
import type { EngineLimits } from '../../core/engine/context';
import type { ProfileId } from '../../core/rules/types';
import type { CliIo } from '../io';
import { TOOL_VERSION } from '../version';
import { PROGRESS_THRESHOLD, ProgressBar } from './progress';
import { reasonFor } from '../../core/report/reason';
import { redactUrl } from '../../core/export/redact';
import type { ExchangeRecord, FailOn, FileRecord, InputProblem, LintReport } from '../../core/report/model';
import { openFile, sarifUri, stdinSource, type ByteSource } from './source';

export interface LintPlan {
  files: string[];
  active: ActiveRule[];
  profiles: ProfileId[];
  /** Bodies larger than this many bytes are checked by headers only. */
  bodyCap: number;
  limits: EngineLimits;
  failOn: FailOn;
  /** Query parameters whose values are replaced in reported URLs. */
  redactQuery: readonly string[];
}

/** Lints every file in order. Never throws for bad input: that becomes a problem in the report. */
export async function lintFiles(plan: LintPlan, io: CliIo): Promise<LintReport> {
  const report: LintReport = {
    toolVersion: TOOL_VERSION,
    profiles: plan.profiles,
    failOn: plan.failOn,
    files: [],
    exchanges: [],
    problems: [],
    bodyCap: plan.bodyCap,
    bodiesOverCap: 0,
  };
  for (let n = 0; n < plan.files.length; n++) {
    const path = plan.files[n]!;
    let source: ByteSource;
    try {
      source = path === '-' ? stdinSource(io) : await openFile(path, io);
    } catch (e) {
      const uri = sarifUri(path, io.cwd);
      report.files.push({ source: n, file: path, uri, entries: 0, failed: true });
      report.problems.push({ kind: 'file', source: n, file: path, uri, message: (e as Error).message });
      continue;
    }
    report.files.push(await lintSource(source, n, plan, io, report));
  }
  return report;
}

async function lintSource(
  source: ByteSource,
  fileNo: number,
  plan: LintPlan,
  io: CliIo,
  report: LintReport,
): Promise<FileRecord> {
  const { display: file, uri } = source;
  const record: FileRecord = { source: fileNo, file, uri, entries: 0, failed: false };
  const splitter = new HarStreamSplitter();
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
    report.problems.push({ source: fileNo, file, uri, ...p });

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
      report.bodiesOverCap = (report.bodiesOverCap ?? 0) + 1;
    }
    const analysis = analyzeExchange(ex, plan.active, plan.limits);
    for (const p of analysis.problems) {
      problem({
        kind: 'rule',
        index: e.index,
        line: e.line,
        path,
        message: `rule ${p.rule} failed: ${p.message}`,
      });
    }
    for (const f of analysis.findings) {
      // A message built from a slice of a body can keep the whole body alive in V8; the
      // report outlives the exchange, so keep copies of just the text.
      f.message = detach(f.message);
      if (f.pointer !== undefined) f.pointer = detach(f.pointer);
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
    report.exchanges.push(rec);
  };

  try {
    for await (const chunk of source.chunks) {
      for (const e of splitter.push(chunk)) lintEntry(e);
      bar?.update(splitter.bytesRead, splitter.entryCount);
      if (splitter.error) break;
    }
  } catch (e) {
    bar?.clear();
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

function detach(text: string): string {
  return text.length > 4096 ? text : (JSON.parse(JSON.stringify(text)) as string);
}
