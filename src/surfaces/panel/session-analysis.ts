import { compareFindings, type EngineSettings } from '../../core/engine/analyze';
import type { Exchange } from '../../core/exchange/types';
import type { Analysis, Finding } from '../../core/rules/types';
import { activeSessionRules, sessionRulesSignature, type ActiveSessionRule } from '../../core/session/active';
import { SessionAnalyser } from '../../core/session/analyser';

/**
 * Session rules (issue #18) where the panel's analysis runs: exchange by exchange as rows
 * arrive, never a re-scan. The live rows of the inspected tab are one session (begun again on
 * Clear or a settings change); each imported file is a session of its own (har-import.ts).
 */
export interface LiveSession {
  configure(settings: EngineSettings): void;
  /** Clear: the next live row starts a new session. */
  reset(): void;
  /** Judges the next live row and adds what it completes to its analysis. */
  judge(exchange: Exchange, analysis: Analysis): void;
  /** The session rules these settings run, for imports. */
  readonly rules: readonly ActiveSessionRule[];
}

/** Adds a session's findings (and problems) for one exchange to its analysis, worst first. */
export function addSessionFindings(
  analyser: SessionAnalyser,
  exchange: Exchange,
  analysis: Analysis,
  index?: number,
): void {
  if (analyser.empty) return;
  const found = analyser.push(exchange, index);
  if (found.findings.length > 0)
    analysis.findings = [...analysis.findings, ...found.findings].sort(compareFindings);
  if (found.problems.length > 0) analysis.problems = [...analysis.problems, ...found.problems];
}

/** Rows whose session findings are remembered for re-analysis (a body arriving, a profile switched on). */
const MAX_REMEMBERED = 100_000;

/**
 * `indexOf`: where an exchange sits in its session, for the findings' related refs (an imported
 * file's entry index, as the CLI numbers it); by default, the order it is judged in.
 */
export function createLiveSession(indexOf?: (exchange: Exchange) => number): LiveSession {
  let rules = activeSessionRules({ rules: {} });
  let signature = sessionRulesSignature(rules, {});
  let live = new SessionAnalyser(rules);
  /**
   * What the session said about each row already judged. The panel analyses a row again when
   * its body arrives or the settings change; the session must not see it twice (it would be its
   * own duplicate), so a row judged before gets its earlier session findings back.
   */
  let judged = new Map<string, Finding[]>();
  const restart = () => {
    live = new SessionAnalyser(rules);
    judged = new Map();
  };
  return {
    configure(settings) {
      const next = activeSessionRules(settings);
      // A profile adjusting a session rule, switched on or rescoped, changes it too: the findings
      // remembered for rows already judged were adjusted by the old profiles.
      const nextSignature = sessionRulesSignature(next, settings);
      rules = next;
      // The same session rules: keep the session (settings are sent again for other reasons).
      if (nextSignature === signature) return;
      signature = nextSignature;
      restart();
    },
    reset: restart,
    judge(exchange, analysis) {
      const before = judged.get(exchange.id);
      if (before !== undefined) {
        if (before.length > 0) analysis.findings = [...analysis.findings, ...before].sort(compareFindings);
        return;
      }
      const own = analysis.findings;
      addSessionFindings(live, exchange, analysis, indexOf?.(exchange));
      judged.set(
        exchange.id,
        analysis.findings.filter((f) => !own.includes(f)),
      );
      if (judged.size > MAX_REMEMBERED) judged.delete(judged.keys().next().value!);
    },
    get rules() {
      return rules;
    },
  };
}
