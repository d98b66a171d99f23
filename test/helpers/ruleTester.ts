import { describe, expect, it } from 'vitest';
import { analyzeExchange, DEFAULT_LIMITS } from '../../src/core/engine/analyze';
import type { PreparedContract } from '../../src/core/contract';
import type { Rule, Severity } from '../../src/core/rules/types';
import { citationMismatch } from './citations';
import { makeExchange, type ExchangeSpec } from './exchange';

export interface ValidCase extends ExchangeSpec {
  name: string;
}

export interface ExpectedFinding {
  severity: Severity;
  pointer?: string;
  /** Substrings the message must contain: name the concrete value at fault. */
  message?: string | string[];
}

export interface InvalidCase extends ExchangeSpec {
  name: string;
  findings: ExpectedFinding[];
}

/**
 * ESLint RuleTester in miniature: every valid case yields no finding of this rule, every
 * invalid case yields exactly the listed findings (id, severity, pointer, message parts).
 * Each finding's cited section must be the one its source links (citations.ts).
 * Runs through the real engine, so a throwing rule fails the test instead of passing silently.
 * `contracts` are the prepared OpenAPI descriptions the engine matches each case against.
 */
export function ruleTester(
  rule: Rule,
  cases: { valid: ValidCase[]; invalid: InvalidCase[] },
  options: { contracts?: readonly PreparedContract[] } = {},
): void {
  const contracts = options.contracts ?? [];
  describe(rule.id, () => {
    it('has at least one valid and one invalid case', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const result = analyzeExchange(makeExchange(c), [{ rule }], DEFAULT_LIMITS, contracts);
        expect(result.problems).toEqual([]);
        expect(result.findings).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const result = analyzeExchange(makeExchange(c), [{ rule }], DEFAULT_LIMITS, contracts);
        expect(result.problems).toEqual([]);
        expect(result.findings).toHaveLength(c.findings.length);
        c.findings.forEach((want, i) => {
          const got = result.findings[i]!;
          expect(got.rule).toBe(rule.id);
          expect(got.severity).toBe(want.severity);
          expect(got.pointer).toBe(want.pointer);
          const parts =
            want.message === undefined ? [] : Array.isArray(want.message) ? want.message : [want.message];
          for (const p of parts) expect(got.message).toContain(p);
          // The section the message cites is the one its link opens (test/helpers/citations.ts).
          expect(citationMismatch(got.message, got.source)).toBeUndefined();
          expect(citationMismatch(got.source.label, got.source)).toBeUndefined();
        });
      });
    }
  });
}
