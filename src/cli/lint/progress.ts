import type { Writer } from '../io';
import { formatBytes, MIB } from '../../core/units/bytes';
import { countOf } from '../../core/text/plural';

/** Files above this size get a progress bar when stderr is a terminal. */
export const PROGRESS_THRESHOLD = 50 * MIB;

/** A one-line bar redrawn in place on stderr, at most ten times a second. */
export class ProgressBar {
  private last = 0;
  private drawn = false;

  constructor(
    private readonly out: Writer,
    private readonly label: string,
    private readonly total: number,
    private readonly columns = 80,
    private readonly now: () => number = Date.now,
  ) {}

  update(bytes: number, entries: number): void {
    const t = this.now();
    if (t - this.last < 100) return;
    this.last = t;
    const ratio = this.total > 0 ? Math.min(1, bytes / this.total) : 0;
    const tail = ` ${String(Math.floor(ratio * 100)).padStart(3)}% ${formatBytes(bytes)}/${formatBytes(this.total)} ${countOf(entries, 'entry', 'entries')}`;
    const name = this.label.length > 24 ? `…${this.label.slice(-23)}` : this.label;
    const width = Math.max(10, Math.min(40, this.columns - tail.length - name.length - 4));
    const done = Math.round(ratio * width);
    this.out.write(`\r${name} [${'#'.repeat(done)}${'-'.repeat(width - done)}]${tail}`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.out.write(`\r${' '.repeat(Math.max(0, this.columns - 1))}\r`);
    this.drawn = false;
  }
}
