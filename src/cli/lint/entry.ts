import { statusFamily } from '../../core/exchange/family';
import { notePath, readSplitEntry } from '../../core/har/entry-reader';
import type { SplitEntry } from '../../core/har/stream-splitter';
import { undecodedBodyNote } from '../../core/har/body';
import { analyzeExchange } from '../../core/engine/analyze';
import { capBody } from '../../core/engine/body-cap';
import type { MatchSummary } from '../../core/contract/coverage';
import { contractsHolding } from '../../core/contract/match';
import { settingsRedactor, type Redactor } from '../../core/export/redact';
import { reportedExchange, reportedValues } from '../../core/export/reported';
import { reasonFor } from '../../core/report/reason';
import type { ExchangeRecord, InputProblem } from '../../core/report/model';
import { InputError } from '../io';
import type { Analysed, LintPlan } from './lint-plan';
import type { JsonState } from '../../core/rules/types';
import type { Exchange } from '../../core/exchange/types';
import { sessionScopesOf } from '../../core/session/active';
import { sessionView, type PackedView } from '../../core/session/view';
import { startMs } from '../../core/exchange/start';
import { profilesInScope, profilesLeftOut } from './scope-watch';
import type { LeftOutReason } from '../../core/profiles/scope';

/** What is known of the file an entry came from: every record and problem names it. */
type FileFields = 'source' | 'file' | 'uri';

/**
 * Everything linting one entry produces, without the file it came from: the same whether the
 * entry was linted on the main thread or in a worker (`--jobs`), which sends this back as is
 * (plain data, cheap to clone).
 */
export interface EntryOutcome {
  /** In the order they are reported, before the exchange. */
  problems: Omit<InputProblem, FileFields>[];
  record?: Omit<ExchangeRecord, FileFields>;
  /** The body was over the cap, so it was checked by status and headers only. */
  overCap?: true;
  /** For OpenAPI coverage: what the entry matched, and its status. */
  contract?: MatchSummary;
  /**
   * What the session rules read of the exchange (when any runs): they run in entry order where
   * outcomes are applied. The exchange itself when the outcome is applied as soon as it is made
   * (see EntryLinter.lint), else its session view (core/session/view.ts), which a lint worker
   * packs as one flat array to send (worker.ts).
   */
  session?: Exchange | PackedView;
  /**
   * With `session`, when a profile adjusts a session rule: the ids of the adjusting profiles whose
   * scope holds the exchange, judged here on the whole exchange (a view lacks the request body
   * some scopes read).
   */
  sessionScopes?: string[];
  /**
   * The credential values the exchange carries under a name (reportedValues), absent when none
   * (most exchanges). Its session findings are made after its report, where outcomes are
   * applied, and may quote its URL: they are hidden by these, as its own findings were. And the
   * file's report hides every entry by all of its entries' values (lint.ts): another entry's
   * session finding quotes this one's request, a later URL repeats its cookie. A few short
   * strings cross from a worker, never the exchange's headers.
   */
  known?: string[];
  /** When the request started (ms since the epoch), when the entry says: reports list entries in that order. */
  started?: number;
  /**
   * The user profiles (`plan.watch`, by position) whose scope held the exchange; absent when
   * none did. A few small numbers: what crosses from a worker is this, not the exchange.
   */
  inScope?: number[];
  /** The watched profiles whose URLs held the exchange but that left it out, and why (profilesLeftOut). */
  leftOut?: [number, LeftOutReason][];
  /** The OpenAPI descriptions (`plan.contracts`, by position) whose scope held the exchange; absent when none did. */
  inContracts?: number[];
  /** Bytes of the entry that are not UTF-8 were read as U+FFFD (said once per file: utf8-watch.ts). */
  invalidUtf8?: true;
}

/** Decodes an entry's UTF-8 bytes; the CLI passes Node's native decoder (faster on small entries). */
export type Utf8Decode = (bytes: Uint8Array) => string;

/** What a lint needs per entry, built once per plan rather than once per entry. */
export interface EntryLinter {
  /**
   * `applyNow`: the caller applies the outcome before linting the next entry, in this thread, so
   * the session rules may read the exchange itself. Otherwise the outcome waits in a batch or
   * crosses threads and carries the small session view instead: building that view for every
   * entry was a visible part of what the session rules cost a one-thread lint (#18).
   */
  lint(e: SplitEntry, fileNo: number, applyNow?: boolean): EntryOutcome;
}

