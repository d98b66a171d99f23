import type { ContractMatch, ContractProblem, PreparedContract } from './types';

/**
 * What an exchange matched, as plain data: it travels from the analysis worker to the panel and
 * into reports, where the prepared description does not.
 */
export type MatchSummary =
  | {
      kind: 'operation';
      document: string;
      method: string;
      pathTemplate: string;
      operationId?: string;
      summary?: string;
      deprecated: boolean;
      /** Every documented response key (`200`, `4XX`, `default`), in the description's order. */
      documented: string[];
      /** The key the status matched, or undefined when it is undocumented. */
      matched?: string;
      /** Why its responses are not checked (a schema that cannot be used), as the description's problems say. */
      disabled?: string;
    }
  | { kind: 'undocumented'; document: string; method: string; path: string };

export function summarizeMatch(match: ContractMatch, method: string): MatchSummary {
  if (match.kind === 'undocumented') {
    return {
      kind: 'undocumented',
      document: match.contract.name,
      method: method.toUpperCase(),
      path: match.path,
    };
  }
  const op = match.operation;
  const out: MatchSummary = {
    kind: 'operation',
    document: match.contract.name,
    method: op.method,
    pathTemplate: op.pathTemplate,
    deprecated: op.deprecated,
    documented: op.responses.map((r) => r.key),
  };
  if (op.operationId !== undefined) out.operationId = op.operationId;
  if (op.summary !== undefined) out.summary = op.summary;
  if (match.response) out.matched = match.response.key;
  if (op.disabled !== undefined) out.disabled = op.disabled;
  return out;
}

/** A loaded description as the coverage view needs it: plain data. */
export interface ContractOutline {
  name: string;
  title: string;
  apiVersion: string;
  problems: ContractProblem[];
  operations: {
    method: string;
    pathTemplate: string;
    operationId?: string;
    summary?: string;
    documented: string[];
    deprecated: boolean;
    disabled?: string;
  }[];
}

export function outlineOf(c: PreparedContract): ContractOutline {
  return {
    name: c.name,
    title: c.title,
    apiVersion: c.apiVersion,
    problems: c.problems,
    operations: c.operations.map((op) => ({
      method: op.method,
      pathTemplate: op.pathTemplate,
      ...(op.operationId !== undefined ? { operationId: op.operationId } : {}),
      ...(op.summary !== undefined ? { summary: op.summary } : {}),
      documented: op.responses.map((r) => r.key),
      deprecated: op.deprecated,
      ...(op.disabled !== undefined ? { disabled: op.disabled } : {}),
    })),
  };
}

export interface StatusCount {
  status: number;
  count: number;
  /** The documented response key it matched, or undefined when undocumented. */
  matched?: string;
}

export interface OperationCoverage {
  document: string;
  method: string;
  pathTemplate: string;
  operationId?: string;
  summary?: string;
  documented: string[];
  deprecated: boolean;
  disabled?: string;
  calls: number;
  statuses: StatusCount[];
}

export interface UndocumentedOperation {
  document: string;
  method: string;
  path: string;
  calls: number;
  statuses: StatusCount[];
}

export interface CoverageReport {
  documents: {
    name: string;
    title: string;
    apiVersion: string;
    operations: number;
    seen: number;
    problems: ContractProblem[];
  }[];
  /** Every documented operation, seen or not, in the description's order. */
  operations: OperationCoverage[];
  /** Calls inside a description's scope that match none of its operations. */
  undocumentedOperations: UndocumentedOperation[];
  /** Documented operations answered with statuses they do not document. */
  undocumentedStatuses: {
    document: string;
    method: string;
    pathTemplate: string;
    status: number;
    count: number;
  }[];
}

function bump(list: StatusCount[], status: number, matched: string | undefined): void {
  const found = list.find((s) => s.status === status);
  if (found) found.count++;
  else list.push(matched === undefined ? { status, count: 1 } : { status, count: 1, matched });
}

