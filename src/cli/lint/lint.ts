import { HarStreamSplitter, type SplitEntry } from '../../core/har/stream-splitter';
import { compareFindings, type ActiveRule } from '../../core/engine/analyze';
import type { ActiveSessionRule } from '../../core/session/active';
import { SessionAnalyser } from '../../core/session/analyser';
import type { EngineLimits } from '../../core/engine/context';
import type { Finding, JsonState, ProfileId } from '../../core/rules/types';
import type { Exchange } from '../../core/exchange/types';
import { InputError, type CliIo } from '../io';
import { PROGRESS_THRESHOLD, ProgressBar } from './progress';
import type { FailOn, FileRecord, InputProblem } from '../../core/report/model';
import type { ReportEvents, ReportTotals } from '../../core/report/writer';
import { asUtf8, openFile, sarifUri, stdinSource, type ByteSource } from './source';
import { CoverageTracker, outlineOf, type ContractProblem, type PreparedContract } from '../../core/contract';
import { entryLinter, type EntryLinter, type EntryOutcome, type Utf8Decode } from './entry';
import { Batcher, JOBS_THRESHOLD, LintPool, WorkerFailure } from './jobs';
import { memoryHold, RequestOrder, type EntryHold, type EntryReport } from '../../core/report/request-order';

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
  /** Report entries as they are read, holding none (`status-lens diff`, whose report lists no entries). */
  fileOrder?: true;
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
  if (jobs.pool && io.env.STATUS_LENS_JOBS_STATS === '1') {
    io.stderr.write(
      `status-lens: batches linted on the main thread ${jobs.batches.here}, by workers ${jobs.batches.workers}\n`,
    );
  }
}

/** How entries are linted in this run: in-thread, or by a pool started once the input is big. */
interface Jobs {
  linter: EntryLinter;
  start?: () => LintPool;
  pool?: LintPool;
  /** Input bytes read so far, all files. */
  bytes: number;
  /** Batches linted once the pool started: on this thread (workers full), by workers. */
  batches: { here: number; workers: number };
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

/** How many recent entries' lines a file's lint keeps for related locations. */
const LINE_RING = 4096;

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

  // Each file is one session, judged here in entry order whether entries were linted in this
  // thread or by workers. The lines of recent entries are kept (a fixed ring) so SARIF can point
  // at the related entries a session finding names; older ones are named by index only.
  const session = new SessionAnalyser(plan.session ?? []);
  const lines = new Int32Array(LINE_RING * 2).fill(-1);
  const judgeSession = (o: EntryOutcome) => {
    const rec = o.record!;
    const slot = (rec.index % LINE_RING) * 2;
    lines[slot] = rec.index;
    lines[slot + 1] = rec.line;
    const found = session.push(o.session!, rec.index, o.started ?? NaN);
    for (const p of found.problems)
      o.problems.push({
        kind: 'rule',
        index: rec.index,
        line: rec.line,
        path: `log.entries[${rec.index}]`,
        message: `rule ${p.rule} failed: ${p.message}`,
      });
    if (found.findings.length === 0) return;
    for (const f of found.findings)
      for (const r of f.related ?? []) {
        const at = (r.index % LINE_RING) * 2;
        if (lines[at] === r.index) r.line = lines[at + 1];
      }
    rec.findings = [...rec.findings, ...found.findings].sort(compareFindings);
  };

  // Entries are judged here in file order (session rules, coverage), then held and reported in
  // request order once the file is read: see core/report/request-order.ts.
  const emit = (e: EntryReport) => {
    for (const p of e.problems) events.problem(p);
    if (e.exchange) events.exchange(e.exchange);
  };
  const apply = (o: EntryOutcome) => {
    if (o.record && o.session) judgeSession(o);
    if (o.overCap) sink.totals.bodiesOverCap++;
    const entry: EntryReport = { problems: o.problems.map((p) => ({ source: fileNo, file, uri, ...p })) };
    if (o.record) {
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
  // Entries are linted here until the input proves big enough to be worth the workers
  // (--jobs); from then on in batches, by the pool or (when every worker has its fill) here,
  // their outcomes applied in entry order.
  const pending: Promise<EntryOutcome[]>[] = [];
  const batcher = new Batcher();
  const pool = () => (jobs.pool ??= jobs.start?.());
  const send = (batch: SplitEntry[]) => {
    if (batch.length === 0) return;
    const p = pool()!;
    if (!p.saturated) {
      jobs.batches.workers++;
      pending.push(p.lint(fileNo, batch));
    } else {
      jobs.batches.here++;
      pending.push(Promise.resolve(batch.map((e) => jobs.linter.lint(e, fileNo))));
    }
  };
  const settle = async (keep: number) => {
    while (pending.length > keep) for (const o of await pending.shift()!) apply(o);
  };

  try {
    for await (const chunk of asUtf8(source.chunks)) {
      const parallel = jobs.start !== undefined && (jobs.pool !== undefined || jobs.bytes >= JOBS_THRESHOLD);
      for (const e of splitter.push(chunk)) {
        if (!parallel) apply(jobs.linter.lint(e, fileNo, true));
        else {
          const batch = batcher.add(e);
          if (batch) send(batch);
        }
      }
      jobs.bytes += chunk.length;
      // Batches linted here wait behind the workers' ones: as many again may be out.
      if (parallel) await settle(pool()!.inFlight * 2);
      bar?.update(splitter.bytesRead, splitter.entryCount);
      if (splitter.error) break;
      await sink.drained?.();
    }
    send(batcher.take());
    await settle(0);
    await report();
  } catch (e) {
    bar?.clear();
    // The report could not be written (its temporary file), or a worker failed: not a
    // problem with this input.
    if (e instanceof InputError || e instanceof WorkerFailure) throw e;
    // The entries before the break are kept, as when linting in-thread.
    send(batcher.take());
    await settle(0);
    await report();
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
