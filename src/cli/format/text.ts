import { clip, type Paint, safeText } from '../terminal';
import { documentLines, statusList } from '../../core/report/coverage';
import type { CoverageReport } from '../../core/contract/coverage';
import { describeProblem, fails, summarize, type LintReport } from '../../core/report/model';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** 5242880 → "5 MiB", 1536 → "1.5 KiB": how the body cap is shown. */
export function formatBytes(n: number): string {
  for (const [unit, size] of [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ] as const) {
    if (n >= size) return `${Number((n / size).toFixed(1))} ${unit}`;
  }
  return plural(n, 'byte');
}

/** Undocumented operations and statuses listed before "… and N more". */
const MAX_COVERAGE_LINES = 20;

function coverageText(c: CoverageReport, p: Paint): string[] {
  const out = [p.bold('OpenAPI coverage')];
  for (const line of documentLines(c)) out.push(`  ${safeText(line)}`);
  const list = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    out.push(`  ${title}`);
    for (const l of lines.slice(0, MAX_COVERAGE_LINES)) out.push(`    ${safeText(l)}`);
    if (lines.length > MAX_COVERAGE_LINES)
      out.push(p.dim(`    … and ${lines.length - MAX_COVERAGE_LINES} more`));
  };
  list(
    `${plural(c.undocumentedOperations.length, 'undocumented operation')}:`,
    c.undocumentedOperations.map(
      (u) =>
        `${clip(u.method, 100)} ${clip(u.path, 200)} ×${u.calls} (${statusList(u.statuses, false)}) in ${u.document}`,
    ),
  );
  list(
    `${c.undocumentedStatuses.length} undocumented status${c.undocumentedStatuses.length === 1 ? '' : 'es'}:`,
    c.undocumentedStatuses.map(
      (s) => `${s.method} ${s.pathTemplate} → ${s.status} ×${s.count} in ${s.document}`,
    ),
  );
  const unseen = c.operations.filter((o) => o.calls === 0).length;
  if (unseen > 0)
    out.push(
      p.dim(`  ${plural(unseen, 'documented operation')} not seen (the JSON and Markdown reports list them)`),
    );
  return out;
}

export interface TextOptions {
  /** Input problems were printed on standard error: count them here, do not list them again. */
  problemsOnStderr?: boolean;
}

/**
 * Human-readable report: exchanges with findings, grouped by file, then input problems
 * (unless they went to standard error) and a closing summary. Exchanges without findings
 * are counted, not listed.
 */
export function formatText(report: LintReport, p: Paint, opts: TextOptions = {}): string {
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
  if (report.problems.length > 0 && !opts.problemsOnStderr) {
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
  const counts = `${plural(s.findings.error, 'error')}, ${plural(s.findings.warning, 'warning')}, ${s.findings.info} info`;
  const found =
    total === 0
      ? `no findings in ${plural(s.exchanges, 'exchange')} (${files})`
      : `${plural(total, 'finding')} (${counts}) in ${withFindings} of ${plural(s.exchanges, 'exchange')} (${files})`;
  const failing = report.exchanges.some((e) => e.findings.some((f) => fails(f.severity, report.failOn)));
  let line: string;
  if (inputErrors > 0) {
    // Bad input fails the run (exit code 2) whatever the findings: never a green tick.
    const where = opts.problemsOnStderr ? ' (listed on standard error)' : '';
    line = p.red(p.bold(`✖ ${plural(inputErrors, 'input problem')}${where}; ${found}`));
  } else if (total === 0) line = p.green(`✔ ${found}`);
  else line = failing ? p.red(p.bold(`✖ ${found}`)) : p.yellow(`⚠ ${found}`);
  if (report.coverage) {
    if (out.length > 0) out.push('');
    out.push(...coverageText(report.coverage, p));
  }
  if (out.length > 0) out.push('');
  out.push(line);
  const over = report.bodiesOverCap ?? 0;
  if (over > 0 && report.bodyCap !== undefined) {
    out.push(
      p.dim(
        `${over === 1 ? '1 response body was' : `${over} response bodies were`} over ${formatBytes(report.bodyCap)} and checked by status and headers only (raise the limit with --include-bodies-over)`,
      ),
    );
  }
  return `${out.join('\n')}\n`;
}
