import { ALL_RULES, anyRuleById } from '../rules/registry';
import type { AnyRule, RuleOption } from '../rules/types';

/**
 * Rule options (`ruleOptions` in the settings, issue #18): what a rule declares beside its
 * `check` (name, description, default, bounds) is the one schema. The settings-file validator,
 * the engine (defaults filled in), the CLI's rule list and the options page all read it here.
 */

/** The options a rule declares; none for a rule that has no thresholds. */
export function optionsOf(rule: AnyRule | undefined): readonly RuleOption[] {
  return rule && rule.kind === 'session' ? rule.options : [];
}

/** The options of the rule with this id; none for an unknown rule. */
export function optionsOfId(id: string): readonly RuleOption[] {
  return optionsOf(anyRuleById(id));
}

/**
 * Why `name` cannot be set on the rule with this id because the rule shares that option with
 * the rule that declares it (by the name the rule reads it under, or the owner's): where to set
 * it instead. Null when it is no shared option.
 */
export function sharedOptionProblem(id: string, name: string): string | null {
  const rule = anyRuleById(id);
  if (rule?.kind !== 'session' || !rule.shared) return null;
  for (const [as, shared] of Object.entries(rule.shared)) {
    if (name !== as && name !== shared.option.name) continue;
    // The name the rule reads it under was its own option once: say it went, not that it never was.
    const was = name === as && as !== shared.option.name;
    return `${was ? 'no longer an option of this rule' : 'not an option of this rule'}: it reads ${shared.rule}'s ${shared.option.name}, one setting for both so they cannot disagree; set ruleOptions[${JSON.stringify(shared.rule)}].${shared.option.name} instead`;
  }
  return null;
}

/** Ids of the rules that declare options, in registry order. */
export const TUNABLE_RULE_IDS: readonly string[] = ALL_RULES.filter((r) => optionsOf(r).length > 0).map(
  (r) => r.id,
);

/** Why `value` is no valid value of `spec` (without the field's name), or null when it is one. */
export function optionProblem(spec: RuleOption, value: unknown): string | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= spec.min && value <= spec.max)
    return null;
  return `expected a whole number from ${spec.min} to ${spec.max}, got ${JSON.stringify(value)}`;
}

/**
 * What the user typed into an option's field: its number, or why it is none. Digits only (an
 * optional thousands separator or `_` aside), so "1e3", "0x10" or "2.5" are refused with the
 * bounds named rather than read as something the user did not mean.
 */
export function parseOptionText(
  spec: RuleOption,
  text: string,
): { ok: true; value: number } | { ok: false; message: string } {
  const t = text.trim().replace(/[,_\s]/g, '');
  const value = /^-?\d{1,16}$/.test(t) ? Number(t) : text.trim();
  const problem = optionProblem(spec, value);
  return problem === null ? { ok: true, value: value as number } : { ok: false, message: problem };
}
