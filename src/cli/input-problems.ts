import { EXIT_USAGE, type CliIo } from './io';
import type { FileRecord, InputProblem } from '../core/report/model';
import { countOf } from '../core/text/plural';
import { diagnosticLine, inputProblemDiagnostic } from './diagnostic';

/**
 * Standard error shows this many input problems when a report (a file, or a machine format)
 * lists them all: a HAR where every entry is broken should not bury the terminal.
 */
export const MAX_STDERR_PROBLEMS = 100;

/**
 * The HAR files' problems on standard error, one diagnostic line each (the first
 * MAX_STDERR_PROBLEMS unless `all`: then a note says the report has the rest), and a warning
 * for each file read whole that has no entries. Lint and diff say them alike.
 */
export function writeInputProblems(
  io: CliIo,
  totals: { problems: readonly InputProblem[]; files: readonly FileRecord[] },
  all: boolean,
): void {
  const limit = all ? Infinity : MAX_STDERR_PROBLEMS;
  for (const [i, p] of totals.problems.entries()) {
    if (i >= limit) {
      const rest = totals.problems.length - limit;
      io.stderr.write(
        diagnosticLine({
          severity: 'note',
          message: `${countOf(rest, 'more problem')}, listed in the report`,
        }),
      );
      break;
    }
    io.stderr.write(diagnosticLine(inputProblemDiagnostic(p)));
  }
  for (const f of totals.files) {
    if (!f.failed && f.entries === 0)
      io.stderr.write(
        diagnosticLine({
          place: { file: f.file },
          severity: 'warning',
          message: 'no entries (log.entries is empty)',
        }),
      );
  }
}

/**
 * The closing line of a run with input problems: a note, not one more error, so a problem
 * matcher counts each problem once. `what` says what the output still covers.
 */
export function tallyLine(problems: number, what: string): string {
  return diagnosticLine({
    severity: 'note',
    message: `${countOf(problems, 'input problem')}: ${what} (exit code ${EXIT_USAGE})`,
  });
}
