import { parseArgs } from '../args';
import { settingsRedactor } from '../../core/export/redact';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from '../io';
import { paint, useColour } from '../terminal';
import { fails } from '../../core/report/model';
import { ReportTotals } from '../../core/report/writer';
import { CaptureSummarizer } from '../../core/diff/capture/summary';
import { KnownValues } from '../../core/export/known-values';
import { compareCaptures, newFindingsFail } from '../../core/diff/capture/compare';
import {
  CAPTURE_DIFF_VERSION,
  captureDiffJson,
  diffProblem,
  type CaptureDiffReport,
} from '../../core/diff/capture/report';
import { captureDiffMarkdown } from '../../core/diff/capture/markdown';
import { TOOL_NAME, TOOL_VERSION } from '../version';
import { lintFiles } from '../lint/lint';
import { planLines } from '../lint/build-plan';
import { tallyLine, writeInputProblems } from '../input-problems';
import { diagnosticLine } from '../diagnostic';
import { listOf } from '../../core/text/list';
import { openReportOutput } from '../lint/output';
import { DIFF_OPTIONS, planDiff } from './options';
import { captureDiffText } from './text';

/**
 * `status-lens diff BEFORE.har AFTER.har`: both files streamed through lint's reader and engine
 * (same bad-input handling, same memory bound), each boiled down to a per-endpoint summary as it
 * goes, then compared. Exit 2 for bad input, 1 for a new finding at or over --fail-on, else 0.
 */
export async function runDiff(argv: readonly string[], io: CliIo): Promise<number> {
  const {
    plan,
    diffFormat: format,
    output,
    ignoreHost,
  } = await planDiff(parseArgs(argv, DIFF_OPTIONS, 'diff'), io);
  io.stderr.write(planLines(plan));
  const red = settingsRedactor(plan);
  // One set of known values for both: what either capture carries by name is hidden in both,
  // so an endpoint keeps one key however each capture sent its credentials.
  const known = new KnownValues();
  const summarizers = plan.files.map(() => new CaptureSummarizer({ redact: red, ignoreHost, known }));
  const totals = new ReportTotals({
    toolVersion: TOOL_VERSION,
    profiles: plan.profiles,
    failOn: plan.failOn,
    bodyCap: plan.bodyCap,
  });
  // Its report lists no entries: nothing to put in request order, so nothing is held.
  plan.fileOrder = true;
  await lintFiles(plan, io, {
    events: { exchange: () => undefined, problem: (p) => totals.problem(p), file: (f) => totals.file(f) },
    totals,
    analysed: (n, ex, findings, json) => summarizers[n]!.add(ex, findings, json),
    warn: (d) => io.stderr.write(diagnosticLine(d)),
  });

  const [before, after] = summarizers.map((s) => s.summary()) as [
    ReturnType<CaptureSummarizer['summary']>,
    ReturnType<CaptureSummarizer['summary']>,
  ];
  const diff = compareCaptures(before, after);
  const failing = newFindingsFail(diff, (s) => fails(s, plan.failOn));
  const side = (n: number, s: typeof before) => {
    const f = totals.files.find((x) => x.source === n);
    return {
      file: f?.file ?? plan.files[n]!,
      entries: f?.entries ?? 0,
      exchanges: s.exchanges + s.unsummarised,
      endpoints: s.endpoints.length,
    };
  };
  const report: CaptureDiffReport = {
    version: CAPTURE_DIFF_VERSION,
    kind: 'capture-diff',
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    profiles: plan.profiles,
    failOn: plan.failOn,
    before: side(0, before),
    after: side(1, after),
    endpoints: diff.endpoints,
    problems: totals.problems.map(diffProblem),
    summary: { ...diff.totals, failing },
  };

  const problemsOnStderr = format === 'text' && output === undefined;
  // A capture none of which could be read (a missing file, one that is no HAR) is no capture to
  // compare with: every endpoint would read as appeared or vanished. No report, only why.
  const unread = [0, 1].filter((n) => {
    const f = totals.files.find((x) => x.source === n);
    return f === undefined || (f.failed && side(n, n === 0 ? before : after).exchanges === 0);
  });
  if (unread.length > 0) {
    writeInputProblems(io, totals, true);
    const which = unread.map((n) => (n === 0 ? 'the before capture' : 'the after capture'));
    io.stderr.write(
      tallyLine(
        totals.problems.filter((p) => p.kind !== 'rule').length,
        `${listOf(which, 'and')} could not be read, so nothing was compared`,
      ),
    );
    return EXIT_USAGE;
  }
  writeInputProblems(io, totals, problemsOnStderr);

  const colour = format === 'text' && output === undefined && useColour(io, true);
  const text =
    format === 'json'
      ? captureDiffJson(report)
      : format === 'markdown'
        ? captureDiffMarkdown(report)
        : captureDiffText(report, paint(colour));
  const out = openReportOutput(io, output);
  try {
    out.write(text);
    out.close();
  } finally {
    out.abandon();
  }

  const bad = totals.problems.filter((p) => p.kind !== 'rule');
  if (bad.length > 0) {
    io.stderr.write(tallyLine(bad.length, 'the comparison covers what could be read'));
    return EXIT_USAGE;
  }
  return failing ? EXIT_FINDINGS : EXIT_OK;
}
