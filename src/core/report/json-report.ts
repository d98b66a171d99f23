import type { StatusFamily } from '../exchange/family';
import type { Severity } from '../rules/types';
import type { FailOn } from './model';

/**
 * The JSON report, version 1 (`status-lens lint --format json`, the panel's JSON export): the
 * contract scripts and CI tools read. Published as `schemas/report-v1.schema.json`; a test
 * validates reports against it. Adding an optional member is compatible; removing or retyping
 * one needs version 2.
 */
export interface JsonReportV1 {
  version: 1;
  tool: { name: 'status-lens'; version: string };
  /** The convention profiles that were on, by id. */
  profiles: string[];
  /** The lowest severity that fails the run (`--fail-on`); `summary.failing` says whether one did. Added in 0.1 (optional). */
  failOn?: FailOn;
  /** Every linted exchange, in request order (file by file; within a file by start time, ties in file order). */
  exchanges: JsonExchangeV1[];
  /** What could not be read or linted; empty when nothing went wrong. */
  problems: JsonProblemV1[];
  /** With OpenAPI descriptions loaded (`--openapi`). */
  coverage?: JsonCoverageV1;
  summary: JsonSummaryV1;
}

export interface JsonExchangeV1 {
  /** The input as given on the command line, or "<stdin>". */
  file: string;
  /** Position in the file's `log.entries`. */
  index: number;
  method: string;
  /** With credentials redacted. */
  url: string;
  /** 0 when no response reached the page (a failed request). */
  status: number;
  /** The status the server sent when the browser failed the request afterwards (CORS). */
  serverStatus?: number;
  family: StatusFamily;
  reason: string;
  /** Worst first. */
  findings: JsonFindingV1[];
}

export interface JsonFindingV1 {
  rule: string;
  severity: Severity;
  message: string;
  source: { label: string; url: string };
  /** RFC 6901 pointer into the response body, when a body member is at fault. */
  pointer?: string;
  /** The profile whose convention raised it; absent for core rules. */
  profile?: string;
}

export interface JsonProblemV1 {
  /** `file`: the file could not be read to the end; `entry`: one entry; `rule`: a rule failed on an entry. */
  kind: 'file' | 'entry' | 'rule';
  file: string;
  index?: number;
  line?: number;
  column?: number;
  /** JSON path of the value at fault, e.g. `log.entries[3].response.status`. */
  path?: string;
  message: string;
}

export interface JsonSummaryV1 {
  exchanges: number;
  families: Record<StatusFamily, number>;
  findings: Record<Severity, number>;
  /** Bodies over the size cap (`cap`, bytes) were checked by status and headers only. */
  bodiesOverCap?: { count: number; cap: number };
  /**
   * A finding is at or over `failOn`: the lint exits 1 (2 when an input problem was also found).
   * As in `diff`'s report. Optional: reports written before it lack it.
   */
  failing?: boolean;
}

export interface JsonStatusCountV1 {
  status: number;
  count: number;
}

export interface JsonCoverageV1 {
  documents: {
    name: string;
    title: string;
    version: string;
    operations: number;
    seen: number;
    problems: { location: string; message: string }[];
  }[];
  operations: {
    document: string;
    method: string;
    path: string;
    operationId?: string;
    documented: string[];
    calls: number;
    statuses: (JsonStatusCountV1 & { documented: boolean })[];
    disabled?: string;
  }[];
  undocumentedOperations: {
    document: string;
    method: string;
    path: string;
    calls: number;
    statuses: JsonStatusCountV1[];
  }[];
  undocumentedStatuses: {
    document: string;
    method: string;
    pathTemplate: string;
    status: number;
    count: number;
  }[];
}
