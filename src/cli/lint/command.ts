import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from '../args';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, InputError, type CliIo } from '../io';
import { paint, safeText, useColour } from '../terminal';
import { formatJson } from '../../core/report/json';
import { formatJunit } from '../../core/report/junit';
import { formatMarkdown } from '../../core/report/markdown';
import { formatSarif } from '../../core/report/sarif';
import { formatText } from '../format/text';
import { lintFiles } from './lint';
import { describeContractProblem } from './contracts';
import { LINT_OPTIONS, planLint, type LintFormat } from './options';
import { describeFsError } from './source';
import { describeProblem, fails, inputProblems, type LintReport } from '../../core/report/model';

/** A HAR where every entry is broken should not bury the terminal; the report has them all. */
const MAX_STDERR_PROBLEMS = 100;

function render(report: LintReport, format: LintFormat, colour: boolean, problemsOnStderr: boolean): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'junit':
      return formatJunit(report);
    case 'markdown':
      return formatMarkdown(report);
    default:
      return formatText(report, paint(colour), { problemsOnStderr });
  }
}

export async function runLint(argv: readonly string[], io: CliIo): Promise<number> {
  const { plan, format, output } = await planLint(parseArgs(argv, LINT_OPTIONS, 'lint'), io);
  for (const w of plan.contractWarnings ?? [])
    io.stderr.write(`warning: ${safeText(describeContractProblem(w))}\n`);
  const report = await lintFiles(plan, io);
  // A text report on standard output would land next to standard error (the same terminal,
  // the same CI log), so input problems are listed once, on standard error, all of them.
  // Any other report lists them itself, and standard error shows the first hundred.
  const problemsOnStderr = format === 'text' && output === undefined;
  const limit = problemsOnStderr ? Infinity : MAX_STDERR_PROBLEMS;
  let shown = 0;
  for (const p of report.problems) {
    if (++shown > limit) {
      io.stderr.write(`… and ${report.problems.length - limit} more, all listed in the report\n`);
      break;
    }
    io.stderr.write(`${safeText(describeProblem(p))}\n`);
  }
  for (const f of report.files) {
    if (!f.failed && f.entries === 0) {
      io.stderr.write(`warning: ${safeText(f.file)} has no entries (log.entries is empty)\n`);
    }
  }
  const colour = format === 'text' && output === undefined && useColour(io, true);
  const text = render(report, format, colour, problemsOnStderr);
  if (output !== undefined) {
    try {
      await writeFile(resolve(io.cwd, output), text, 'utf8');
    } catch (e) {
      throw new InputError(`${output}: cannot write the report: ${describeFsError(e)}`);
    }
  } else io.stdout.write(text);

  const bad = inputProblems(report);
  if (bad.length > 0) {
    io.stderr.write(
      `${bad.length} input problem${bad.length === 1 ? '' : 's'}: the report covers what could be read (exit code ${EXIT_USAGE})\n`,
    );
    return EXIT_USAGE;
  }
  const failing = report.exchanges.some((ex) => ex.findings.some((f) => fails(f.severity, plan.failOn)));
  return failing ? EXIT_FINDINGS : EXIT_OK;
}
