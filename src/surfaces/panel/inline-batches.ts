import type { Exchange } from '../../core/exchange/types';
import { AnalyzeOutbox, type AnalyzeBatch } from './analyze-outbox';
import type { SessionChoice } from './sessions';

/** What the inline analyzer queues: the outbox's calls, less its worker bookkeeping. */
export interface InlineBatches {
  add(exchanges: readonly Exchange[], choice?: SessionChoice & { again?: boolean }): void;
  /** Clear: nothing queued is wanted any more (the rows are gone, every session begins again). */
  clear(): void;
  /** The rows the panel forgot are not analysed after it let them go. */
  forget(ids: ReadonlySet<string>): void;
  dispose(): void;
}

/**
 * The inline analyzer's work (the worker failed), cut as the worker's is (analyze-outbox.ts:
 * ANALYZE_BATCH_ROWS rows a batch, in order, a re-analysis superseding what of its session
 * still waits) and run one batch per task on the panel's thread: a settings change over 20,000
 * rows was one task of seconds there, the panel frozen until it ended. When idle, the first
 * batch runs at once, as every call did before, so a live flush of a few rows is judged in the
 * same task; each further batch yields first (`yieldTo`), letting input and drawing in between.
 */
export function inlineBatches(
  run: (batch: AnalyzeBatch) => void,
  yieldTo: (next: () => void) => void = (next) => setTimeout(next, 0),
): InlineBatches {
  /** Taken from the outbox, to run in order, one per task. */
  let ready: AnalyzeBatch[] = [];
  /** A task to run the next batch is scheduled (or a batch is running). */
  let busy = false;
  let disposed = false;
  const outbox = new AnalyzeOutbox(
    (batch) => ready.push(batch),
    () => undefined,
  );

  const next = () => {
    if (disposed) return;
    const batch = ready.shift();
    if (!batch) {
      busy = false;
      return;
    }
    busy = true;
    try {
      run(batch);
    } finally {
      outbox.answered();
      if (ready.length > 0) yieldTo(next);
      else busy = false;
    }
  };

  return {
    add(exchanges, choice = {}) {
      const { again, ...sessionChoice } = choice;
      outbox.add(exchanges, sessionChoice, again);
      if (!busy) next();
    },
    clear() {
      outbox.takeAll();
      ready = [];
    },
    forget(ids) {
      const leave = (ex: Exchange) => ids.has(ex.id);
      outbox.forget(leave);
      for (const b of ready) b.exchanges = b.exchanges.filter((ex) => !leave(ex));
      // An emptied replay batch still has to begin its session again.
      ready = ready.filter((b) => b.exchanges.length > 0 || b.choice.replay);
    },
    dispose() {
      disposed = true;
      outbox.takeAll();
      ready = [];
    },
  };
}
