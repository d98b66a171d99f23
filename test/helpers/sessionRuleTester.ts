import { describe, expect, it } from 'vitest';
import { sessionRuleOptions } from '../../src/core/session/active';
import { SessionAnalyser } from '../../src/core/session/analyser';
import { DEFAULT_SESSION_WINDOW } from '../../src/core/session/window';
import type { Finding, SessionRule, SessionWindow, Severity } from '../../src/core/rules/types';
import { citationMismatch } from './citations';
import { makeExchange, type ExchangeSpec } from './exchange';
import type { Exchange } from '../../src/core/exchange/types';
import { packView, sessionView, unpackView } from '../../src/core/session/view';

/** One exchange of a sequence: `at` ms after the session began, lasting `duration` ms (default 50). */
export interface Step extends ExchangeSpec {
  at: number;
  duration?: number;
  /** A request body (POST retries compare them). */
  requestBody?: string;
}

interface SequenceCase {
  name: string;
  sequence: Step[];
  /** The rule's options as a settings file would set them. */
  options?: Record<string, number>;
  /** Other rules' options, by rule id, for the options this rule shares with them. */
  ruleOptions?: Record<string, Record<string, number>>;
  window?: SessionWindow;
}

export type ValidSequence = SequenceCase;

export interface ExpectedSessionFinding {
  /** The step (0-based) the finding attaches to: the one that completes the pattern. */
  on: number;
  severity: Severity;
  /** Substrings the message must contain. */
  message?: string | string[];
  /** The steps the finding names as related, in order. */
  related: number[];
  /** Substrings each related step's note must contain, in the order of `related`. */
  notes?: string[];
}

export interface InvalidSequence extends SequenceCase {
  findings: ExpectedSessionFinding[];
}

const BASE = Date.UTC(2026, 11, 6, 4, 0, 0);

/** Runs a sequence through a SessionAnalyser with only this rule: the findings per step. */
export function runSequence(
  rule: SessionRule,
  c: SequenceCase,
  view: (ex: Exchange, step: number) => Exchange = (ex) => ex,
): { step: number; finding: Finding }[] {
  const analyser = new SessionAnalyser(
    [{ rule, options: sessionRuleOptions(rule, { ...c.ruleOptions, [rule.id]: c.options }) }],
    c.window ?? DEFAULT_SESSION_WINDOW,
  );
  const out: { step: number; finding: Finding }[] = [];
  c.sequence.forEach((step, i) => {
    const ex = makeExchange(step);
    ex.id = `row-${i}`;
    ex.startedAt = new Date(BASE + step.at).toISOString();
    ex.time = step.duration ?? 50;
    if (step.requestBody !== undefined) {
      // The request's own Content-Type when the step gives one (a form-encoded token request), else JSON.
      const type = ex.requestHeaders.find((h) => h.name.toLowerCase() === 'content-type')?.value;
      ex.requestBody = { mimeType: type ?? 'application/json', text: step.requestBody };
    }
    const result = analyser.push(view(ex, i), i);
    expect(result.problems, `step ${i}`).toEqual([]);
    for (const finding of result.findings) out.push({ step: i, finding });
  });
  return out;
}

/**
 * The CLI hands the session rules the exchange itself where it lints one entry at a time, and a
 * slim view of it (core/session/view.ts) where entries are linted in batches or by workers
 * (--jobs), packed to cross threads and unpacked where the rules run; one file can have both,
 * the switch coming part way. Each way must give the same findings: views only, and views on
 * every other step.
 */
const crossed = (ex: Exchange): Exchange => unpackView(packView(sessionView(ex)));
const VIEWS: [string, (ex: Exchange, step: number) => Exchange][] = [
  ['views', crossed],
  ['views on even steps', (ex, i) => (i % 2 === 0 ? crossed(ex) : ex)],
  ['views on odd steps', (ex, i) => (i % 2 === 1 ? crossed(ex) : ex)],
];

/**
 * The ruleTester of session rules: valid sequences yield no finding; each invalid one yields
 * exactly the listed findings, on the step that completes the pattern, naming the related steps.
 */
export function sessionRuleTester(
  rule: SessionRule,
  cases: { valid: ValidSequence[]; invalid: InvalidSequence[] },
): void {
  describe(rule.id, () => {
    it('has at least one valid and one invalid sequence', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(runSequence(rule, c).map((f) => `${f.step}: ${f.finding.message}`)).toEqual([]);
        for (const [how, view] of VIEWS) expect(runSequence(rule, c, view), how).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const got = runSequence(rule, c);
        for (const [how, view] of VIEWS) expect(runSequence(rule, c, view), how).toEqual(got);
        expect(
          got.map((g) => g.step),
          got.map((g) => g.finding.message).join('\n'),
        ).toEqual(c.findings.map((f) => f.on));
        c.findings.forEach((want, i) => {
          const { finding } = got[i]!;
          expect(finding.rule).toBe(rule.id);
          expect(finding.severity).toBe(want.severity);
          expect(finding.related?.map((r) => r.index)).toEqual(want.related);
          expect(finding.related?.map((r) => r.id)).toEqual(want.related.map((n) => `row-${n}`));
          const parts =
            want.message === undefined ? [] : Array.isArray(want.message) ? want.message : [want.message];
          for (const p of parts) expect(finding.message).toContain(p);
          expect(citationMismatch(finding.message, finding.source)).toBeUndefined();
          want.notes?.forEach((note, n) => expect(finding.related?.[n]?.note).toContain(note));
        });
      });
    }
  });
}
