import type { ExchangeRecord, InputProblem } from './model';

/**
 * Reports list a file's entries in request order (HAR 1.2: entries *should* be sorted by
 * startedDateTime, but readers must not rely on it; recorders that log as responses finish
 * write them in completion order). Each entry's part of the report — its problems, then its
 * exchange — waits in an EntryHold until the file ends, keyed by its start time; then the
 * entries are handed over in order of start, ties (and entries with no start, which take the
 * latest start before them) in file order. Entry indexes in the records are untouched: they
 * still name the entry's position in the file.
 *
 * Why hold a whole file: an entry read last may have started first, and a line already written
 * cannot be taken back, so no entry can be written before the file has been read. What is held
 * is the report's data (findings and where the entry is), never a body; the CLI's hold moves it
 * to a temporary file past a few thousand entries, so memory does not grow with the file.
 */

/** One entry's part of a report. */
export interface EntryReport {
  /** About this entry, in the order found (they precede its exchange). */
  problems: InputProblem[];
  /** Absent when the entry could not be read. */
  exchange?: ExchangeRecord;
}

/** Where a file's entry reports wait (memory; the CLI spills to a temporary file). */
export interface EntryHold {
  put(entry: EntryReport): void;
  /**
   * The entries put since the last replay: at the positions `order` lists (0 = the first put),
   * or all in the order they were put. Empties the hold.
   */
  replay(order: Uint32Array | undefined): Iterable<EntryReport>;
  dispose(): void;
}

/** A hold in memory: for tests and small inputs. */
export function memoryHold(): EntryHold {
  let held: EntryReport[] = [];
  return {
    put: (e) => void held.push(e),
    *replay(order) {
      const list = held;
      held = [];
      if (order === undefined) yield* list;
      else for (const i of order) yield list[i]!;
    },
    dispose: () => void (held = []),
  };
}

export class RequestOrder {
  private starts = new Float64Array(1024);
  private count = 0;
  private latest = Number.NEGATIVE_INFINITY;
  private sorted = true;

  constructor(private readonly hold: EntryHold) {}

  /** Holds an entry's report. `start`: ms since the epoch, NaN when the entry has none (or is unreadable). */
  add(entry: EntryReport, start: number): void {
    // No start: keep the entry after the one before it, as the panel's list does.
    const key = Number.isFinite(start) ? start : this.latest === Number.NEGATIVE_INFINITY ? 0 : this.latest;
    if (key < this.latest) this.sorted = false;
    else this.latest = key;
    if (this.count === this.starts.length) {
      const grown = new Float64Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count++] = key;
    this.hold.put(entry);
  }

  /** Whether every entry so far came after (or with) the one before it. */
  get inOrder(): boolean {
    return this.sorted;
  }

  /** The held entries in request order (file order when they came in order), then starts afresh. */
  *drain(): Iterable<EntryReport> {
    let order: Uint32Array | undefined;
    if (!this.sorted) {
      const starts = this.starts;
      order = new Uint32Array(this.count);
      for (let i = 0; i < order.length; i++) order[i] = i;
      // Ties keep file order: the position breaks them (TypedArray sort is not promised stable).
      order.sort((a, b) => starts[a]! - starts[b]! || a - b);
    }
    this.count = 0;
    this.latest = Number.NEGATIVE_INFINITY;
    this.sorted = true;
    if (this.starts.length > 1024) this.starts = new Float64Array(1024);
    yield* this.hold.replay(order);
  }

  dispose(): void {
    this.hold.dispose();
  }
}
