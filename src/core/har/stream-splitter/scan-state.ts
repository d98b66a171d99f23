import { describeByte } from './describe';
import { CTX_DOC, CTX_ERROR, S_VALUE } from './states';
import type { SplitError } from './types';

/**
 * The splitter's shared state: where it is (context, state, line and column), the first
 * failure and how it is described. The cold part of the scanners, kept apart from
 * value-scanner.ts's loops.
 */
export abstract class ScanState {
  protected ctx = CTX_DOC;
  protected state = S_VALUE;

  // Position bookkeeping.
  protected consumed = 0; // bytes in earlier chunks
  protected line = 1;
  protected lineStart = 0; // offset of the current line's first byte

  /** A value is being skipped (or captured, see entry-capture.ts). */
  protected skipping = false;
  /** Line mode (line-skipper.ts) is following the entry being captured. */
  protected lineMode = false;

  protected failure: SplitError | undefined;

  protected newline(i: number): void {
    this.line++;
    this.lineStart = this.consumed + i + 1;
  }

  /**
   * Records the first failure and stops: the context becomes CTX_ERROR and whatever was being
   * skipped or captured is let go (the subclass's capture state, in stopCapture).
   */
  protected fail(message: string, offset: number, entryIndex?: number): SplitError {
    const err: SplitError = {
      message,
      line: this.line,
      column: Math.max(1, offset - this.lineStart + 1),
      offset,
    };
    if (entryIndex !== undefined) err.entryIndex = entryIndex;
    this.failure = err;
    this.ctx = CTX_ERROR;
    this.skipping = false;
    this.lineMode = false;
    this.stopCapture();
    return err;
  }

  protected unexpected(c: number, i: number, expected: string): false {
    this.fail(`not valid JSON: unexpected ${describeByte(c)}, expected ${expected}`, this.consumed + i);
    return false;
  }

  /** Drops the entry being captured, if any. */
  protected abstract stopCapture(): void;
}
