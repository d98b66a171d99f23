import { startMs } from '../exchange/start';
import type { Exchange } from '../exchange/types';
import { redactText } from '../secrets/redact-text';
import type {
  EngineProblem,
  Finding,
  SessionCheck,
  SessionEntry,
  SessionWindow,
  Severity,
} from '../rules/types';
import { adjustedSetting, type ActiveProfile } from '../engine/analyze';
import { scopeTest, type ActiveSessionRule } from './active';
import { DEFAULT_SESSION_WINDOW } from './window';

/** `METHOD URL` without the fragment: what every session rule calls "the same request". */
function keyOf(ex: Exchange): string {
  const hash = ex.url.indexOf('#');
  return `${ex.method} ${hash < 0 ? ex.url : ex.url.slice(0, hash)}`;
}

export interface SessionResult {
  findings: Finding[];
  problems: EngineProblem[];
}

/**
 * What most exchanges complete: nothing. Shared, so the common case allocates nothing; frozen,
 * so no caller can add to it (callers copy findings into their own lists).
 */
const NOTHING: SessionResult = Object.freeze({
  findings: Object.freeze([]) as unknown as Finding[],
  problems: Object.freeze([]) as unknown as EngineProblem[],
});

/**
 * Runs the session rules over one session (a HAR file in the CLI; the live rows, or the imported
 * ones, in the panel), incrementally: feed exchanges in capture order with `push`, and each call
 * returns the findings of the patterns that exchange completes — so they attach to it, and name
 * the earlier exchanges as `related`. State is bounded by the window (src/core/session/window.ts).
 * A rule that throws becomes a problem on that exchange and is left out of the rest of the session
 * (its state may be broken); the others go on.
 */
export class SessionAnalyser {
  private readonly checks: { active: ActiveSessionRule; check: SessionCheck | undefined }[];
  /** Whether a profile adjusts any of the rules: most sessions have none, and pay nothing for them. */
  private readonly adjusted: boolean;
  private count = 0;

  constructor(
    active: readonly ActiveSessionRule[],
    readonly window: SessionWindow = DEFAULT_SESSION_WINDOW,
  ) {
    this.checks = active.map((a) => ({ active: a, check: a.rule.start(a.options, window) }));
    this.adjusted = active.some((a) => a.adjustments !== undefined);
  }

  /** True when no session rule runs: callers can skip building entries. */
  get empty(): boolean {
    return this.checks.length === 0;
  }

  /**
   * Judges the next exchange of the session; `index` defaults to its arrival order (0-based).
   * `start` is when it started (core/exchange/start.ts), for callers that have it already: the
   * CLI reads it once per entry to report in request order. `inScope`: the ids of the profiles
   * adjusting session rules whose scope holds the exchange (sessionScopesOf), for callers that
   * pass a session view; otherwise the exchange itself is asked, only when an adjusted rule reports.
   */
  push(
    exchange: Exchange,
    index: number = this.count,
    start: number = startMs(exchange.startedAt),
    inScope?: readonly string[],
  ): SessionResult {
    this.count++;
    if (this.checks.length === 0) return NOTHING;
    const entry: SessionEntry = {
      exchange,
      ref: { id: exchange.id, index },
      start,
      end: Number.isFinite(start) && exchange.time >= 0 ? start + exchange.time : NaN,
      key: keyOf(exchange),
    };
    let findings: Finding[] | undefined;
    let problems: EngineProblem[] | undefined;
    // Which adjusting profiles hold the exchange: asked once, and only when a rule needs to know.
    let holds: ((p: ActiveProfile) => boolean) | undefined;
    const scopes = this.adjusted
      ? () => (holds ??= inScope ? (p) => inScope.includes(p.id) : scopeTest(exchange))
      : undefined;
    for (const c of this.checks) {
      if (!c.check) continue;
      const { rule, override, adjustments } = c.active;
      try {
        // Only a rule a profile adjusts is asked about (the entry is shared by the rules, in turn).
        if (scopes)
          entry.muted = adjustments ? () => adjustedSetting(adjustments, scopes()) === 'off' : undefined;
        const reports = c.check.push(entry);
        if (reports.length === 0) continue;
        // A profile's adjustment reaches the findings on the exchanges its scope holds.
        let adjustment: Severity | undefined;
        if (adjustments && scopes) {
          const setting = adjustedSetting(adjustments, scopes());
          if (setting === 'off') continue;
          adjustment = setting;
        }
        findings ??= [];
        for (const report of reports) {
          // Messages and notes quote URLs and header values: no credential may survive in them.
          findings.push({
            rule: rule.id,
            severity: override ?? adjustment ?? report.severity ?? rule.severity,
            message: redactText(report.message),
            source: rule.source,
            related: report.related.map((r) => ({ id: r.id, index: r.index, note: redactText(r.note) })),
          });
        }
      } catch (e) {
        c.check = undefined;
        (problems ??= []).push({ rule: rule.id, message: String((e as Error)?.message ?? e) });
      }
    }
    return findings === undefined && problems === undefined
      ? NOTHING
      : { findings: findings ?? [], problems: problems ?? [] };
  }
}
