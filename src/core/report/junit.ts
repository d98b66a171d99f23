import { NO_URL } from '../exchange/url';
import { relatedText } from './related';
import { documentLines, statusList } from './coverage';
import type { Finding } from '../rules/types';
import { atBodyPlace } from './body-place';
import { clip, clipReported } from './tool';
import { fails, type ExchangeRecord, type FailOn, type InputProblem, type LintReport } from './model';
import {
  renderReport,
  type ReportHeader,
  type ReportWriter,
  type SpoolFactory,
  type TextSink,
} from './writer';
import { TOOL_NAME } from './tool';
import { xmlAttr, xmlText } from './xml';
import { countOf } from '../text/plural';

function findingLine(f: Finding): string {
  const at = f.pointer !== undefined ? ` (${atBodyPlace(f.pointer, 500)})` : '';
  const related = relatedText(f);
  return `[${f.severity}] ${f.rule}: ${clipReported(f.message)}${at}${related ? `\n  ${related}` : ''}\n  ${f.source.label} ${f.source.url}`;
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
 * The test case's name: `#3 GET https://…`. CI pages list cases by name, so an entry whose
 * request URL is empty (an Insomnia request never sent, drf_api.har #14) says so, as the panel's
 * list does, rather than ending in a space (`#14 GET `); the input problem names its place.
 */
function caseName(ex: ExchangeRecord): string {
  const url = clip(ex.url, 500).trim();
  return `#${ex.index} ${clip(ex.method, 100)} ${url === '' ? NO_URL : url}`;
}

/**
 * One exchange. When part of its entry could not be read (a body that does not decode) it
 * is still the one test case for that entry, errored, with any failing findings in the
 * error's text: JUnit allows a test case only one of error and failure.
 */
function exchangeCase(ex: ExchangeRecord, problems: readonly InputProblem[], failOn: FailOn): Case {
  const name = caseName(ex);
  const failing = ex.findings.filter((f) => fails(f.severity, failOn));
  const other = ex.findings.filter((f) => !fails(f.severity, failOn));
  const findingsText =
    failing.length > 0
      ? `${clip(ex.method, 100)} ${clipReported(ex.url)} → ${ex.status} ${clip(ex.reason, 200)}\n${failing.map(findingLine).join('\n')}`
      : '';
  let body = '';
  if (problems.length > 0) {
    body += errorElement(problems, findingsText ? `\n${findingsText}` : '');
  } else if (failing.length > 0) {
    const worst = failing[0]!.severity;
    const message = `${countOf(failing.length, 'finding')} at or over ${failOn}: ${[...new Set(failing.map((f) => f.rule))].join(', ')}`;
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
 * could not be read are errored test cases; every entry is one test case, in entry order,
 * with problems of the file as a whole last.
 *
 * Each suite's and the whole run's counts head their elements, so test cases are spooled
 * per file and the suites until the end.
 */
export function junitWriter(out: TextSink, header: ReportHeader, spool: SpoolFactory): ReportWriter {
  const suites = spool();
  const cases = spool();
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let suite = { tests: 0, failures: 0, errors: 0 };
  // Input problems of the current file not yet written, by entry index (-1: the file as a
  // whole). A problem about entry i comes before entry i's exchange, which it joins.
  let pending = new Map<number, InputProblem[]>();

  const writeCase = (className: string, c: Case) => {
    suite.tests++;
    if (c.failed) suite.failures++;
    if (c.errored) suite.errors++;
    cases.write(
      c.body === ''
        ? `    <testcase classname="${xmlAttr(className)}" name="${xmlAttr(c.name)}"/>\n`
        : `    <testcase classname="${xmlAttr(className)}" name="${xmlAttr(c.name)}">\n${c.body}    </testcase>\n`,
    );
  };
  /** Writes the cases of unreadable entries before `upTo` (all of them, the file's last). */
  const flushPending = (className: string, upTo: number) => {
    if (pending.size === 0) return;
    const due = [...pending].filter(([i]) => i !== -1 && i < upTo);
    due.sort((a, b) => a[0] - b[0]);
    for (const [i, problems] of due) {
      writeCase(className, problemCase(problems));
      pending.delete(i);
    }
    if (upTo === Infinity) {
      const whole = pending.get(-1);
      if (whole) writeCase(className, problemCase(whole));
      pending = new Map();
    }
  };

  return {
    problem(p) {
      if (p.kind === 'rule') return;
      const key = p.index ?? -1;
      const list = pending.get(key);
      if (list) list.push(p);
      else pending.set(key, [p]);
    },
    exchange(ex) {
      flushPending(ex.file, ex.index);
      const problems = pending.get(ex.index) ?? [];
      pending.delete(ex.index);
      writeCase(ex.file, exchangeCase(ex, problems, header.failOn));
    },
    file(file) {
      flushPending(file.file, Infinity);
      tests += suite.tests;
      failures += suite.failures;
      errors += suite.errors;
      suites.write(
        `  <testsuite name="${xmlAttr(file.file)}" tests="${suite.tests}" failures="${suite.failures}" errors="${suite.errors}" skipped="0">\n`,
      );
      cases.replayInto(suites);
      suites.write(`  </testsuite>\n`);
      suite = { tests: 0, failures: 0, errors: 0 };
    },
    end(totals) {
      cases.dispose();
      if (totals.coverage) {
        // Coverage is information, not a test of the traffic: one passing case per description,
        // its numbers in system-out, so CI pages that show JUnit show them too.
        const c = totals.coverage;
        const lines = documentLines(c).map((line, i) => {
          const name = c.documents[i]!.name;
          const ops = c.operations.filter((o) => o.document === name);
          const text = [
            line,
            ...ops.map(
              (o) =>
                `${o.method} ${o.pathTemplate}: ${countOf(o.calls, 'call')}${o.statuses.length ? ` (${statusList(o.statuses)})` : ''}`,
            ),
            ...c.undocumentedOperations
              .filter((u) => u.document === name)
              .map(
                (u) =>
                  `undocumented: ${clip(u.method, 100)} ${clip(u.path, 300)}: ${countOf(u.calls, 'call')}`,
              ),
          ].join('\n');
          return `    <testcase classname="openapi-coverage" name="${xmlAttr(name)}">\n      <system-out>${xmlText(text)}</system-out>\n    </testcase>\n`;
        });
        tests += lines.length;
        suites.write(
          `  <testsuite name="OpenAPI coverage" tests="${lines.length}" failures="0" errors="0" skipped="0">\n${lines.join('')}  </testsuite>\n`,
        );
      }
      out.write(
        `<?xml version="1.0" encoding="UTF-8"?>\n` +
          `<testsuites name="${TOOL_NAME}" tests="${tests}" failures="${failures}" errors="${errors}">\n`,
      );
      try {
        suites.replayInto(out);
      } finally {
        suites.dispose();
      }
      out.write(`</testsuites>\n`);
    },
  };
}

export function formatJunit(report: LintReport): string {
  return renderReport(report, junitWriter);
}
