import type { SplitEntry } from '../../core/har/stream-splitter';
import type { EntryLinter, EntryOutcome } from './entry';
import { Batcher, JOBS_THRESHOLD, type LintPool } from './jobs';

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
 * Where one file's entries are linted. In this thread, one at a time, until the input proves big
 * enough to be worth the workers (--jobs); from then on in batches, by the pool or (when every
 * worker has its fill) here. Either way the outcomes reach `apply` in entry order.
 */
export class EntryScheduler {
  private readonly pending: Promise<EntryOutcome[]>[] = [];
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
    // Applied at once: the session rules may read the exchange itself (EntryLinter.lint).
    if (!this.parallel) {
      if (this.jobs.start) this.jobs.alone++;
      this.apply(this.jobs.linter.lint(e, this.fileNo, true));
    } else {
      const batch = this.batcher.add(e);
      if (batch) this.send(batch);
    }
  }

  /** Call after each chunk: counts its bytes and applies what is ready, waiting when too much is out. */
  async endChunk(bytes: number): Promise<void> {
    this.jobs.bytes += bytes;
    // Batches linted here wait behind the workers' ones: as many again may be out.
    if (this.parallel) await this.settle(this.pool().inFlight * 2);
  }

  /** Lints what is left and applies every outcome. */
  async finish(): Promise<void> {
    this.send(this.batcher.take());
    await this.settle(0);
  }

  private pool(): LintPool {
    return (this.jobs.pool ??= this.jobs.start!());
  }

  private send(batch: SplitEntry[]): void {
    if (batch.length === 0) return;
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
