import { HarStreamSplitter } from '../../core/har/stream-splitter';
import type { RedactionLists } from '../../core/export/redact';
import type { ActiveRule } from '../../core/engine/analyze';
import type { ActiveSessionRule } from '../../core/session/active';
import type { EngineLimits } from '../../core/engine/context';
import type { Finding, JsonState, ProfileId } from '../../core/rules/types';
import type { Exchange } from '../../core/exchange/types';
import { InputError, type CliIo } from '../io';
import type { Diagnostic } from '../diagnostic';
import { PROGRESS_THRESHOLD, ProgressBar } from './progress';
import type { FailOn, FileRecord, InputProblem } from '../../core/report/model';
import type { ReportEvents, ReportTotals } from '../../core/report/writer';
import { asUtf8, openFile, sarifUri, stdinSource, type ByteSource, type Utf8Input } from './source';
import { formatBytes } from '../../core/units/bytes';
import { CoverageTracker, outlineOf, type ContractProblem, type PreparedContract } from '../../core/contract';
import { entryLinter, type EntryOutcome, type Utf8Decode } from './entry';
import { LintPool, WorkerFailure } from './jobs';
import { EntryScheduler, type Jobs } from './schedule';
import { SessionJudge } from './session-judge';
import { ScopeTally, type UnmatchedProfile, type WatchedProfile } from './scope-watch';
import { memoryHold, RequestOrder, type EntryHold, type EntryReport } from '../../core/report/request-order';
import { KnownValues } from '../../core/export/known-values';
import { reportedAcross } from '../../core/export/reported';

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
  /**
   * The user's redaction lists (settings `redaction`), on top of the built-in vocabulary: what
   * reported URLs lose, and which of an exchange's values its report hides wherever it quotes them.
   */
  redaction: RedactionLists;
  /** Prepared OpenAPI descriptions (--openapi): contract rules judge by them, and the report gets coverage. */
  contracts?: readonly PreparedContract[];
  /** What could not be prepared in them (operations whose schemas are disabled). */
  contractWarnings?: readonly ContractProblem[];
  /** Said before linting: the settings file's descriptions switched off (`"off": true`), not loaded. */
  contractNotes?: readonly Diagnostic[];
  /** Said before linting: what the command line replaced in the settings file, or will not take effect. */
  notes?: readonly Diagnostic[];
  /** Entries longer than this are skipped with a problem (default: V8's longest string). */
  maxEntryBytes?: number;
  /** How entry bytes become text (default: TextDecoder); the CLI passes Node's native decoder. */
  decode?: Utf8Decode;
  /**
   * `--jobs` over 1 where workers can run (the built CLI): the worker script, how many, and the
   * lint arguments each worker builds this same plan from.
   */
  workers?: { script: URL; jobs: number; argv: readonly string[] };
  /**
   * Where a file's entry reports wait until the file ends, to be listed in request order
   * (core/report/request-order.ts). Default: memory; the CLI spills to a temporary file.
   */
  hold?: () => EntryHold;
  /**
   * Report entries as they are read, holding none (`status-lens diff`, whose report lists no
   * entries): each is hidden only by the credentials of the entries read before it.
   */
  fileOrder?: true;
  /** The user's own profiles, whose scopes are tallied per file (lint/scope-watch.ts). */
  watch?: readonly WatchedProfile[];
}

/** Where a lint run's results go as they are found, and how the run keeps pace with it. */
export interface LintSink {
  events: ReportEvents;
  totals: ReportTotals;
  /** Called after each chunk of input: lets a slow standard output catch up. */
  drained?: () => Promise<void>;
  /**
   * Sees each analysed exchange with its findings and the body's JSON as the engine parsed it
   * (`status-lens diff` summarises captures from it, parsing each body once). A run with this
   * hook lints in-thread: exchanges and parsed bodies do not cross from workers.
   */
  analysed?: Analysed;
  /**
   * Told at the end of each file that had exchanges which watched profiles (`plan.watch`) held
   * none of them (each with what its URLs held but it left out, and why), with the number of
   * exchanges; not called when every one matched.
   */
  unmatched?: (file: FileRecord, profiles: readonly UnmatchedProfile[], exchanges: number) => void;
}

export type Analysed = (
  fileNo: number,
  exchange: Exchange,
  findings: readonly Finding[],
  json: JsonState | undefined,
) => void;

/**
 * Lints every file in order, handing each exchange and problem to the sink as it is found
 * and keeping none of them: memory does not grow with the number of entries.
 * Never throws for bad input: that becomes a problem in the report.
 */
export async function lintFiles(plan: LintPlan, io: CliIo, sink: LintSink): Promise<void> {
  const contracts = plan.contracts ?? [];
  const coverage = contracts.length > 0 ? new CoverageTracker(contracts.map(outlineOf)) : undefined;
  const jobs: Jobs = {
    linter: entryLinter(plan, plan.decode, sink.analysed),
    bytes: 0,
    batches: { here: 0, workers: 0 },
    alone: 0,
  };
  const { workers } = plan;
  if (workers && workers.jobs > 1 && !sink.analysed) {
    // The main thread is one of the N: it lints whatever the workers have no room for.
    jobs.start = () => new LintPool(workers.script, workers.jobs - 1, workers.argv, io.cwd);
  }
  try {
    await lintEachFile(plan, io, sink, coverage, jobs);
  } finally {
    await jobs.pool?.close();
  }
  if (coverage) sink.totals.coverage = coverage.report();
  // For tests and benchmarks: who linted the batches (--jobs), so the split can be checked.
  // Asked for on a run that started no worker, it says so rather than stay silent.
  if (io.env.STATUS_LENS_JOBS_STATS === '1') {
    io.stderr.write(
      jobs.pool
        ? `status-lens: note: batches linted on the main thread ${jobs.batches.here}, by workers ${jobs.batches.workers}; entries linted before the workers started ${jobs.alone}\n`
        : 'status-lens: note: no worker started, the main thread linted every entry (inputs under 8 MiB, --jobs 1 and diff use one thread)\n',
    );
  }
}

