import { EXIT_USAGE, type Writer } from './io';
import { describeFsError } from './lint/source';
import { diagnosticLine } from './diagnostic';

/** The part of process.stdout this needs: its error events. */
export interface ErrorSource {
  on(event: 'error', listener: (e: NodeJS.ErrnoException) => void): unknown;
}

/**
 * Watches standard output for write errors, which Node reports as events after write()
 * returns. A closed pipe (status-lens lint … | head) is what the reader wanted: the run goes on,
 * its report discarded (lint/output.ts writes nothing more once a write failed), and ends with the exit code its
 * findings give, so `| head` under `pipefail` fails a lint that would have failed (ending at
 * once used to exit 0 before any finding was counted). Anything else (a full disk,
 * `> /dev/full`) means the report was lost: say so on standard error and exit 2, never 0.
 */
export function guardStdout(stdout: ErrorSource, stderr: Writer, exit: (code: number) => void): void {
  let handled = false;
  stdout.on('error', (e) => {
    if (handled) return;
    handled = true;
    if (e.code === 'EPIPE') return;
    stderr.write(
      diagnosticLine({
        severity: 'error',
        message: `cannot write to standard output: ${describeFsError(e)}`,
      }),
    );
    exit(EXIT_USAGE);
  });
}
