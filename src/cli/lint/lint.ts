import { HarStreamSplitter } from '../../core/har/stream-splitter';
import { InputError, type CliIo } from '../io';
import { PROGRESS_THRESHOLD, ProgressBar } from './progress';
import type { FileRecord, InputProblem } from '../../core/report/model';
import { asUtf8, openFile, sarifUri, stdinSource, type ByteSource, type Utf8Input } from './source';
import { formatBytes } from '../../core/units/bytes';
import { CoverageTracker, outlineOf } from '../../core/contract';
import { entryLinter, type EntryOutcome } from './entry';
import { LintPool, WorkerFailure } from './jobs';
import { EntryScheduler, type Jobs } from './schedule';
import { strayArgumentHint } from './stray-argument';
import { SessionJudge } from './session-judge';
import { ScopeTally } from './scope-watch';
import { Utf8Tally } from './utf8-watch';
import { memoryHold, RequestOrder, type EntryReport } from '../../core/report/request-order';
import { KnownValues } from '../../core/export/known-values';
import { reportedAcross } from '../../core/export/reported';
import type { LintPlan, LintSink } from './lint-plan';

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
      source = path === '-' ? stdinSource(io, plan.stdinName) : await openFile(path, io);
    } catch (e) {
      const uri = sarifUri(path, io.cwd);
      const hint = strayArgumentHint(path, plan.profileIds, plan.profilesGiven);
      const message = `${(e as Error).message}${hint === '' ? '' : ` (${hint})`}`;
      sink.events.problem({ kind: 'file', source: n, file: path, uri, message });
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
  if (source.standardInput) record.standardInput = true;
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
  const contractScopes =
    plan.contracts && plan.contracts.length > 0 && sink.unmatchedContracts
      ? new ScopeTally(plan.contracts)
      : undefined;
  const utf8 = new Utf8Tally();

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
      contractScopes?.add(o.inContracts);
      if (o.invalidUtf8) utf8.add(o.record.index, o.record.line);
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
    const unheld = contractScopes?.unmatched() ?? [];
    if (unheld.length > 0) sink.unmatchedContracts?.(record, unheld, contractScopes!.exchanges);
    const notUtf8 = utf8.warning(file);
    if (notUtf8) sink.warn?.(notUtf8);
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
