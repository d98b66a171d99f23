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
 * More wait per MiB of body a missing row's entry declares, up to FINISH_ORDER_MAX_WAIT_MS in
 * all: DevTools hands a body over in time that grows with its size, and on a loaded machine a
 * 3 MB list body took longer than the two seconds, so the item calls behind it were judged
 * without it (no session/n-plus-one). A small body that never comes still holds rows 2 s only.
 */
export const FINISH_ORDER_MS_PER_MIB = 1000;
export const FINISH_ORDER_MAX_WAIT_MS = 10_000;
const MIB = 1024 * 1024;

/** The body size a DevTools entry declares before its content is fetched (0 when unknown). */
export function declaredBodySize(entry: unknown): number {
  const size = (entry as { response?: { content?: { size?: unknown } } } | null)?.response?.content?.size;
  return typeof size === 'number' && size > 0 ? size : 0;
}

/**
 * Puts live rows back in the order the browser reported them finished (onRequestFinished, or
 * the HAR's order at start), for the live session's judging: session rules such as
 * session/n-plus-one need the list call before the item calls, while a large list body can
 * reach the panel after the small item bodies. Rows are numbered as they finish; `arrived`
 * gives a row once its body is in, and `release` gets rows in that numbering, a row waiting
 * until every earlier one has arrived (or is known never to: `null`) — at most `waitMs` after
 * the last progress (more behind a large body: `expect`), and never more than `maxWaiting` rows. A row given up on is released as
 * soon as it arrives, out of order, as rows were before. Only the judging waits: the list
 * shows each row as soon as its own body is in.
 */
export class FinishOrder {
  /** The number of the first row not yet released nor given up on. */
  private next = 0;
  /** Rows in, waiting for earlier ones (null: one that will never come). */
  private waiting = new Map<number, Exchange | null>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Extra wait (ms) for rows with a large declared body, by number; only while not yet passed. */
  private allowance = new Map<number, number>();

  constructor(
    private readonly release: (exchanges: Exchange[]) => void,
    private readonly waitMs = FINISH_ORDER_WAIT_MS,
    private readonly maxWaiting = FINISH_ORDER_MAX_WAITING,
    private readonly msPerMib = FINISH_ORDER_MS_PER_MIB,
    private readonly maxWaitMs = FINISH_ORDER_MAX_WAIT_MS,
  ) {}

  /**
   * Row `seq` finished, its entry declaring a body of `bytes` (its body is still to come): rows
   * behind a large one wait for it longer.
   */
  expect(seq: number, bytes: number): void {
    if (seq < this.next || !(bytes > 0)) return;
    const extra = Math.min(this.maxWaitMs - this.waitMs, Math.round((bytes / MIB) * this.msPerMib));
    if (extra >= 50) this.allowance.set(seq, extra);
  }

  /** Row `seq` is in (`null`: it could not be read, or is not listed). */
  arrived(seq: number, exchange: Exchange | null): void {
    this.allowance.delete(seq);
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
    this.allowance.clear();
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
      this.timer = setTimeout(
        () => {
          this.timer = null;
          this.skipGap();
        },
        this.waitMs + (this.allowance.get(this.next) ?? 0),
      );
    if (out.length > 0) this.release(out);
  }

  /** Stops waiting for the missing rows before the first one in. */
  private skipGap(): void {
    if (this.waiting.size === 0) return;
    this.next = Math.min(...this.waiting.keys());
    for (const seq of this.allowance.keys()) if (seq < this.next) this.allowance.delete(seq);
    this.drain();
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
