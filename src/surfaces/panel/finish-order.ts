import type { Exchange } from '../../core/exchange/types';

/**
 * How long a live row's judging waits for the bodies of rows the browser finished before it.
 * DevTools hands bodies over asynchronously (getContent), a large one later than the small ones
 * after it; two seconds covers a multi-megabyte list body on a busy machine, and one body that
 * never comes holds the findings of the rows behind it back no longer than that.
 */
export const FINISH_ORDER_WAIT_MS = 2000;
/** How many rows may wait so: past it, the oldest missing body is not waited for. */
export const FINISH_ORDER_MAX_WAITING = 1000;

/**
 * Puts live rows back in the order the browser reported them finished (onRequestFinished, or
 * the HAR's order at start), for the live session's judging: session rules such as
 * session/n-plus-one need the list call before the item calls, while a large list body can
 * reach the panel after the small item bodies. Rows are numbered as they finish; `arrived`
 * gives a row once its body is in, and `release` gets rows in that numbering, a row waiting
 * until every earlier one has arrived (or is known never to: `null`) — at most `waitMs` after
 * the last progress, and never more than `maxWaiting` rows. A row given up on is released as
 * soon as it arrives, out of order, as rows were before. Only the judging waits: the list
 * shows each row as soon as its own body is in.
 */
export class FinishOrder {
  /** The number of the first row not yet released nor given up on. */
  private next = 0;
  /** Rows in, waiting for earlier ones (null: one that will never come). */
  private waiting = new Map<number, Exchange | null>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly release: (exchanges: Exchange[]) => void,
    private readonly waitMs = FINISH_ORDER_WAIT_MS,
    private readonly maxWaiting = FINISH_ORDER_MAX_WAITING,
  ) {}

  /** Row `seq` is in (`null`: it could not be read, or is not listed). */
  arrived(seq: number, exchange: Exchange | null): void {
    if (seq < this.next) {
      // Given up on earlier: judged now, after rows that finished later.
      if (exchange) this.release([exchange]);
      return;
    }
    this.waiting.set(seq, exchange);
    this.drain();
    while (this.waiting.size > this.maxWaiting) this.skipGap();
  }

  /** A row still waiting takes its fuller record (a late answer); false when none waits with `id`. */
  replace(id: string, exchange: Exchange): boolean {
    for (const [seq, ex] of this.waiting)
      if (ex?.id === id) {
        this.waiting.set(seq, exchange);
        return true;
      }
    return false;
  }

  /** Clear: rows numbered below `next` belong to the list that was cleared. */
  reset(next: number): void {
    this.next = next;
    this.waiting.clear();
    this.stopTimer();
  }

  dispose(): void {
    this.stopTimer();
  }

  private drain(): void {
    const out: Exchange[] = [];
    const from = this.next;
    while (this.waiting.has(this.next)) {
      const ex = this.waiting.get(this.next);
      this.waiting.delete(this.next++);
      if (ex) out.push(ex);
    }
    if (this.next !== from) this.stopTimer();
    if (this.waiting.size > 0 && !this.timer)
      this.timer = setTimeout(() => {
        this.timer = null;
        this.skipGap();
      }, this.waitMs);
    if (out.length > 0) this.release(out);
  }

  /** Stops waiting for the missing rows before the first one in. */
  private skipGap(): void {
    if (this.waiting.size === 0) return;
    this.next = Math.min(...this.waiting.keys());
    this.drain();
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
