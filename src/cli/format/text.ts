import { NO_URL } from '../../core/exchange/url';
import { atBodyPlace } from '../../core/report/body-place';
import { relatedText } from '../../core/report/related';
import { clip, type Paint, safeText } from '../terminal';
import { formatBytes } from '../../core/units/bytes';
import { documentLines, statusList } from '../../core/report/coverage';
import type { CoverageReport } from '../../core/contract/coverage';
import { FAMILY_LABEL } from '../../core/exchange/family';
import { countOf, nounFor } from '../../core/text/plural';
import { cutList, moreLine } from '../../core/text/first-few';
import { describeProblem, type LintReport } from '../../core/report/model';
import { renderReport, type ReportHeader, type ReportWriter, type TextSink } from '../../core/report/writer';

/** Undocumented operations and statuses listed before "… and N more". */
const MAX_COVERAGE_LINES = 20;

function coverageText(c: CoverageReport, p: Paint): string[] {
  const out = [p.bold('OpenAPI coverage')];
  for (const line of documentLines(c)) out.push(`  ${safeText(line)}`);
  const list = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    out.push(`  ${title}`);
    const { shown, more } = cutList(lines, MAX_COVERAGE_LINES);
    for (const l of shown) out.push(`    ${safeText(l)}`);
    if (more > 0) out.push(p.dim(`    ${moreLine(more)}`));
  };
  list(
    `${countOf(c.undocumentedOperations.length, 'undocumented operation')}:`,
    c.undocumentedOperations.map(
      (u) =>
        `${clip(u.method, 100)} ${clip(u.path, 200)} ×${u.calls} (${statusList(u.statuses, false)}) in ${u.document}`,
    ),
  );
  list(
    `${countOf(c.undocumentedStatuses.length, 'undocumented status', 'undocumented statuses')}:`,
    c.undocumentedStatuses.map(
      (s) => `${s.method} ${s.pathTemplate} → ${s.status} ×${s.count} in ${s.document}`,
    ),
  );
  const unseen = c.operations.filter((o) => o.calls === 0).length;
  if (unseen > 0)
    out.push(
      p.dim(
        `  ${countOf(unseen, 'documented operation')} not seen (the JSON and Markdown reports list them)`,
      ),
    );
  return out;
}

export interface TextOptions {
  /** Input problems were printed on standard error: count them here, do not list them again. */
  problemsOnStderr?: boolean;
}

/**
 * Human-readable report: exchanges with findings, grouped by file, written as they are
 * linted; then input problems (unless they went to standard error) and a closing summary.
 * Exchanges without findings are counted, not listed.
 */
export function textWriter(
  out: TextSink,
  header: ReportHeader,
  p: Paint,
  opts: TextOptions = {},
): ReportWriter {
  let currentFile: string | undefined;
  let written = false;
  const line = (text: string) => {
    out.write(`${text}\n`);
    written = true;
  };
  return {
    exchange(ex) {
      if (ex.findings.length === 0) return;
      if (ex.file !== currentFile) {
        if (currentFile !== undefined) line('');
        line(p.bold(p.cyan(safeText(ex.file))));
        currentFile = ex.file;
      }
      const code = ex.status === 0 ? 'failed' : String(ex.status);
      const sent = ex.serverStatus !== undefined ? ` (server sent ${ex.serverStatus})` : '';
      const status = `${code}${ex.reason ? ` ${safeText(ex.reason)}` : ''}${sent}`;
      line(
        `  ${p.dim(`#${ex.index}`)} ${p.bold(safeText(ex.method))} ${ex.url === '' ? p.dim(NO_URL) : safeText(clip(ex.url, 200))} ${p.dim('→')} ${p.bold(status)}`,
      );
      const width = Math.max(...ex.findings.map((f) => f.rule.length));
      for (const f of ex.findings) {
        const where = f.pointer !== undefined ? p.dim(` (${safeText(atBodyPlace(f.pointer))})`) : '';
        // A profile's own rules carry its id as their prefix; a check it borrows says whose it is.
        const by =
          f.profile !== undefined && !f.rule.startsWith(`${f.profile}/`)
            ? p.dim(` [profile ${safeText(f.profile)}]`)
            : '';
        line(
          `    ${p.severity(f.severity, f.severity.padEnd(7))} ${f.rule.padEnd(width)}  ${safeText(f.message)}${where}${by}`,
        );
        const related = relatedText(f);
        if (related !== '') line(`    ${' '.repeat(7)} ${' '.repeat(width)}  ${p.dim(safeText(related))}`);
      }
    },
    problem: () => undefined,
    file: () => undefined,
    end(totals) {
      if (totals.problems.length > 0 && !opts.problemsOnStderr) {
        if (written) line('');
        line(p.bold('Problems with the input'));
        for (const prob of totals.problems) {
          const tag = prob.kind === 'rule' ? p.yellow('rule   ') : p.red('input  ');
          line(`  ${tag} ${safeText(describeProblem(prob))}`);
        }
      }
      const s = totals.summary;
      const total = s.findings.error + s.findings.warning + s.findings.info;
      const files = countOf(totals.files.length, 'file');
      const inputErrors = totals.problems.filter((x) => x.kind !== 'rule').length;
      const counts = `${countOf(s.findings.error, 'error')}, ${countOf(s.findings.warning, 'warning')}, ${s.findings.info} info`;
      // Failed requests (no response: refused, blocked, CORS) often have no finding, so no line
      // above names them: the summary counts them, as the JSON report's summary.families.failed.
      const failed = s.families.failed > 0 ? `, ${s.families.failed} ${FAMILY_LABEL.failed}` : '';
      const exchanges = `${countOf(s.exchanges, 'exchange')}${failed} (${files})`;
      const found =
        total === 0
          ? `no findings in ${exchanges}`
          : `${countOf(total, 'finding')} (${counts}) in ${totals.withFindings} of ${exchanges}`;
      let verdict: string;
      if (inputErrors > 0) {
        // Bad input fails the run (exit code 2) whatever the findings: never a green tick.
        const where = opts.problemsOnStderr ? ' (listed on standard error)' : '';
        verdict = p.red(p.bold(`✖ ${countOf(inputErrors, 'input problem')}${where}; ${found}`));
      } else if (total === 0) verdict = p.green(`✔ ${found}`);
      else verdict = totals.failing ? p.red(p.bold(`✖ ${found}`)) : p.yellow(`⚠ ${found}`);
      if (totals.coverage) {
        if (written) line('');
        for (const l of coverageText(totals.coverage, p)) line(l);
      }
      if (written) line('');
      line(verdict);
      const over = totals.bodiesOverCap;
      if (over > 0 && header.bodyCap !== undefined) {
        line(
          p.dim(
            `${countOf(over, 'response body', 'response bodies')} ${nounFor(over, 'was', 'were')} over ${formatBytes(header.bodyCap)} and checked by status and headers only (raise the limit with --body-size-cap)`,
          ),
        );
      }
    },
  };
}

/** The text report of a report held in memory. */
export function formatText(report: LintReport, p: Paint, opts: TextOptions = {}): string {
  return renderReport(report, (out, header) => textWriter(out, header, p, opts));
}
