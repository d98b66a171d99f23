import { documentLines, statusList } from './coverage';
import type { Finding } from '../rules/types';
import { clip, clipReported } from './tool';
import { fails, type ExchangeRecord, type InputProblem, type LintReport } from './model';
import { TOOL_NAME } from './tool';
import { xmlAttr, xmlText } from './xml';

function findingLine(f: Finding): string {
  const at = f.pointer !== undefined ? ` (at ${f.pointer === '' ? 'the body' : clip(f.pointer, 500)})` : '';
  return `[${f.severity}] ${f.rule}: ${clipReported(f.message)}${at}\n  ${f.source.label} ${f.source.url}`;
}

interface Case {
  name: string;
  body: string;
  failed: boolean;
  errored: boolean;
}

function problemText(p: InputProblem): string {
  return `${p.path ? `${p.path}: ` : ''}${clipReported(p.message)}`;
}

function errorElement(problems: readonly InputProblem[], extra = ''): string {
  const first = problems[0]!;
  const message = problems.map(problemText).join('; ');
  const text = problems
    .map((p) => `${p.line !== undefined ? `${p.file}:${p.line}` : p.file}: ${problemText(p)}`)
    .join('\n');
  return `      <error type="${xmlAttr(first.kind)}" message="${xmlAttr(message)}">${xmlText(`${text}${extra}`)}</error>\n`;
}

/**
 * One exchange. When part of its entry could not be read (a body that does not decode) it
 * is still the one test case for that entry, errored, with any failing findings in the
 * error's text: JUnit allows a test case only one of error and failure.
 */
function exchangeCase(ex: ExchangeRecord, problems: readonly InputProblem[], report: LintReport): Case {
  const name = `#${ex.index} ${clip(ex.method, 100)} ${clip(ex.url, 500)}`;
  const failing = ex.findings.filter((f) => fails(f.severity, report.failOn));
  const other = ex.findings.filter((f) => !fails(f.severity, report.failOn));
  const findingsText =
    failing.length > 0
      ? `${clip(ex.method, 100)} ${clipReported(ex.url)} → ${ex.status} ${clip(ex.reason, 200)}\n${failing.map(findingLine).join('\n')}`
      : '';
  let body = '';
  if (problems.length > 0) {
    body += errorElement(problems, findingsText ? `\n${findingsText}` : '');
  } else if (failing.length > 0) {
    const worst = failing[0]!.severity;
    const message = `${failing.length} finding${failing.length === 1 ? '' : 's'} at or over ${report.failOn}: ${[...new Set(failing.map((f) => f.rule))].join(', ')}`;
    body += `      <failure type="${xmlAttr(worst)}" message="${xmlAttr(message)}">${xmlText(findingsText)}</failure>\n`;
  }
  if (other.length > 0)
    body += `      <system-out>${xmlText(other.map(findingLine).join('\n'))}</system-out>\n`;
  return { name, body, failed: problems.length === 0 && failing.length > 0, errored: problems.length > 0 };
}

/** An entry that could not be linted at all, or a file-level problem. */
function problemCase(problems: readonly InputProblem[]): Case {
  const p = problems[0]!;
  return {
    name: p.index !== undefined ? `#${p.index} (unreadable entry)` : '(file)',
    body: errorElement(problems),
    failed: false,
    errored: true,
  };
}

/**
 * JUnit XML as CI servers read it: a suite per HAR file, a test case per entry named
 * "#i METHOD URL", failing when it has findings at or over --fail-on (lesser findings go
 * to system-out). Entries that could not be read (or read only in part) and files that
 * could not be read are errored test cases; every entry is one test case.
 */
export function formatJunit(report: LintReport): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const file of report.files) {
    // Input problems of this file, by entry index (-1: the file as a whole).
    const byIndex = new Map<number, InputProblem[]>();
    for (const p of report.problems) {
      if (p.kind === 'rule' || p.source !== file.source) continue;
      const key = p.index ?? -1;
      const list = byIndex.get(key);
      if (list) list.push(p);
      else byIndex.set(key, [p]);
    }
    const cases: { index: number; c: Case }[] = [];
    for (const ex of report.exchanges) {
      if (ex.source !== file.source) continue;
      cases.push({ index: ex.index, c: exchangeCase(ex, byIndex.get(ex.index) ?? [], report) });
      byIndex.delete(ex.index);
    }
    for (const [index, problems] of byIndex) {
      cases.push({ index: index === -1 ? Infinity : index, c: problemCase(problems) });
    }
    // Entry order, with problems of the file as a whole last.
    cases.sort((a, b) => a.index - b.index);
    const f = cases.filter((x) => x.c.failed).length;
    const e = cases.filter((x) => x.c.errored).length;
    tests += cases.length;
    failures += f;
    errors += e;
    const lines = cases.map(({ c }) =>
      c.body === ''
        ? `    <testcase classname="${xmlAttr(file.file)}" name="${xmlAttr(c.name)}"/>`
        : `    <testcase classname="${xmlAttr(file.file)}" name="${xmlAttr(c.name)}">\n${c.body}    </testcase>`,
    );
    suites.push(
      `  <testsuite name="${xmlAttr(file.file)}" tests="${cases.length}" failures="${f}" errors="${e}" skipped="0">\n${lines.map((l) => `${l}\n`).join('')}  </testsuite>`,
    );
  }
  if (report.coverage) {
    // Coverage is information, not a test of the traffic: one passing case per description,
    // its numbers in system-out, so CI pages that show JUnit show them too.
    const c = report.coverage;
    const cases = documentLines(c).map((line, i) => {
      const name = c.documents[i]!.name;
      const ops = c.operations.filter((o) => o.document === name);
      const text = [
        line,
        ...ops.map(
          (o) =>
            `${o.method} ${o.pathTemplate}: ${o.calls} call${o.calls === 1 ? '' : 's'}${o.statuses.length ? ` (${statusList(o.statuses)})` : ''}`,
        ),
        ...c.undocumentedOperations
          .filter((u) => u.document === name)
          .map(
            (u) =>
              `undocumented: ${clip(u.method, 100)} ${clip(u.path, 300)}: ${u.calls} call${u.calls === 1 ? '' : 's'}`,
          ),
      ].join('\n');
      return `    <testcase classname="openapi-coverage" name="${xmlAttr(name)}">\n      <system-out>${xmlText(text)}</system-out>\n    </testcase>`;
    });
    tests += cases.length;
    suites.push(
      `  <testsuite name="OpenAPI coverage" tests="${cases.length}" failures="0" errors="0" skipped="0">\n${cases.map((l) => `${l}\n`).join('')}  </testsuite>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="${TOOL_NAME}" tests="${tests}" failures="${failures}" errors="${errors}">\n` +
    suites.map((s) => `${s}\n`).join('') +
    `</testsuites>\n`
  );
}
