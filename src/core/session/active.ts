import { SESSION_RULES } from '../rules/registry';
import type { RuleOption, SessionRule, Severity } from '../rules/types';
import { optionProblem } from '../settings/rule-options';
import type { Settings } from '../settings/schema';

/** A session rule that runs under these settings: its severity override and its options, defaults filled. */
export interface ActiveSessionRule {
  rule: SessionRule;
  override?: Severity;
  options: Record<string, number>;
}

export type SessionSettings = Pick<Settings, 'rules'> & Partial<Pick<Settings, 'ruleOptions'>>;

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Each option's value: the settings' when it is a valid one, else the rule's default. */
export function optionValues(
  options: readonly RuleOption[],
  given: Readonly<Record<string, unknown>> | undefined,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of options) {
    const v = given && own(given, o.name) ? given[o.name] : undefined;
    out[o.name] = optionProblem(o, v) === null ? (v as number) : o.default;
  }
  return out;
}

/** The session rules these settings run: all but those set `off`, with severities and options. */
export function activeSessionRules(
  settings: SessionSettings,
  rules: readonly SessionRule[] = SESSION_RULES,
): ActiveSessionRule[] {
  const out: ActiveSessionRule[] = [];
  const tuned = settings.ruleOptions ?? {};
  for (const rule of rules) {
    const setting = own(settings.rules, rule.id) ? settings.rules[rule.id] : undefined;
    if (setting === 'off') continue;
    if (rule.group === 'opt-in' && setting === undefined) continue;
    const options = optionValues(rule.options, own(tuned, rule.id) ? tuned[rule.id] : undefined);
    out.push(setting === undefined ? { rule, options } : { rule, override: setting, options });
  }
  return out;
}
