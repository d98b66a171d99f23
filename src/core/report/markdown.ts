import { NO_URL } from '../exchange/url';
import { relatedText } from './related';
import { FAMILIES, FAMILY_LABEL } from '../exchange/family';
import { bodyPlace } from './body-place';
import { clip, clipReported } from './tool';
import { describeProblem, fails, type ExchangeRecord, type FailOn, type LintReport } from './model';
import {
  renderReport,
  type ReportHeader,
  type ReportWriter,
  type SpoolFactory,
  type TextSink,
} from './writer';
import { TOOL_NAME } from './tool';
import { documentLines, statusList } from './coverage';
import type { CoverageReport } from '../contract/coverage';
import { countOf } from '../text/plural';
import { worstSeverity } from '../engine/analyze';
import type { Severity } from '../rules/types';
import { CONTROL_CLASS, showInvisible } from '../text/bidi';

const CONTROL = new RegExp(`[${CONTROL_CLASS}]`, 'g');

/**
 * Makes recorded text inert in Markdown: every character that could start formatting, a
 * link, a table cell, a code span or raw HTML is backslash-escaped (CommonMark allows that
 * for any ASCII punctuation), and line breaks become spaces so a value stays in its cell.
 */
export function mdText(text: string): string {
  const oneLine = text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').replace(CONTROL, '\uFFFD');
  // Bidi controls and invisible format characters could make a URL read as something else;
  // show them instead (their `U+` escaped as the rest).
  return showInvisible(oneLine).replace(/[\\`*_{}[\]<>()#+!|~&$:]/g, '\\$&');
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
  // Each line is escaped whole, as the document lines above and every line of the diff's
  // Markdown are, so the same text reads the same (`\(`, `\:`) wherever it is.
  if (c.undocumentedOperations.length > 0) {
    out.push('### Undocumented operations', '');
    for (const u of c.undocumentedOperations)
      out.push(
        `- ${mdText(`${clip(u.method, 100)} ${clip(u.path, 300)} (${u.document}): ${countOf(u.calls, 'call')}, ${statusList(u.statuses, false)}`)}`,
      );
    out.push('');
  }
  if (c.undocumentedStatuses.length > 0) {
    out.push('### Undocumented statuses', '');
    for (const s of c.undocumentedStatuses)
      out.push(`- ${mdText(`${s.method} ${s.pathTemplate} → ${s.status} ×${s.count} (${s.document})`)}`);
    out.push('');
  }
  return out;
}

/** Each severity's mark in a heading: an exchange with only infos is no warning. */
const SEVERITY_MARK: Record<Severity, string> = { error: '❌', warning: '⚠️', info: 'ℹ️' };

function findingsSection(ex: ExchangeRecord, failOn: FailOn): string {
  // ❌ when the exchange fails the run (a finding at or over --fail-on), else its worst finding's mark.
  const failing = ex.findings.some((f) => fails(f.severity, failOn));
  const mark = failing ? '❌' : SEVERITY_MARK[worstSeverity(ex.findings) ?? 'info'];
  const out = [
    `### ${mark} ${mdText(clip(ex.method, 100))} ${ex.url === '' ? NO_URL : mdText(clip(ex.url, 300))} → ${ex.status}${ex.reason ? ` ${mdText(clip(ex.reason, 200))}` : ''}`,
    '',
    ex.listNumber !== undefined
      ? mdText(`${ex.file}, request #${ex.listNumber}`)
      : `${mdText(ex.file)}, entry ${ex.index} (line ${ex.line})`,
    '',
    row(['Severity', 'Rule', 'Message', 'Where', 'Source']),
    row(['---', '---', '---', '---', '---']),
  ];
  for (const f of ex.findings) {
    const where = f.pointer === undefined ? '' : mdText(bodyPlace(f.pointer, 500));
    out.push(
      row([
        f.severity,
        mdText(f.rule),
        mdText(clipReported(f.message)) + (f.related?.length ? `<br>${mdText(relatedText(f))}` : ''),
        where,
        `[${mdText(f.source.label)}](<${f.source.url.replace(/[<>\s]/g, encodeURIComponent)}>)`,
      ]),
    );
  }
  out.push('');
  return out.map((l) => `${l}\n`).join('');
}

/**
 * A report to paste into a ticket or a pull-request comment: a table of counts per file,
 * then the exchanges with findings, then problems with the input. The table heads the
 * report but is known only at the end, so the findings are spooled until then.
 */
export function markdownWriter(out: TextSink, header: ReportHeader, spool: SpoolFactory): ReportWriter {
  const findings = spool();
  let flagged = 0;
  return {
    exchange(ex) {
      if (ex.findings.length === 0) return;
      flagged++;
      findings.write(findingsSection(ex, header.failOn));
    },
    problem: () => undefined,
    file: () => undefined,
    end(totals) {
      const s = totals.summary;
      const lines: string[] = [`# ${TOOL_NAME} report`, ''];
      const files = totals.files;
      const profiles = header.profiles.length > 0 ? header.profiles.join(', ') : 'none';
      lines.push(
        `${countOf(s.exchanges, 'exchange')} in ${countOf(files.length, 'file')}, ` +
          `checked by ${TOOL_NAME} ${mdText(header.toolVersion)} (profiles: ${profiles}; failing at: ${header.failOn}).`,
        '',
      );
      lines.push(
        row(['File', 'Exchanges', ...FAMILIES.map((f) => FAMILY_LABEL[f]), 'Errors', 'Warnings', 'Info']),
      );
      lines.push(row(['---', ...Array(FAMILIES.length + 4).fill('---:')]));
      for (const file of files) {
        const c = totals.forSource(file.source);
        lines.push(
          row([
            mdText(file.file) + (file.failed ? ' (incomplete)' : ''),
            c.exchanges,
            ...FAMILIES.map((f) => c.families[f]),
            c.findings.error,
            c.findings.warning,
            c.findings.info,
          ]),
        );
      }
      if (files.length > 1) {
        lines.push(
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
      lines.push('', '## Findings', '');
      if (flagged === 0) lines.push('No findings.', '');
      out.write(lines.map((l) => `${l}\n`).join(''));
      try {
        findings.replayInto(out);
      } finally {
        findings.dispose();
      }
      const tail: string[] = [];
      if (totals.coverage) tail.push(...coverageMarkdown(totals.coverage));
      if (totals.problems.length > 0) {
        tail.push('## Problems with the input', '');
        for (const p of totals.problems)
          tail.push(
            `- ${p.kind === 'rule' ? 'rule failure' : 'input'}: ${mdText(clipReported(describeProblem(p)))}`,
          );
        tail.push('');
      }
      out.write(tail.map((l) => `${l}\n`).join(''));
    },
  };
}

export function formatMarkdown(report: LintReport): string {
  return renderReport(report, markdownWriter);
}
