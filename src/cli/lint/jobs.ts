import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SplitEntry } from '../../core/har/stream-splitter';
import { UsageError } from '../io';
import type { EntryOutcome } from './entry';
import {
  isWorkerReply,
  type BatchEntry,
  type BatchRequest,
  type LintWorkerData,
  type WorkerReply,
} from './jobs-protocol';

/**
 * `--jobs N`: entries are linted by N threads, the main thread and N - 1 workers. The main thread
 * reads, splits and writes the report; it sends batches of whole entries (about BATCH_BYTES
 * each, copied into one transferred buffer) to the workers and lints a batch itself whenever
 * every worker already has IN_FLIGHT_PER_JOB batches, so no core waits while another has work
 * queued (an extra isolate per core cost more than it gave: its own JIT and GC threads, and
 * three busy threads on two cores). Outcomes are written in entry order; at most a bounded
 * number of batches are out at once, so memory stays bounded whatever the file's size and
 * however slow the report's destination.
 */

/** A batch is sent once its entries' bytes reach this (or it holds MAX_BATCH_ENTRIES). */
export const BATCH_BYTES = 1 << 20;
const MAX_BATCH_ENTRIES = 1024;
export const IN_FLIGHT_PER_JOB = 3;
/** Below this many bytes of input, starting workers costs more than it saves: lint in-thread. */
export const JOBS_THRESHOLD = 8 << 20;

/** The default for --jobs: the cores this process may use. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** Reads --jobs: a whole number from 1 to 64. */
export function parseJobs(text: string | undefined): number {
  if (text === undefined) return defaultJobs();
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(n) || n < 1 || n > 64) {
    throw new UsageError(`--jobs must be a whole number from 1 to 64 (got ${JSON.stringify(text)})`, 'lint');
  }
  return n;
}

/** A worker failed or stopped: an internal error, not a problem with the input. */
export class WorkerFailure extends Error {
  constructor(message: string) {
    super(`a lint worker failed: ${message}`);
    this.name = 'WorkerFailure';
  }
}

interface Pending {
  resolve(o: EntryOutcome[]): void;
  reject(e: Error): void;
}

class LintWorker {
  readonly worker: Worker;
  readonly pending = new Map<number, Pending>();
  /** Batches given to this worker and not answered yet (counted from the moment they are given). */
  load = 0;
  private failure: Error | undefined;

  constructor(script: URL, data: LintWorkerData) {
    this.worker = new Worker(script, { workerData: data });
    this.worker.on('message', (m: unknown) => {
      if (!isWorkerReply(m)) return this.fail(new WorkerFailure('it sent something unexpected'));
      this.receive(m);
    });
    this.worker.on('error', (e) => this.fail(new WorkerFailure(e.message)));
    this.worker.on('exit', (code) => this.fail(new WorkerFailure(`it stopped (exit code ${code})`)));
  }

  /** The first failure ends the worker's batches: those out now, and any sent later. */
  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
  }

  private receive(m: WorkerReply): void {
    switch (m.type) {
      case 'ready':
        // Batches are sent before it (the worker keeps them until it listens): nothing waits for it.
        return;
      case 'failed':
        return this.fail(new WorkerFailure(m.message));
      default: {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.type === 'batch') p.resolve(m.outcomes);
        else p.reject(new WorkerFailure(m.message));
      }
    }
  }

  send(req: BatchRequest): Promise<EntryOutcome[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.set(req.id, { resolve, reject });
      this.worker.postMessage(req, [req.buffer]);
    });
  }
}

/** Lint workers, each batch sent to the one with the fewest batches out. */
export class LintPool {
  private readonly workers: LintWorker[];
  private nextId = 0;

  constructor(script: URL, jobs: number, argv: readonly string[], cwd: string) {
    const data: LintWorkerData = { kind: 'status-lens/lint-worker', argv: [...argv], cwd };
    this.workers = Array.from({ length: jobs }, () => new LintWorker(script, data));
  }

  /** How many batches may be out at once. */
  get inFlight(): number {
    return this.workers.length * IN_FLIGHT_PER_JOB;
  }

  /** True when every worker has its fill of batches: the caller had better lint the next one itself. */
  get saturated(): boolean {
    return this.workers.every((w) => w.load >= IN_FLIGHT_PER_JOB);
  }

  /** Sends these entries (of input `fileNo`) to the next worker; resolves to their outcomes, in order. */
  lint(fileNo: number, entries: readonly SplitEntry[]): Promise<EntryOutcome[]> {
    let size = 0;
    for (const e of entries) size += e.bytes.length;
    const buffer = new ArrayBuffer(size);
    const bytes = new Uint8Array(buffer);
    const described: BatchEntry[] = [];
    let at = 0;
    for (const e of entries) {
      bytes.set(e.bytes, at);
      const d: BatchEntry = {
        index: e.index,
        line: e.line,
        offset: e.offset,
        start: at,
        length: e.bytes.length,
      };
      if (e.oversize) d.oversize = e.oversize;
      described.push(d);
      at += e.bytes.length;
    }
    let worker = this.workers[0]!;
    for (const w of this.workers) if (w.load < worker.load) worker = w;
    const id = this.nextId++;
    worker.load++;
    const done = () => void worker.load--;
    // Posted now, not once the worker says it is ready: a promise callback runs only when this
    // thread next yields, which it does only between chunks, so every batch of a chunk waited
    // until this thread had split (and linted its share of) the whole chunk. A worker still
    // starting keeps what it is sent until it listens; one that fails rejects it (LintWorker.fail).
    const answer = worker.send({ type: 'batch', id, fileNo, entries: described, buffer });
    answer.then(done, done);
    return answer;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

/** Collects entries into batches of about BATCH_BYTES. */
export class Batcher {
  private entries: SplitEntry[] = [];
  private bytes = 0;

  /** Adds an entry; returns the batch when it is full. */
  add(e: SplitEntry): SplitEntry[] | undefined {
    this.entries.push(e);
    this.bytes += e.bytes.length;
    return this.bytes >= BATCH_BYTES || this.entries.length >= MAX_BATCH_ENTRIES ? this.take() : undefined;
  }

  /** The entries collected so far (possibly none). */
  take(): SplitEntry[] {
    const out = this.entries;
    this.entries = [];
    this.bytes = 0;
    return out;
  }
}
