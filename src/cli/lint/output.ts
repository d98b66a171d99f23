import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TextSink } from '../../core/report/writer';
import { InputError, type CliIo } from '../io';
import { describeFsError } from './source';

/** Report text is gathered up to this many UTF-16 units before it is written out. */
const BUFFER = 1 << 16;

/**
 * Where the report goes while it is written: standard output or the --output file, in
 * chunks of about 64 K. A write error is kept and reported by `close()`, so a full disk
 * fails the run (exit code 2) instead of being mistaken for a bad entry.
 */
export interface ReportOutput extends TextSink {
  flush(): void;
  /** Waits while standard output has more queued than it can take (a slow pipe). */
  drained(): Promise<void>;
  /** Flushes, closes the file, and throws an InputError if anything failed to be written. */
  close(): void;
  /** Closes without reporting (the run failed for another reason). */
  abandon(): void;
}

interface Drainable {
  writableNeedDrain?: boolean;
  /**
   * Set once a write failed (EPIPE: the reader left). Node's standard output is never destroyed,
   * so it stays "needing drain" for good and would buffer every later write in memory.
   */
  errored?: unknown;
  on?(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
  off?(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
}

type DrainEvent = 'drain' | 'close' | 'error';
const DRAIN_EVENTS: readonly DrainEvent[] = ['drain', 'close', 'error'];

/** Whether a write to standard output failed: what is written after it goes nowhere. */
const failed = (stdout: Drainable) => stdout.errored !== undefined && stdout.errored !== null;

/**
 * Waits until standard output can take more: 'drain', or 'close' / 'error' (a reader that went
 * away: nothing will drain, and later writes are dropped: see guardStdout). A wait that would
 * begin after the error does not begin: it would never end, and with nothing else pending Node
 * would leave the run there, exit code 0, its findings never counted. One wait at a time, its three listeners
 * removed together whichever fires: `once` for each left the other two behind on every drain,
 * and a long report to a slow pipe piled them up past Node's limit of ten
 * (MaxListenersExceededWarning on standard error).
 */
export function drainWaiter(stdout: Drainable): () => Promise<void> {
  let waiting: Promise<void> | undefined;
  return () => {
    if (stdout.writableNeedDrain !== true || failed(stdout) || !stdout.on || !stdout.off)
      return Promise.resolve();
    return (waiting ??= new Promise<void>((done) => {
      const settle = () => {
        for (const e of DRAIN_EVENTS) stdout.off!(e, settle);
        waiting = undefined;
        done();
      };
      for (const e of DRAIN_EVENTS) stdout.on!(e, settle);
    }));
  };
}

function buffered(
  put: (text: string) => void,
  finish: () => void,
  describe: (e: unknown) => InputError,
  waitDrain: () => Promise<void>,
): ReportOutput {
  let parts: string[] = [];
  let size = 0;
  let error: unknown;
  let closed = false;
  const flush = () => {
    if (size === 0) return;
    const text = parts.join('');
    parts = [];
    size = 0;
    if (error !== undefined) return;
    try {
      put(text);
    } catch (e) {
      error = e;
    }
  };
  return {
    write(text) {
      parts.push(text);
      size += text.length;
      if (size >= BUFFER) flush();
    },
    flush,
    drained: waitDrain,
    close() {
      if (closed) return;
      flush();
      closed = true;
      try {
        finish();
      } catch (e) {
        error ??= e;
      }
      if (error !== undefined) throw describe(error);
    },
    abandon() {
      if (closed) return;
      closed = true;
      try {
        finish();
      } catch {
        // Already failing for another reason.
      }
    },
  };
}

/** Opens the report's destination: the --output file (created or truncated now) or standard output. */
export function openReportOutput(io: CliIo, output: string | undefined): ReportOutput {
  if (output === undefined) {
    const stdout = io.stdout as typeof io.stdout & Drainable;
    return buffered(
      (t) => void (failed(stdout) || io.stdout.write(t)),
      () => undefined,
      (e) => new InputError(`cannot write to standard output: ${describeFsError(e)}`),
      drainWaiter(stdout),
    );
  }
  const describe = (e: unknown) => new InputError(`cannot write the report: ${describeFsError(e)}`, output);
  let fd: number;
  try {
    fd = openSync(resolve(io.cwd, output), 'w');
  } catch (e) {
    throw describe(e);
  }
  return buffered(
    (t) => {
      const bytes = Buffer.from(t, 'utf8');
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    },
    () => closeSync(fd),
    describe,
    () => Promise.resolve(),
  );
}
