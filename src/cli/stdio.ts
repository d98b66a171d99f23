import { EXIT_USAGE, type Writer } from './io';
import { describeFsError } from './lint/source';
import { diagnosticLine } from './diagnostic';

/** The part of process.stdout this needs: its error events. */
export interface ErrorSource {
  on(event: 'error', listener: (e: NodeJS.ErrnoException) => void): unknown;
}

/**
 * Watches standard output for write errors, which Node reports as events after write()
 * returns. A closed pipe (status-lens lint … | head) is what the reader wanted: exit
 * quietly with the code the run had. Anything else (a full disk, `> /dev/full`) means the
 * report was lost: say so on standard error and exit 2, never 0.
 */
export function guardStdout(
  stdout: ErrorSource,
  stderr: Writer,
  exit: (code: number) => void,
  currentCode: () => number | undefined,
): void {
  let handled = false;
  stdout.on('error', (e) => {
    if (handled) return;
    handled = true;
    if (e.code === 'EPIPE') {
      exit(currentCode() ?? 0);
      return;
    }
    stderr.write(
      diagnosticLine({
        severity: 'error',
        message: `cannot write to standard output: ${describeFsError(e)}`,
      }),
    );
    exit(EXIT_USAGE);
  });
}