async function lintEachFile(
  plan: LintPlan,
  io: CliIo,
  sink: LintSink,
  coverage: CoverageTracker | undefined,
  jobs: Jobs,
): Promise<void> {
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
    sink.events.file(await lintSource(source, n, plan, io, sink, coverage, jobs));
  }
}

/** Lints one input; its entries are reported in request order once it is read. */
async function lintSource(
  source: ByteSource,
  fileNo: number,
  plan: LintPlan,
  io: CliIo,
  sink: LintSink,
  coverage: CoverageTracker | undefined,
  jobs: Jobs,
): Promise<FileRecord> {
  const order = new RequestOrder(plan.hold?.() ?? memoryHold());
  try {
    return await readSource(source, fileNo, plan, io, sink, coverage, jobs, order);
  } finally {
    order.dispose();
  }
}

async function readSource(
  source: ByteSource,
  fileNo: number,
  plan: LintPlan,
  io: CliIo,
  sink: LintSink,
  coverage: CoverageTracker | undefined,
  jobs: Jobs,
  order: RequestOrder,
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

  // Each file is one session, judged here in entry order however its entries were linted.
  const session = new SessionJudge(plan.session ?? []);
  const scopes =
    plan.watch && plan.watch.length > 0 && sink.unmatched ? new ScopeTally(plan.watch) : undefined;

  // Entries are judged here in file order (session rules, coverage), then held and reported in
  // request order once the file is read: see core/report/request-order.ts. Being held, each is
  // reported hidden by the named credentials of every entry of the file (reportedAcross): a
  // session finding quotes other entries' requests. Nothing to hide in most files: no cost.
  const known = new KnownValues();
  const emit = (e: EntryReport) => {
    for (const p of e.problems) events.problem(p);
    if (e.exchange) events.exchange(reportedAcross(e.exchange, known.values));
  };
  const apply = (o: EntryOutcome) => {
    if (o.known) known.add(o.known);
    session.judge(o);
    if (o.overCap) sink.totals.bodiesOverCap++;
    const entry: EntryReport = { problems: o.problems.map((p) => ({ source: fileNo, file, uri, ...p })) };
    if (o.record) {
      scopes?.add(o.inScope, o.leftOut);
      coverage?.record(o.contract, o.record.status);
      entry.exchange = { source: fileNo, file, uri, ...o.record };
    }
    if (plan.fileOrder) emit(entry);
    else order.add(entry, o.started ?? Number.NaN);
  };
  /** Reports the file's entries in request order, letting a slow output catch up as it goes. */
  const report = async () => {
    let n = 0;
    for (const e of order.drain()) {
      emit(e);
      if (++n % 1024 === 0) await sink.drained?.();
    }
  };
  const entries = new EntryScheduler(jobs, fileNo, apply, source.size);
  const tellUnmatched = () => {
    const missed = scopes?.unmatchedWithReasons() ?? [];
    if (missed.length > 0) sink.unmatched?.(record, missed, scopes!.exchanges);
  };

  let ended: ReturnType<HarStreamSplitter['end']> | undefined;
  const input: Utf8Input = { transcoded: false };
  try {
    for await (const chunk of asUtf8(source.chunks, input)) {
      entries.startChunk();
      for (const e of splitter.push(chunk)) entries.add(e);
      await entries.endChunk(chunk.length);
      bar?.update(splitter.bytesRead, splitter.entryCount);
      if (splitter.error) break;
      await sink.drained?.();
    }
    ended = splitter.end();
    for (const e of ended.entries) entries.add(e);
    await entries.finish();
    await report();
  } catch (e) {
    bar?.clear();
    // The report could not be written (its temporary file), or a worker failed: not a
    // problem with this input.
    if (e instanceof InputError || e instanceof WorkerFailure) throw e;
    // The entries before the break are kept, as when linting in-thread.
    if (ended === undefined) for (const e of splitter.end().entries) entries.add(e);
    await entries.finish();
    await report();
    record.failed = true;
    record.entries = splitter.entryCount;
    problem({
      kind: 'file',
      message: `reading stopped after ${splitter.bytesRead} bytes: ${(e as Error)?.message ?? e}`,
    });
    tellUnmatched();
    return record;
  }
  bar?.clear();
  record.entries = splitter.entryCount;
  const err = ended?.error;
  if (err) {
    record.failed = true;
    const p: Omit<InputProblem, 'source' | 'file' | 'uri'> = {
      kind: 'file',
      line: err.line,
      column: err.column,
      message: record.entries > 0 ? err.message + unreadRest(source.size, err.offset, input) : err.message,
    };
    if (err.entryIndex !== undefined) {
      p.index = err.entryIndex;
      p.path = `log.entries[${err.entryIndex}]`;
    }
    problem(p);
  }
  tellUnmatched();
  return record;
}

/**
 * How much of a file a splitting error left unread, for its message once entries were read: the
 * report's counts cover only what came before it, and "4 exchanges" alone does not say that 28
 * entries after a broken bracket were never looked at. Said only where the offset is the file's
 * own (not transcoded from UTF-16) and the size is known (not standard input).
 */
function unreadRest(size: number | undefined, offset: number, input: Utf8Input): string {
  if (size === undefined || input.transcoded || offset >= size - 1) return '';
  const rest = size - offset;
  const share = Math.max(1, Math.floor((rest / size) * 100));
  return `; reading stopped there, and the rest of the file (${formatBytes(rest)}, ${share}% of it) was not read`;
}
