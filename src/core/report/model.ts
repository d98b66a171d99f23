import type { StatusFamily } from '../exchange/family';
import type { Finding, ProfileId, Severity } from '../rules/types';
import type { CoverageReport } from '../contract/coverage';

export type FailOn = Severity | 'none';

/** One linted exchange, as every output format sees it. */
export interface ExchangeRecord {
  /** Which input (0-based, in command-line order) it came from. */
  source: number;
  /** The path as given on the command line; for standard input, --stdin-filename or "<stdin>". */
  file: string;
  /**
   * The same file as a relative, forward-slash URI for SARIF; for standard input, its
   * --stdin-filename or "stdin.har" (GitHub code scanning refuses results without a URI).
   */
  uri: string;
  /** Position in log.entries. */
  index: number;
  /** 1-based line the entry starts on. */
  line: number;
  /**
   * The panel's `#` for the request (from 1, as its list numbers rows), in a report exported
   * from the panel: the Markdown names the request by it, not by an index and line of a file
   * the user never saw. The CLI leaves it out; the JSON and SARIF formats do not carry it.
   */
  listNumber?: number;
  method: string;
  url: string;
  status: number;
  /** The status the server sent when the browser failed the request afterwards (CORS); `status` is 0. */
  serverStatus?: number;
  family: StatusFamily;
  reason: string;
  findings: Finding[];
}

/**
 * Something wrong with the input rather than the traffic: a file that cannot be read, is
 * not a HAR or is cut short (`file`), or one entry that cannot be linted (`entry`).
 * Both make the exit code 2. `rule` is a rule that threw on an exchange: reported, but
 * it does not change the exit code.
 */
export interface InputProblem {
  kind: 'file' | 'entry' | 'rule';
  source: number;
  file: string;
  /** As ExchangeRecord's. */
  uri: string;
  /** Entry index, when the problem is in one entry. */
  index?: number;
  line?: number;
  column?: number;
  /** JSON path of the value at fault, e.g. log.entries[3].response.status. */
  path?: string;
  message: string;
}

export interface FileRecord {
  source: number;
  file: string;
  /** As ExchangeRecord's. */
  uri: string;
  /** Read from standard input (SARIF's `standardStream` artifact role). */
  standardInput?: true;
  /** Entries found in the file (good and bad). */
  entries: number;
  /** True when the whole file could not be read to the end. */
  failed: boolean;
}

export interface LintReport {
  toolVersion: string;
  profiles: ProfileId[];
  failOn: FailOn;
  files: FileRecord[];
  exchanges: ExchangeRecord[];
  problems: InputProblem[];
  /** Bodies larger than this many bytes were checked by status and headers only (when known). */
  bodyCap?: number;
  /** How many response bodies were over `bodyCap` and so not analysed. */
  bodiesOverCap?: number;
  /** With OpenAPI descriptions loaded: operations documented / seen, undocumented operations and statuses. */
  coverage?: CoverageReport;
}

export interface Summary {
  exchanges: number;
  families: Record<StatusFamily, number>;
  findings: Record<Severity, number>;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Whether a finding of this severity fails the run under --fail-on. */
export function fails(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'none' && RANK[severity] >= RANK[failOn];
}

/** "file:line:col: path: message", the shape editors and CI logs make clickable. */
export function describeProblem(p: InputProblem): string {
  let where = p.file;
  if (p.line !== undefined) where += `:${p.line}`;
  if (p.line !== undefined && p.column !== undefined) where += `:${p.column}`;
  return `${where}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}
