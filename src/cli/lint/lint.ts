import type { Exchange } from '../../core/exchange/types';
import { statusFamily } from '../../core/exchange/family';
import { normalizeHarEntry } from '../../core/har/normalize';
import { tidyJsonError } from '../../core/har/json-error';
import { HarStreamSplitter, type SplitEntry } from '../../core/har/stream-splitter';
import { analyzeExchange, type ActiveRule } from '../../core/engine/analyze';
import type { EngineLimits } from '../../core/engine/context';
import type { ProfileId } from '../../core/rules/types';
import type { CliIo } from '../io';
import { TOOL_VERSION } from '../version';
import { PROGRESS_THRESHOLD, ProgressBar } from './progress';
import { reasonFor } from '../../core/report/reason';
import { redactUrl } from '../../core/export/redact';
import type { ExchangeRecord, FailOn, FileRecord, InputProblem, LintReport } from '../../core/report/model';
import { openFile, sarifUri, stdinSource, type ByteSource } from './source';
import { CoverageTracker, outlineOf, type ContractProblem, type PreparedContract } from '../../core/contract';

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
  /** Prepared OpenAPI descriptions (--openapi): contract rules judge by them, and the report gets coverage. */
  contracts?: readonly PreparedContract[];
  /** What could not be prepared in them (operations whose schemas are disabled). */
  contractWarnings?: readonly ContractProblem[];
}

/** Decodes an entry's bytes; invalid UTF-8 becomes U+FFFD, as reading the file as text would. */
function utf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** Turns V8's "… at position N" into a line of the file, counting from the entry's first line. */
function locateJsonError(
  message: string,
  text: string,
  firstLine: number,
): { message: string; line: number } {
  const m = /\s*(?:in JSON )?at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message);
  if (!m) return { message: tidyJsonError(message), line: firstLine };
  const pos = Math.min(Number(m[1]), text.length);
  let line = firstLine;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) line++;
  return { message: tidyJsonError(message.slice(0, m.index) + message.slice(m.index + m[0].length)), line };
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
  const contracts = plan.contracts ?? [];
  const coverage = contracts.length > 0 ? new CoverageTracker(contracts.map(outlineOf)) : undefined;
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
    report.files.push(await lintSource(source, n, plan, io, report, coverage));
  }
  if (coverage) report.coverage = coverage.report();
  return report;
}

async function lintSource(
  source: ByteSource,
  fileNo: number,
  plan: LintPlan,
  io: CliIo,
  report: LintReport,
  coverage: CoverageTracker | undefined,
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
    const text = utf8(e.bytes);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      const where = locateJsonError((err as Error).message, text, e.line);
      problem({
        kind: 'entry',
        index: e.index,
        line: where.line,
        path,
        message: `not valid JSON: ${where.message}`,
      });
      return;
    }
    const result = normalizeHarEntry(raw, `${fileNo}:${e.index}`);
    if (!result.ok) {
      problem({ kind: 'entry', index: e.index, line: e.line, path, message: result.error });
      return;
    }
    let ex = result.exchange;
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
    ex = capBody(ex, plan.bodyCap);
    if (ex.body.kind === 'unknown' && ex.body.reason === 'too-large') {
      report.bodiesOverCap = (report.bodiesOverCap ?? 0) + 1;
    }
    const analysis = analyzeExchange(ex, plan.active, plan.limits, plan.contracts);
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

/** Matches the extension: bodies over the capture cap are looked at by headers only. */
function capBody(ex: Exchange, cap: number): Exchange {
  const b = ex.body;
  if ((b.kind === 'text' || b.kind === 'binary') && b.size > cap) {
    return { ...ex, body: { kind: 'unknown', reason: 'too-large', size: b.size } };
  }
  return ex;
}
