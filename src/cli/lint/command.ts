import { parseArgs } from '../args';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from '../io';
import { paint, useColour } from '../terminal';
import { jsonWriter } from '../../core/report/json';
import { junitWriter } from '../../core/report/junit';
import { markdownWriter } from '../../core/report/markdown';
import { sarifWriter } from '../../core/report/sarif';
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
import { planLines } from './build-plan';
import { diagnosticLine, type Diagnostic } from '../diagnostic';
import { tallyLine, writeInputProblems } from '../input-problems';
import { LINT_OPTIONS, planLint, type LintFormat } from './options';
import { openReportOutput } from './output';
import { FileSpools } from './spool';
import { nodeUtf8 } from './source';
import { spillingHold } from './entry-hold';
import { unmatchedContractMessage, unmatchedMessage } from './scope-watch';
import { withoutRepeatedInputs } from './repeats';

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
  // Here, not in the plan: diff compares the same file with itself when given it twice.
  const unique = await withoutRepeatedInputs(plan.files, io.cwd);
  plan.files = unique.files;
  plan.notes = [...unique.notes, ...(plan.notes ?? [])];
  plan.decode = nodeUtf8;
  // Entries are reported in request order; a big file's entries wait in a temporary file, not in memory.
  plan.hold = () => spillingHold();
  if (io.lintWorker && jobs > 1) plan.workers = { script: io.lintWorker, jobs, argv };
  io.stderr.write(planLines(plan));
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
    // A profile whose scope held no exchange of a file judged nothing there, a file had bytes
    // that are not UTF-8: said once per file, on standard error with the other warnings (never
    // in a report on standard output).
    const unmatched: Diagnostic[] = [];
    await lintFiles(plan, io, {
      events: fanOut(totals, writer),
      totals,
      drained: out.drained,
      warn: (d) => unmatched.push(d),
      unmatched: (file, profiles, exchanges) => {
        for (const p of profiles)
          unmatched.push({
            place: { file: file.file },
            severity: 'warning',
            message: unmatchedMessage(p.profile, exchanges, p.leftOut),
          });
      },
      // Likewise an OpenAPI description whose scope held none of a file's entries: no contract
      // finding and no coverage came from it, which a report alone would not say.
      unmatchedContracts: (file, contracts, exchanges) => {
        for (const c of contracts)
          unmatched.push({
            place: { file: file.file },
            severity: 'warning',
            message: unmatchedContractMessage(c, exchanges),
          });
      },
    });
    writeInputProblems(io, totals, problemsOnStderr);
    for (const d of unmatched) io.stderr.write(diagnosticLine(d));
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
      tallyLine(
        bad.length,
        totals.summary.exchanges === 0
          ? 'no entry could be read, so nothing was linted'
          : 'the report covers what could be read',
      ),
    );
    return EXIT_USAGE;
  }
  return totals.failing ? EXIT_FINDINGS : EXIT_OK;
}
