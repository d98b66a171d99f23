import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../../src/core/rules/registry';
import { activeSessionRules } from '../../../src/core/session/active';
import {
  optionProblem,
  optionsOf,
  optionsOfId,
  parseOptionText,
  TUNABLE_RULE_IDS,
} from '../../../src/core/settings/rule-options';
import { parseSettings } from '../../../src/core/settings/parse';

const minCalls = optionsOfId('session/n-plus-one').find((o) => o.name === 'minCalls')!;

describe('rule options: one schema, declared beside each rule (#18)', () => {
  it('lists exactly the rules that declare options, each default within its own bounds', () => {
    expect(TUNABLE_RULE_IDS).toEqual(ALL_RULES.filter((r) => optionsOf(r).length > 0).map((r) => r.id));
    expect(TUNABLE_RULE_IDS).toContain('session/duplicate-request');
    expect(optionsOfId('http/date')).toEqual([]);
    expect(optionsOfId('no/such-rule')).toEqual([]);
    for (const id of TUNABLE_RULE_IDS)
      for (const o of optionsOfId(id)) {
        expect(optionProblem(o, o.default), `${id} ${o.name}`).toBeNull();
        expect(o.description.length, `${id} ${o.name} has a description`).toBeGreaterThan(10);
      }
  });

  it('reads typed text: digits (with separators) within bounds; anything else says what it expects', () => {
    expect(parseOptionText(minCalls, ' 12 ')).toEqual({ ok: true, value: 12 });
    expect(parseOptionText(minCalls, '1,000')).toEqual({ ok: true, value: 1000 });
    for (const [text, got] of [
      ['1', '1'],
      ['1001', '1001'],
      ['2.5', '"2.5"'],
      ['1e3', '"1e3"'],
      ['0x10', '"0x10"'],
      ['ten', '"ten"'],
      ['-4', '-4'],
    ] as const)
      expect(parseOptionText(minCalls, text)).toEqual({
        ok: false,
        message: `expected a whole number from 2 to 1000, got ${got}`,
      });
  });

  it('the settings-file validator and the engine judge a value alike', () => {
    for (const v of [1, 2, 1000, 1001, 2.5, '5', null]) {
      const parsed = parseSettings({ ruleOptions: { 'session/n-plus-one': { minCalls: v } } });
      const problem = optionProblem(minCalls, v);
      expect(parsed.ok).toBe(problem === null);
      if (!parsed.ok)
        expect(parsed.errors).toEqual([`ruleOptions["session/n-plus-one"].minCalls: ${problem}`]);
      const used = activeSessionRules({
        rules: {},
        ruleOptions: { 'session/n-plus-one': { minCalls: v as number } },
      }).find((a) => a.rule.id === 'session/n-plus-one')!.options.minCalls;
      expect(used).toBe(problem === null ? v : minCalls.default);
    }
  });
});
