import { clipReported, TOOL_NAME } from './tool';
import type { ExchangeRecord, InputProblem, LintReport } from './model';
import { coverageJson } from './coverage';
import type { JsonExchangeV1, JsonProblemV1, JsonReportV1, JsonSummaryV1 } from './json-report';

export type * from './json-report';
import {
  JsonArrayWriter,
  jsonAround,
  renderReport,
  type ReportHeader,
  type ReportTotals,
  type ReportWriter,
  type TextSink,
} from './writer';

const EXCHANGES = '\u0000exchanges' as const;

function jsonExchange(ex: ExchangeRecord): JsonExchangeV1 {
  return {
    file: ex.file,
    index: ex.index,
    method: clipReported(ex.method),
    url: clipReported(ex.url),
    status: ex.status,
    ...(ex.serverStatus !== undefined ? { serverStatus: ex.serverStatus } : {}),
    family: ex.family,
    reason: clipReported(ex.reason),
    findings: ex.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: clipReported(f.message),
      source: { label: f.source.label, url: f.source.url },
      ...(f.pointer !== undefined ? { pointer: clipReported(f.pointer) } : {}),
      ...(f.profile !== undefined ? { profile: f.profile } : {}),
      ...(f.related && f.related.length > 0
        ? { related: f.related.map((r) => ({ index: r.index, note: clipReported(r.note) })) }
        : {}),
    })),
  };
}

function jsonProblem(p: InputProblem): JsonProblemV1 {
  return {
    kind: p.kind,
    file: p.file,
    ...(p.index !== undefined ? { index: p.index } : {}),
    ...(p.line !== undefined ? { line: p.line } : {}),
    ...(p.column !== undefined ? { column: p.column } : {}),
    ...(p.path !== undefined ? { path: p.path } : {}),
    message: clipReported(p.message),
  };
}

/**
 * The whole document with the exchanges left out (a marker in their place). `source` is
 * always an object `{ label, url }`. Input problems are listed under `problems` (empty when
 * there are none); the summary comes last, so later additions to it stay at the end.
 */
function skeleton(
  header: ReportHeader,
  totals: ReportTotals | undefined,
): Omit<JsonReportV1, 'exchanges' | 'summary'> & {
  exchanges: typeof EXCHANGES;
  summary: JsonSummaryV1 | object;
} {
  return {
    version: 1,
    tool: { name: TOOL_NAME, version: header.toolVersion },
    profiles: header.profiles,
    failOn: header.failOn,
    exchanges: EXCHANGES,
    problems: totals ? totals.problems.map(jsonProblem) : [],
    ...(totals?.coverage ? { coverage: coverageJson(totals.coverage) } : {}),
    summary: totals
      ? {
          ...totals.summary,
          // Bodies over the size cap were checked by status and headers only.
          ...(header.bodyCap !== undefined
            ? { bodiesOverCap: { count: totals.bodiesOverCap, cap: header.bodyCap } }
            : {}),
          failing: totals.failing,
        }
      : {},
  };
}

/**
 * The machine-readable report, written as it goes: the head at once, each exchange as it
 * is linted, problems and the summary at the end.
 */
export function jsonWriter(out: TextSink, header: ReportHeader): ReportWriter {
  const { before, indent } = jsonAround(skeleton(header, undefined), EXCHANGES);
  out.write(before);
  const exchanges = new JsonArrayWriter(out, indent);
  return {
    exchange: (ex) => exchanges.item(jsonExchange(ex)),
    problem: () => undefined,
    file: () => undefined,
    end(totals) {
      exchanges.close();
      out.write(`${jsonAround(skeleton(header, totals), EXCHANGES).after}\n`);
    },
  };
}

export function formatJson(report: LintReport): string {
  return renderReport(report, jsonWriter);
}
