import type { CoverageReport, StatusCount } from '../contract/coverage';
import { clipReported } from './tool';
import type { JsonCoverageV1 } from './json-report';
import { countOf } from '../text/plural';

/** `200 ×3, 418 ×1 (undocumented)`. */
export function statusList(statuses: readonly StatusCount[], markUndocumented = true): string {
  return statuses
    .map(
      (s) => `${s.status} ×${s.count}${markUndocumented && s.matched === undefined ? ' (undocumented)' : ''}`,
    )
    .join(', ');
}

/** One line per description: `petstore.yaml (Swagger Petstore 1.0): 5 of 19 operations seen`. */
export function documentLines(c: CoverageReport): string[] {
  return c.documents.map(
    (d) =>
      `${d.name}${d.title ? ` (${d.title}${d.apiVersion ? ` ${d.apiVersion}` : ''})` : ''}: ${d.seen} of ${countOf(d.operations, 'operation')} seen`,
  );
}

/** The coverage as the JSON and SARIF reports carry it. Paths from traffic are clipped like every reported text. */
export function coverageJson(c: CoverageReport): JsonCoverageV1 {
  return {
    documents: c.documents.map((d) => ({
      name: d.name,
      title: d.title,
      version: d.apiVersion,
      operations: d.operations,
      seen: d.seen,
      problems: d.problems.map((p) => ({ location: p.location, message: p.message })),
    })),
    operations: c.operations.map((o) => ({
      document: o.document,
      method: o.method,
      path: o.pathTemplate,
      ...(o.operationId !== undefined ? { operationId: o.operationId } : {}),
      documented: o.documented,
      calls: o.calls,
      statuses: o.statuses.map((s) => ({
        status: s.status,
        count: s.count,
        documented: s.matched !== undefined,
      })),
      ...(o.disabled !== undefined ? { disabled: o.disabled } : {}),
    })),
    undocumentedOperations: c.undocumentedOperations.map((u) => ({
      document: u.document,
      method: clipReported(u.method),
      path: clipReported(u.path),
      calls: u.calls,
      statuses: u.statuses.map((s) => ({ status: s.status, count: s.count })),
    })),
    undocumentedStatuses: c.undocumentedStatuses,
  };
}
