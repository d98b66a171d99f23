import type { SplitEntry } from '../../core/har/stream-splitter';
import type { EntryLinter, EntryOutcome } from './entry';
import { Batcher, BATCH_BYTES, JOBS_THRESHOLD, type LintPool } from './jobs';

/** How entries are linted in this run: in-thread, or by a pool started once the input is big. */
export interface Jobs {
  linter: EntryLinter;
  start?: () => LintPool;
  pool?: LintPool;
  /** Input bytes read so far, all files. */
  bytes: number;
  /** Batches linted once the pool started: on this thread (workers full), by workers. */
  batches: { here: number; workers: number };
  /** Entries linted one at a time on this thread while the pool could start but had not (--jobs). */
  alone: number;
}

/**
 * Entries linted one at a time here are applied (judged by the session rules, held for the
 * report) this many at a time, or once their bytes reach BATCH_BYTES, or at each chunk's end.
 * Applied one by one, each entry's session rules (their windows, a dozen maps of up to 1,000
 * keys) and its report's hold ran between the lint of one entry and the next, each evicting the
 * other's code and data from the processor's caches: the rules cost the one-thread lint about
 * twice what they cost in a loop of their own (#18; docs/performance.md).
 */
const HELD_ENTRIES = 32;

/**
 * Where one file's entries are linted. In this thread, one at a time, until the input proves big
 * enough to be worth the workers (--jobs); from then on in batches, by the pool or (when every
 * worker has its fill) here. Either way the outcomes reach `apply` in entry order.
 */
export class EntryScheduler {
  private readonly pending: Promise<EntryOutcome[]>[] = [];
  /** Outcomes of entries linted here one at a time, not applied yet (in entry order). */
  private held: EntryOutcome[] = [];
  private heldBytes = 0;
  private readonly batcher = new Batcher();
  private parallel = false;

  /** The file is known to be big enough for the workers (its size; not from standard input). */
  private readonly big: boolean;

  /**
   * `size`: the file's size when known. A file big enough for the workers gets them from its
   * first chunk: a worker takes a while to start (its own copy of the CLI to compile), and
   * starting it only once 8 MiB had been linted here left the second core idle until then.
   */
  constructor(
    private readonly jobs: Jobs,
    private readonly fileNo: number,
    private readonly apply: (o: EntryOutcome) => void,
    size?: number,
  ) {
    this.big = size !== undefined && jobs.bytes + size >= JOBS_THRESHOLD;
  }

  /** Call before each chunk's entries: decides whether they go to the workers. */
  startChunk(): void {
    const { jobs } = this;
    this.parallel =
      jobs.start !== undefined && (jobs.pool !== undefined || this.big || jobs.bytes >= JOBS_THRESHOLD);
  }

  add(e: SplitEntry): void {
    // Applied before another thread's outcome can be (applyHeld): the session rules may read the
    // exchange itself (EntryLinter.lint), held a few entries long (HELD_ENTRIES).
    if (!this.parallel) {
      if (this.jobs.start) this.jobs.alone++;
      this.held.push(this.jobs.linter.lint(e, this.fileNo, true));
      this.heldBytes += e.bytes.length;
      if (this.held.length >= HELD_ENTRIES || this.heldBytes >= BATCH_BYTES) this.applyHeld();
    } else {
      const batch = this.batcher.add(e);
      if (batch) this.send(batch);
    }
  }

  /** Call after each chunk: counts its bytes and applies what is ready, waiting when too much is out. */
  async endChunk(bytes: number): Promise<void> {
    this.jobs.bytes += bytes;
    this.applyHeld();
    // Batches linted here wait behind the workers' ones: as many again may be out.
    if (this.parallel) await this.settle(this.pool().inFlight * 2);
  }

  /** Applies the outcomes held (HELD_ENTRIES), in entry order. */
  private applyHeld(): void {
    if (this.held.length === 0) return;
    const held = this.held;
    this.held = [];
    this.heldBytes = 0;
    for (const o of held) this.apply(o);
  }

  /** Lints what is left and applies every outcome. */
  async finish(): Promise<void> {
    this.applyHeld();
    this.send(this.batcher.take());
    await this.settle(0);
  }

  private pool(): LintPool {
    return (this.jobs.pool ??= this.jobs.start!());
  }

  private send(batch: SplitEntry[]): void {
    if (batch.length === 0) return;
    // What was linted here one at a time comes before this batch.
    this.applyHeld();
    const { jobs } = this;
    const p = this.pool();
    if (!p.saturated) {
      jobs.batches.workers++;
      this.pending.push(p.lint(this.fileNo, batch));
    } else {
      jobs.batches.here++;
      this.pending.push(Promise.resolve(batch.map((e) => jobs.linter.lint(e, this.fileNo))));
    }
  }

  private async settle(keep: number): Promise<void> {
    while (this.pending.length > keep) for (const o of await this.pending.shift()!) this.apply(o);
  }
}
