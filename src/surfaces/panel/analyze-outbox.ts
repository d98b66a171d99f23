import type { Exchange } from '../../core/exchange/types';
import type { SessionChoice } from './sessions';

/**
 * Rows per `analyze` message. Measured in Node on the generated HAR (scripts/gen-har.mjs): 250
 * rows take ~2 ms to clone and 25–60 ms to analyse; 1,000 take ~13 ms and ~95 ms. In Chromium,
 * a settings change over 20,000 rows of 4 KB bodies sent in one message was a 225 ms task on the
 * panel's thread, 22 ms at most in batches (e2e panel-responsiveness), and the worker answered
 * nothing else (a search, an export) until it had judged them all.
 */
export const ANALYZE_BATCH_ROWS = 250;

/**
 * Batches the worker holds at once: one being analysed and the next waiting, so it never idles
 * between them, while a search or an export posted meanwhile waits behind one batch at most.
 */
export const ANALYZE_IN_FLIGHT = 2;

export interface AnalyzeBatch {
  exchanges: Exchange[];
  choice: SessionChoice;
}

/**
 * The `analyze` messages for the worker, sent a bounded batch at a time (the worker answers each
 * with `analyzed`), so neither the panel's thread (cloning) nor the worker (analysing) is busy
 * with tens of thousands of rows in one task. Batches go in the order they were added: a
 * session's rows are judged in order, and a replay begins its session again once, at its first
 * batch. An analysis `again` of a session's rows (a settings or description change: all of its
 * rows) supersedes what is still waiting of that session: those rows are in it, and results by
 * the older settings, already sent, come back before any by the newer (the worker answers in order).
 */
export class AnalyzeOutbox {
  private waiting: AnalyzeBatch[] = [];
  private inFlight = 0;

  /** `send` posts one batch; `dropped` is told of exchanges taken off the queue unsent. */
  constructor(
    private readonly send: (batch: AnalyzeBatch) => void,
    private readonly dropped: (exchanges: readonly Exchange[]) => void,
    private readonly batchRows = ANALYZE_BATCH_ROWS,
  ) {}

  add(exchanges: readonly Exchange[], choice: SessionChoice = {}, again = false): void {
    let replay = choice.replay === true;
    if (again) {
      const superseded = this.take((b) => b.choice.session === choice.session);
      // A replay that had not begun yet still has to begin, now with these rows.
      replay ||= superseded.some((b) => b.choice.replay);
    }
    for (let i = 0; i < exchanges.length; i += this.batchRows) {
      const slice = exchanges.slice(i, i + this.batchRows);
      const first = i === 0 && replay;
      const last = this.waiting.at(-1);
      // Small live flushes queued behind a busy worker travel together.
      if (
        !first &&
        last &&
        last.choice.session === choice.session &&
        last.exchanges.length < this.batchRows
      ) {
        const room = this.batchRows - last.exchanges.length;
        last.exchanges.push(...slice.slice(0, room));
        if (slice.length > room)
          this.waiting.push({ exchanges: slice.slice(room), choice: this.plain(choice) });
        continue;
      }
      this.waiting.push({
        exchanges: slice,
        choice: first ? { ...this.plain(choice), replay: true } : this.plain(choice),
      });
    }
    this.pump();
  }

  /** The worker has analysed one batch. */
  answered(): void {
    if (this.inFlight > 0) this.inFlight--;
    this.pump();
  }

  /** Clear: nothing unsent is wanted any more (every session begins again). */
  clear(): void {
    this.take(() => true);
  }

  /** Takes the unsent exchanges that `leave` picks off the queue (rows the panel forgot). */
  forget(leave: (exchange: Exchange) => boolean): void {
    const gone: Exchange[] = [];
    for (const b of this.waiting) {
      const keep = b.exchanges.filter((ex) => !leave(ex));
      if (keep.length < b.exchanges.length) gone.push(...b.exchanges.filter(leave));
      b.exchanges = keep;
    }
    // An emptied replay batch still has to begin its session again.
    this.waiting = this.waiting.filter((b) => b.exchanges.length > 0 || b.choice.replay);
    if (gone.length > 0) this.dropped(gone);
    this.pump();
  }

  /** Everything unsent, off the queue (the worker failed: the panel analyses it itself). */
  takeAll(): AnalyzeBatch[] {
    const all = this.waiting;
    this.waiting = [];
    this.inFlight = 0;
    return all;
  }

  /** Batches waiting to be sent (tests). */
  get queued(): number {
    return this.waiting.length;
  }

  private take(which: (b: AnalyzeBatch) => boolean): AnalyzeBatch[] {
    const out = this.waiting.filter(which);
    if (out.length === 0) return out;
    this.waiting = this.waiting.filter((b) => !which(b));
    this.dropped(out.flatMap((b) => b.exchanges));
    return out;
  }

  private plain(choice: SessionChoice): SessionChoice {
    return choice.session !== undefined ? { session: choice.session } : {};
  }

  private pump(): void {
    while (this.inFlight < ANALYZE_IN_FLIGHT && this.waiting.length > 0) {
      this.inFlight++;
      this.send(this.waiting.shift()!);
    }
  }
}