export function entryLinter(plan: LintPlan, decode?: Utf8Decode, analysed?: Analysed): EntryLinter {
  // One redactor for the run: building it means normalising the user's lists.
  const red: Redactor = settingsRedactor(plan);
  const sessionOn = (plan.session ?? []).length > 0;
  const sessionAdjusted = (plan.session ?? []).some((r) => r.adjustments !== undefined);
  const lintOne = (e: SplitEntry, fileNo: number, out: EntryOutcome, applyNow: boolean): EntryOutcome => {
    const path = `log.entries[${e.index}]`;
    const result = readSplitEntry(e, `${fileNo}:${e.index}`, decode);
    if (!result.ok) {
      const problem: EntryOutcome['problems'][number] = {
        kind: 'entry',
        index: e.index,
        line: result.line,
        path,
        message: result.message,
      };
      if (result.column !== undefined) problem.column = result.column;
      out.problems.push(problem);
      return out;
    }
    const ex = result.exchange;
    if (result.invalidUtf8) out.invalidUtf8 = true;
    // Something wrong that did not stop the entry being read (an empty request URL): named, and
    // the entry is still linted.
    for (const n of result.notes ?? []) {
      out.problems.push({
        kind: 'entry',
        index: e.index,
        line: e.line,
        path: notePath(e.index, n),
        message: n.message,
      });
    }
    const undecoded = undecodedBodyNote(ex.body);
    if (undecoded !== undefined) {
      out.problems.push({
        kind: 'entry',
        index: e.index,
        line: e.line,
        path: `${path}.response.content.text`,
        message: undecoded,
      });
    }
    if (capBody(ex, plan.bodyCap) !== undefined) out.overCap = true;
    let json: JsonState | undefined;
    const analysis = analyzeExchange(
      ex,
      plan.active,
      plan.limits,
      plan.contracts,
      analysed ? (ctx) => void (json = ctx.json) : undefined,
    );
    analysed?.(fileNo, ex, analysis.findings, json);
    if (analysis.contract) out.contract = analysis.contract;
    if (plan.contracts && plan.contracts.length > 0) {
      const held = contractsHolding(plan.contracts, ex);
      if (held) out.inContracts = held;
    }
    for (const p of analysis.problems) {
      out.problems.push({
        kind: 'rule',
        index: e.index,
        line: e.line,
        path,
        message: `rule ${p.rule} failed: ${p.message}`,
      });
    }
    // Gathered once: for the report, the session findings the outcome may get later, and the
    // file's other entries (reportedExchange would gather them anyway).
    const values = reportedValues(ex, red);
    const quoted = reportedExchange(ex, analysis.findings, red, values);
    const rec: Omit<ExchangeRecord, FileFields> = {
      index: e.index,
      line: e.line,
      method: ex.method,
      url: quoted.url,
      status: ex.status,
      family: statusFamily(ex.status),
      reason: reasonFor(ex),
      findings: quoted.findings,
    };
    if (ex.serverStatus !== undefined) rec.serverStatus = ex.serverStatus;
    out.record = rec;
    const started = startMs(ex.startedAt);
    if (Number.isFinite(started)) out.started = started;
    if (sessionOn) out.session = applyNow ? ex : sessionView(ex);
    if (values.length > 0) out.known = values;
    if (sessionAdjusted) out.sessionScopes = sessionScopesOf(ex, plan.session!);
    if (plan.watch && plan.watch.length > 0) {
      const inScope = profilesInScope(plan.watch, ex, analysis);
      if (inScope) out.inScope = inScope;
      const leftOut = profilesLeftOut(plan.watch, ex, inScope, analysis);
      if (leftOut) out.leftOut = leftOut;
    }
    return out;
  };
  return {
    lint(e, fileNo, applyNow = false) {
      const out: EntryOutcome = { problems: [] };
      try {
        return lintOne(e, fileNo, out, applyNow);
      } catch (err) {
        if (err instanceof InputError) throw err;
        // Anything else an entry can make fail (a string V8 cannot make) costs that entry
        // only, named, and the file goes on.
        delete out.record;
        out.problems.push({
          kind: 'entry',
          index: e.index,
          line: e.line,
          path: `log.entries[${e.index}]`,
          message: `could not be read: ${(err as Error)?.message ?? String(err)}; the entry was skipped`,
        });
        return out;
      }
    },
  };
}
