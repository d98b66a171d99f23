import { clip, type Paint, safeText } from '../terminal';
import { describeProblem, fails, summarize, type LintReport } from '../../core/report/model';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Human-readable report: exchanges with findings, grouped by file, then input problems and
 * one closing summary line. Exchanges without findings are counted, not listed.
 */
export function formatText(report: LintReport, p: Paint): string {
  const out: string[] = [];
  let currentFile: string | undefined;
  for (const ex of report.exchanges) {
    if (ex.findings.length === 0) continue;
    if (ex.file !== currentFile) {
      if (currentFile !== undefined) out.push('');
      out.push(p.bold(p.cyan(safeText(ex.file))));
      currentFile = ex.file;
    }
    const status = `${ex.status}${ex.reason ? ` ${safeText(ex.reason)}` : ''}`;
    out.push(
      `  ${p.dim(`#${ex.index}`)} ${p.bold(safeText(ex.method))} ${safeText(clip(ex.url, 200))} ${p.dim('→')} ${p.bold(status)}`,
    );
    const width = Math.max(...ex.findings.map((f) => f.rule.length));
    for (const f of ex.findings) {
      const where =
        f.pointer !== undefined ? p.dim(` at ${safeText(f.pointer === '' ? '(body)' : f.pointer)}`) : '';
      out.push(
        `    ${p.severity(f.severity, f.severity.padEnd(7))} ${f.rule.padEnd(width)}  ${safeText(f.message)}${where}`,
      );
    }
  }
  if (report.problems.length > 0) {
    if (out.length > 0) out.push('');
    out.push(p.bold('Problems with the input'));
    for (const prob of report.problems) {
      const tag = prob.kind === 'rule' ? p.yellow('rule   ') : p.red('input  ');
      out.push(`  ${tag} ${safeText(describeProblem(prob))}`);
    }
  }
  const s = summarize(report);
  const total = s.findings.error + s.findings.warning + s.findings.info;
  const withFindings = report.exchanges.filter((e) => e.findings.length > 0).length;
  const files = plural(report.files.length, 'file');
  const inputErrors = report.problems.filter((x) => x.kind !== 'rule').length;
  let line: string;
  if (total === 0) line = p.green(`✔ no findings in ${plural(s.exchanges, 'exchange')} (${files})`);
  else {
    const counts = `${plural(s.findings.error, 'error')}, ${plural(s.findings.warning, 'warning')}, ${s.findings.info} info`;
    const failing = report.exchanges.some((e) => e.findings.some((f) => fails(f.severity, report.failOn)));
    const text = `${failing ? '✖' : '⚠'} ${plural(total, 'finding')} (${counts}) in ${withFindings} of ${plural(s.exchanges, 'exchange')} (${files})`;
    line = failing ? p.red(p.bold(text)) : p.yellow(text);
  }
  if (inputErrors > 0) line += p.red(`; ${plural(inputErrors, 'input problem')}`);
  if (out.length > 0) out.push('');
  out.push(line);
  return `${out.join('\n')}\n`;
}
