import { FAMILIES } from '../exchange/family';
import { clip, clipReported } from './tool';
import { describeProblem, fails, summarize, type LintReport } from './model';
import { TOOL_NAME } from './tool';
import { documentLines, statusList } from './coverage';
import type { CoverageReport } from '../contract/coverage';

/**
 * Makes recorded text inert in Markdown: every character that could start formatting, a
 * link, a table cell, a code span or raw HTML is backslash-escaped (CommonMark allows that
 * for any ASCII punctuation), and line breaks become spaces so a value stays in its cell.
 */
export function mdText(text: string): string {
  return (
    text
      .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD')
      // Bidi controls could make a URL read as something else; show them instead.
      .replace(
        /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
        (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
      )
      .replace(/[\\`*_{}[\]<>()#+!|~&$:]/g, '\\$&')
  );
}

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The OpenAPI coverage as Markdown lines: in the lint report, and exported alone from the panel. */
export function coverageMarkdown(c: CoverageReport): string[] {
  const out = ['## OpenAPI coverage', ''];
  for (const line of documentLines(c)) out.push(`- ${mdText(line)}`);
  out.push(
    '',
    row(['Operation', 'operationId', 'Calls', 'Statuses seen', 'Documented']),
    row(['---', '---', '---:', '---', '---']),
  );
  for (const o of c.operations) {
    out.push(
      row([
        `${mdText(o.method)} ${mdText(o.pathTemplate)}${o.disabled ? ' (schemas not checked)' : ''}`,
        mdText(o.operationId ?? ''),
        o.calls,
        mdText(statusList(o.statuses)),
        mdText(o.documented.join(', ')),
      ]),
    );
  }
  out.push('');
  if (c.undocumentedOperations.length > 0) {
    out.push('### Undocumented operations', '');
    for (const u of c.undocumentedOperations)
      out.push(
        `- ${mdText(clip(u.method, 100))} ${mdText(clip(u.path, 300))} (${mdText(u.document)}): ${u.calls} call${u.calls === 1 ? '' : 's'}, ${mdText(statusList(u.statuses, false))}`,
      );
    out.push('');
  }
  if (c.undocumentedStatuses.length > 0) {
    out.push('### Undocumented statuses', '');
    for (const s of c.undocumentedStatuses)
      out.push(
        `- ${mdText(s.method)} ${mdText(s.pathTemplate)} → ${s.status} ×${s.count} (${mdText(s.document)})`,
      );
    out.push('');
  }
  return out;
}

/** A report to paste into a ticket or a pull-request comment. */
export function formatMarkdown(report: LintReport): string {
  const s = summarize(report);
  const out: string[] = [`# ${TOOL_NAME} report`, ''];
  const profiles = report.profiles.length > 0 ? report.profiles.join(', ') : 'none';
  out.push(
    `${s.exchanges} exchange${s.exchanges === 1 ? '' : 's'} in ${report.files.length} file${report.files.length === 1 ? '' : 's'}, ` +
      `checked by ${TOOL_NAME} ${mdText(report.toolVersion)} (profiles: ${profiles}; failing at: ${report.failOn}).`,
    '',
  );
  out.push(row(['File', 'Exchanges', ...FAMILIES, 'Errors', 'Warnings', 'Info']));
  out.push(row(['---', ...Array(FAMILIES.length + 4).fill('---:')]));
  for (const file of report.files) {
    const exs = report.exchanges.filter((e) => e.source === file.source);
    const fam = FAMILIES.map((f) => exs.filter((e) => e.family === f).length);
    const count = (sev: string) =>
      exs.reduce((n, e) => n + e.findings.filter((f) => f.severity === sev).length, 0);
    out.push(
      row([
        mdText(file.file) + (file.failed ? ' (incomplete)' : ''),
        exs.length,
        ...fam,
        count('error'),
        count('warning'),
        count('info'),
      ]),
    );
  }
  if (report.files.length > 1) {
    out.push(
      row([
        '**Total**',
        s.exchanges,
        ...FAMILIES.map((f) => s.families[f]),
        s.findings.error,
        s.findings.warning,
        s.findings.info,
      ]),
    );
  }
  out.push('');

  const flagged = report.exchanges.filter((e) => e.findings.length > 0);
  out.push('## Findings', '');
  if (flagged.length === 0) out.push('No findings.', '');
  for (const ex of flagged) {
    const failing = ex.findings.some((f) => fails(f.severity, report.failOn));
    out.push(
      `### ${failing ? '❌' : '⚠️'} ${mdText(clip(ex.method, 100))} ${mdText(clip(ex.url, 300))} → ${ex.status}${ex.reason ? ` ${mdText(clip(ex.reason, 200))}` : ''}`,
      '',
      `${mdText(ex.file)}, entry ${ex.index} (line ${ex.line})`,
      '',
      row(['Severity', 'Rule', 'Message', 'Where', 'Source']),
      row(['---', '---', '---', '---', '---']),
    );
    for (const f of ex.findings) {
      const where = f.pointer === undefined ? '' : f.pointer === '' ? 'body' : mdText(clip(f.pointer, 500));
      out.push(
        row([
          f.severity,
          mdText(f.rule),
          mdText(clipReported(f.message)),
          where,
          `[${mdText(f.source.label)}](<${f.source.url.replace(/[<>\s]/g, encodeURIComponent)}>)`,
        ]),
      );
    }
    out.push('');
  }
  if (report.coverage) out.push(...coverageMarkdown(report.coverage));
  if (report.problems.length > 0) {
    out.push('## Problems with the input', '');
    for (const p of report.problems)
      out.push(
        `- ${p.kind === 'rule' ? 'rule failure' : 'input'}: ${mdText(clipReported(describeProblem(p)))}`,
      );
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
