import { parseArgs } from '../args';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from '../io';
import { paint, safeText, useColour } from '../terminal';
import { jsonWriter } from '../../core/report/json';
import { junitWriter } from '../../core/report/junit';
import { markdownWriter } from '../../core/report/markdown';
import { sarifWriter } from '../../core/report/sarif';
import { describeProblem } from '../../core/report/model';
import {
  fanOut,
  ReportTotals,
  type ReportHeader,
  type ReportWriter,
  type SpoolFactory,
  type TextSink,
} from '../../core/report/writer';
import { textWriter } from '../format/text';
import { TOOL_VERSION } from '../version';
import { BUILTIN_RULE_IDS } from '../../core/profiles/registry';
import { lintFiles } from './lint';
import { countOf } from '../../core/text/plural';
import { describeContractProblem } from './contracts';
import { LINT_OPTIONS, planLint, type LintFormat } from './options';
import { openReportOutput } from './output';
import { FileSpools } from './spool';
import { nodeUtf8 } from './source';
import { spillingHold } from './entry-hold';
import { unmatchedMessage } from './scope-watch';

/** A HAR where every entry is broken should not bury the terminal; the report has them all. */
const MAX_STDERR_PROBLEMS = 100;

function makeWriter(
  out: TextSink,
  header: ReportHeader,
  spool: SpoolFactory,
  format: LintFormat,
  colour: boolean,
  problemsOnStderr: boolean,
): ReportWriter {
  switch (format) {
    case 'json':
      return jsonWriter(out, header);
    case 'sarif':
      return sarifWriter(out, header, spool);
    case 'junit':
      return junitWriter(out, header, spool);
    case 'markdown':
      return markdownWriter(out, header, spool);
    default:
      return textWriter(out, header, paint(colour), { problemsOnStderr });
  }
}

export async function runLint(argv: readonly string[], io: CliIo): Promise<number> {
  const { plan, format, output, jobs } = await planLint(parseArgs(argv, LINT_OPTIONS, 'lint'), io);
  plan.decode = nodeUtf8;
  // Entries are reported in request order; a big file's entries wait in a temporary file, not in memory.
  plan.hold = () => spillingHold();
  if (io.lintWorker && jobs > 1) plan.workers = { script: io.lintWorker, jobs, argv };
  for (const w of plan.contractWarnings ?? [])
    io.stderr.write(`warning: ${safeText(describeContractProblem(w))}\n`);
  // A text report on standard output would land next to standard error (the same terminal,
  // the same CI log), so input problems are listed once, on standard error, all of them.
  // Any other report lists them itself, and standard error shows the first hundred.
  const problemsOnStderr = format === 'text' && output === undefined;
  const colour = format === 'text' && output === undefined && useColour(io, true);
  const header: ReportHeader = {
    toolVersion: TOOL_VERSION,
    profiles: plan.profiles,
    failOn: plan.failOn,
    bodyCap: plan.bodyCap,
    extraRules: plan.active.map((a) => a.rule).filter((r) => !BUILTIN_RULE_IDS.has(r.id)),
  };
  const totals = new ReportTotals(header);
  // The report is written while the input is read (see core/report/writer.ts).
  const out = openReportOutput(io, output);
  const spools = new FileSpools();
  try {
    const writer = makeWriter(out, header, spools.factory, format, colour, problemsOnStderr);
    // A user profile whose scope held no exchange of a file judged nothing there: said once per
    // file, on standard error with the other warnings (never in a report on standard output).
    const unmatched: string[] = [];
    await lintFiles(plan, io, {
      events: fanOut(totals, writer),
      totals,
      drained: out.drained,
      unmatched: (file, profiles, exchanges) => {
        for (const p of profiles)
          unmatched.push(unmatchedMessage(p.profile, exchanges, file.file, p.leftOut));
      },
    });
    const limit = problemsOnStderr ? Infinity : MAX_STDERR_PROBLEMS;
    let shown = 0;
    for (const p of totals.problems) {
      if (++shown > limit) {
        io.stderr.write(`… and ${totals.problems.length - limit} more, all listed in the report\n`);
        break;
      }
      io.stderr.write(`${safeText(describeProblem(p))}\n`);
    }
    for (const f of totals.files) {
      if (!f.failed && f.entries === 0) {
        io.stderr.write(`warning: ${safeText(f.file)} has no entries (log.entries is empty)\n`);
      }
    }
    for (const line of unmatched) io.stderr.write(`warning: ${safeText(line)}\n`);
    writer.end(totals);
    out.close();
  } finally {
    out.abandon();
    spools.disposeAll();
  }

  const bad = totals.problems.filter((p) => p.kind !== 'rule');
  if (bad.length > 0) {
    io.stderr.write(
      // "covers what could be read" when nothing could (a missing file, standard input that is
      // not a HAR) read as if part of the input had been linted.
      `${countOf(bad.length, 'input problem')}: ${totals.summary.exchanges === 0 ? 'no entry could be read, so nothing was linted' : 'the report covers what could be read'} (exit code ${EXIT_USAGE})\n`,
    );
    return EXIT_USAGE;
  }
  return totals.failing ? EXIT_FINDINGS : EXIT_OK;
}
