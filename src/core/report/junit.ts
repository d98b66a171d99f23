import type { Finding } from '../rules/types';
import { clip } from './tool';
import { fails, type ExchangeRecord, type InputProblem, type LintReport } from './model';
import { TOOL_NAME } from './tool';
import { xmlAttr, xmlText } from './xml';

function findingLine(f: Finding): string {
  const at = f.pointer !== undefined ? ` (at ${f.pointer === '' ? 'the body' : f.pointer})` : '';
  return `[${f.severity}] ${f.rule}: ${f.message}${at}\n  ${f.source.label} ${f.source.url}`;
}

interface Case {
  name: string;
  body: string;
  failed: boolean;
  errored: boolean;
}

function exchangeCase(ex: ExchangeRecord, report: LintReport): Case {
  const name = `#${ex.index} ${ex.method} ${clip(ex.url, 500)}`;
  const failing = ex.findings.filter((f) => fails(f.severity, report.failOn));
  const other = ex.findings.filter((f) => !fails(f.severity, report.failOn));
  let body = '';
  if (failing.length > 0) {
    const worst = failing[0]!.severity;
    const message = `${failing.length} finding${failing.length === 1 ? '' : 's'} at or over ${report.failOn}: ${[...new Set(failing.map((f) => f.rule))].join(', ')}`;
    const text = `${ex.method} ${ex.url} → ${ex.status} ${ex.reason}\n${failing.map(findingLine).join('\n')}`;
    body += `      <failure type="${xmlAttr(worst)}" message="${xmlAttr(message)}">${xmlText(text)}</failure>\n`;
  }
  if (other.length > 0)
    body += `      <system-out>${xmlText(other.map(findingLine).join('\n'))}</system-out>\n`;
  return { name, body, failed: failing.length > 0, errored: false };
}

function problemCase(p: InputProblem): Case {
  const name = p.index !== undefined ? `#${p.index} (unreadable entry)` : '(file)';
  const message = `${p.path ? `${p.path}: ` : ''}${p.message}`;
  const where = p.line !== undefined ? `${p.file}:${p.line}` : p.file;
  return {
    name,
    body: `      <error type="${xmlAttr(p.kind)}" message="${xmlAttr(message)}">${xmlText(`${where}: ${message}`)}</error>\n`,
    failed: false,
    errored: true,
  };
}

/**
 * JUnit XML as CI servers read it: a suite per HAR file, a test case per exchange named
 * "#i METHOD URL", failing when it has findings at or over --fail-on (lesser findings go
 * to system-out). Unreadable entries and files are errored test cases.
 */
export function formatJunit(report: LintReport): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const file of report.files) {
    const cases: Case[] = [];
    for (const ex of report.exchanges) if (ex.source === file.source) cases.push(exchangeCase(ex, report));
    for (const p of report.problems) {
      if (p.kind !== 'rule' && p.source === file.source) cases.push(problemCase(p));
    }
    const f = cases.filter((c) => c.failed).length;
    const e = cases.filter((c) => c.errored).length;
    tests += cases.length;
    failures += f;
    errors += e;
    const lines = cases.map((c) =>
      c.body === ''
        ? `    <testcase classname="${xmlAttr(file.file)}" name="${xmlAttr(c.name)}"/>`
        : `    <testcase classname="${xmlAttr(file.file)}" name="${xmlAttr(c.name)}">\n${c.body}    </testcase>`,
    );
    suites.push(
      `  <testsuite name="${xmlAttr(file.file)}" tests="${cases.length}" failures="${f}" errors="${e}" skipped="0">\n${lines.map((l) => `${l}\n`).join('')}  </testsuite>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="${TOOL_NAME}" tests="${tests}" failures="${failures}" errors="${errors}">\n` +
    suites.map((s) => `${s}\n`).join('') +
    `</testsuites>\n`
  );
}