function unbump(list: StatusCount[], status: number): void {
  const i = list.findIndex((s) => s.status === status);
  if (i === -1) return;
  if (--list[i]!.count <= 0) list.splice(i, 1);
}

/** Counts calls per documented operation and collects what the descriptions do not document. */
export class CoverageTracker {
  private readonly ops = new Map<string, OperationCoverage>();
  private readonly undocumented = new Map<string, UndocumentedOperation>();
  private readonly outlines: readonly ContractOutline[];

  constructor(outlines: readonly ContractOutline[]) {
    this.outlines = outlines;
    for (const c of outlines)
      for (const op of c.operations)
        this.ops.set(`${c.name}\u0000${op.method} ${op.pathTemplate}`, {
          document: c.name,
          method: op.method,
          pathTemplate: op.pathTemplate,
          ...(op.operationId !== undefined ? { operationId: op.operationId } : {}),
          ...(op.summary !== undefined ? { summary: op.summary } : {}),
          documented: op.documented,
          deprecated: op.deprecated,
          ...(op.disabled !== undefined ? { disabled: op.disabled } : {}),
          calls: 0,
          statuses: [],
        });
  }

  /** The same descriptions, nothing counted (the list was cleared). */
  emptied(): CoverageTracker {
    return new CoverageTracker(this.outlines);
  }

  record(match: MatchSummary | undefined, status: number): void {
    if (!match) return;
    if (match.kind === 'operation') {
      const op = this.ops.get(`${match.document}\u0000${match.method} ${match.pathTemplate}`);
      if (!op) return;
      op.calls++;
      bump(op.statuses, status, match.matched);
      return;
    }
    const key = `${match.document}\u0000${match.method} ${match.path}`;
    let u = this.undocumented.get(key);
    if (!u)
      this.undocumented.set(
        key,
        (u = { document: match.document, method: match.method, path: match.path, calls: 0, statuses: [] }),
      );
    u.calls++;
    bump(u.statuses, status, undefined);
  }

  /**
   * Takes back one `record(match, status)`: the panel re-analyses rows (a settings change) and
   * drops them (Clear, retention), and its coverage follows without recounting every row.
   */
  forget(match: MatchSummary | undefined, status: number): void {
    if (!match) return;
    if (match.kind === 'operation') {
      const op = this.ops.get(`${match.document}\u0000${match.method} ${match.pathTemplate}`);
      if (!op || op.calls === 0) return;
      op.calls--;
      unbump(op.statuses, status);
      return;
    }
    const key = `${match.document}\u0000${match.method} ${match.path}`;
    const u = this.undocumented.get(key);
    if (!u) return;
    if (--u.calls <= 0) this.undocumented.delete(key);
    else unbump(u.statuses, status);
  }

  report(): CoverageReport {
    const operations = [...this.ops.values()].map((o) => ({
      ...o,
      statuses: [...o.statuses].sort((a, b) => a.status - b.status),
    }));
    const undocumentedStatuses: CoverageReport['undocumentedStatuses'] = [];
    for (const o of operations)
      for (const s of o.statuses)
        if (s.matched === undefined)
          undocumentedStatuses.push({
            document: o.document,
            method: o.method,
            pathTemplate: o.pathTemplate,
            status: s.status,
            count: s.count,
          });
    return {
      documents: this.outlines.map((c) => ({
        name: c.name,
        title: c.title,
        apiVersion: c.apiVersion,
        operations: c.operations.length,
        seen: operations.filter((o) => o.document === c.name && o.calls > 0).length,
        problems: c.problems,
      })),
      operations,
      undocumentedOperations: [...this.undocumented.values()]
        .map((u) => ({ ...u, statuses: [...u.statuses].sort((a, b) => a.status - b.status) }))
        .sort((a, b) => b.calls - a.calls || a.path.localeCompare(b.path)),
      undocumentedStatuses,
    };
  }
}
