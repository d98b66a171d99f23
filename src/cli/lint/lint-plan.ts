import type { RedactionLists } from '../../core/export/redact';
import type { ActiveRule } from '../../core/engine/analyze';
import type { ActiveSessionRule } from '../../core/session/active';
import type { EngineLimits } from '../../core/engine/context';
import type { Finding, JsonState, ProfileId } from '../../core/rules/types';
import type { Exchange } from '../../core/exchange/types';
import type { Diagnostic } from '../diagnostic';
import type { FailOn, FileRecord } from '../../core/report/model';
import type { ReportEvents, ReportTotals } from '../../core/report/writer';
import type { ContractProblem, PreparedContract } from '../../core/contract';
import type { Utf8Decode } from './entry';
import type { EntryHold } from '../../core/report/request-order';
import type { UnmatchedProfile, WatchedProfile } from './scope-watch';

/**
 * What a lint run is given (lint.ts's lintFiles): the plan build-plan.ts makes from the command
 * line, and the sink its results go to as they are found.
 */

export interface LintPlan {
  files: string[];
  /** --stdin-filename: what standard input (`-`) is called in reports, its SARIF URI included. */
  stdinName?: string;
  active: ActiveRule[];
  /** Session rules: run per file, in capture order, within the bounded window (docs/cli.md). */
  session?: ActiveSessionRule[];
  profiles: ProfileId[];
  /** Every profile --profile takes in this run (built-ins, then the user's): an input named like one is hinted as a stray --profile value. */
  profileIds?: readonly ProfileId[];
  /** The --profile values as written, which that hint's comma form repeats. */
  profilesGiven?: readonly string[];
  /** Bodies larger than this many bytes are checked by headers only. */
  bodyCap: number;
  limits: EngineLimits;
  failOn: FailOn;
  /**
   * The user's redaction lists (settings `redaction`), on top of the built-in vocabulary: what
   * reported URLs lose, and which of an exchange's values its report hides wherever it quotes them.
   */
  redaction: RedactionLists;
  /** Prepared OpenAPI descriptions (--openapi): contract rules judge by them, and the report gets coverage. */
  contracts?: readonly PreparedContract[];
  /** What could not be prepared in them (operations whose schemas are disabled). */
  contractWarnings?: readonly ContractProblem[];
  /** Said before linting: the settings file's descriptions switched off (`"off": true`), not loaded. */
  contractNotes?: readonly Diagnostic[];
  /** Said before linting: what the command line replaced in the settings file, or will not take effect. */
  notes?: readonly Diagnostic[];
  /** Entries longer than this are skipped with a problem (default: V8's longest string). */
  maxEntryBytes?: number;
  /** How entry bytes become text (default: TextDecoder); the CLI passes Node's native decoder. */
  decode?: Utf8Decode;
  /**
   * `--jobs` over 1 where workers can run (the built CLI): the worker script, how many, and the
   * lint arguments each worker builds this same plan from.
   */
  workers?: { script: URL; jobs: number; argv: readonly string[] };
  /**
   * Where a file's entry reports wait until the file ends, to be listed in request order
   * (core/report/request-order.ts). Default: memory; the CLI spills to a temporary file.
   */
  hold?: () => EntryHold;
  /**
   * Report entries as they are read, holding none (`status-lens diff`, whose report lists no
   * entries): each is hidden only by the credentials of the entries read before it.
   */
  fileOrder?: true;
  /** The profiles whose scope the user wrote, tallied per file (lint/scope-watch.ts). */
  watch?: readonly WatchedProfile[];
}

/** Where a lint run's results go as they are found, and how the run keeps pace with it. */
export interface LintSink {
  events: ReportEvents;
  totals: ReportTotals;
  /** Called after each chunk of input: lets a slow standard output catch up. */
  drained?: () => Promise<void>;
  /**
   * Sees each analysed exchange with its findings and the body's JSON as the engine parsed it
   * (`status-lens diff` summarises captures from it, parsing each body once). A run with this
   * hook lints in-thread: exchanges and parsed bodies do not cross from workers.
   */
  analysed?: Analysed;
  /**
   * Told at the end of each file that had exchanges which watched profiles (`plan.watch`) held
   * none of them (each with what its URLs held but it left out, and why), with the number of
   * exchanges; not called when every one matched.
   */
  unmatched?: (file: FileRecord, profiles: readonly UnmatchedProfile[], exchanges: number) => void;
  /**
   * Told at the end of each file that had exchanges which OpenAPI descriptions (`plan.contracts`)
   * held none of them in their scope (a wrong base URL or `servers`), with the number of exchanges.
   */
  unmatchedContracts?: (file: FileRecord, contracts: readonly PreparedContract[], exchanges: number) => void;
  /** Told at the end of a file what to say of it that changes no exit code (bytes not UTF-8: utf8-watch.ts). */
  warn?: (d: Diagnostic) => void;
}

export type Analysed = (
  fileNo: number,
  exchange: Exchange,
  findings: readonly Finding[],
  json: JsonState | undefined,
) => void;
