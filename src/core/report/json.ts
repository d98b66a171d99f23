import { clipReported, TOOL_NAME } from './tool';
import { summarize, type LintReport } from './model';
import { coverageJson } from './coverage';

/**
 * The machine-readable report. `source` is always an object `{ label, url }`. Input
 * problems are listed under `problems` (empty when there are none).
 */
export function jsonReport(report: LintReport): object {
  return {
    version: 1,
    tool: { name: TOOL_NAME, version: report.toolVersion },
    profiles: report.profiles,
    exchanges: report.exchanges.map((ex) => ({
      file: ex.file,
      index: ex.index,
      method: clipReported(ex.method),
      url: clipReported(ex.url),
      status: ex.status,
      family: ex.family,
      reason: clipReported(ex.reason),
      findings: ex.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: clipReported(f.message),
        source: { label: f.source.label, url: f.source.url },
        ...(f.pointer !== undefined ? { pointer: clipReported(f.pointer) } : {}),
      })),
    })),
    problems: report.problems.map((p) => ({
      kind: p.kind,
      file: p.file,
      ...(p.index !== undefined ? { index: p.index } : {}),
      ...(p.line !== undefined ? { line: p.line } : {}),
      ...(p.column !== undefined ? { column: p.column } : {}),
      ...(p.path !== undefined ? { path: p.path } : {}),
      message: clipReported(p.message),
    })),
    ...(report.coverage ? { coverage: coverageJson(report.coverage) } : {}),
    summary: {
      ...summarize(report),
      // Bodies over the size cap were checked by status and headers only.
      ...(report.bodyCap !== undefined
        ? { bodiesOverCap: { count: report.bodiesOverCap ?? 0, cap: report.bodyCap } }
        : {}),
    },
  };
}

export function formatJson(report: LintReport): string {
  return `${JSON.stringify(jsonReport(report), null, 2)}\n`;
}
