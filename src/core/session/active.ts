import { specDefined, type SpecDefined } from '../exchange/spec-defined';
import type { Exchange } from '../exchange/types';
import { compiledScopeOf, profileScopeOf, type ActiveProfile, type Adjustment } from '../engine/analyze';
import { allProfiles } from '../profiles/registry';
import { SESSION_RULES } from '../rules/registry';
import type { RuleOption, SessionRule, Severity } from '../rules/types';
import { optionProblem } from '../settings/rule-options';
import type { Settings } from '../settings/schema';

/** A session rule that runs under these settings: its severity override and its options, defaults filled. */
export interface ActiveSessionRule {
  rule: SessionRule;
  override?: Severity;
  options: Record<string, number>;
  /**
   * Enabled profiles whose `rules` switch this rule off or re-rate it inside their scopes. The
   * rule still watches every exchange (a pattern may start outside a scope); the adjustment
   * applies to a finding by the exchange it attaches to, the one that completes the pattern.
   * Absent when none does, or when the user's own setting for the rule wins.
   */
  adjustments?: Adjustment[];
}

export type SessionSettings = Pick<Settings, 'rules'> &
  Partial<Pick<Settings, 'ruleOptions' | 'profiles' | 'userProfiles' | 'profileScopes'>>;

/** Each option's value: the settings' when it is a valid one, else the rule's default. */
export function optionValues(
  options: readonly RuleOption[],
  given: Readonly<Record<string, unknown>> | undefined,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of options) {
    const v = given && Object.hasOwn(given, o.name) ? given[o.name] : undefined;
    out[o.name] = optionProblem(o, v) === null ? (v as number) : o.default;
  }
  return out;
}

/**
 * A session rule's options under these settings (`ruleOptions`, by rule id): its own, and those
 * it shares with the rule that declares them (read from that rule's settings, so one value
 * serves both), each the settings' when valid, else the default.
 */
export function sessionRuleOptions(
  rule: SessionRule,
  tuned: Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>,
): Record<string, number> {
  const of = (id: string) => (Object.hasOwn(tuned, id) ? tuned[id] : undefined);
  const out = optionValues(rule.options, of(rule.id));
  for (const [as, shared] of Object.entries(rule.shared ?? {}))
    out[as] = optionValues([shared.option], of(shared.rule))[shared.option.name]!;
  return out;
}

/** The session rules these settings run: all but those set `off`, with severities and options. */
export function activeSessionRules(
  settings: SessionSettings,
  rules: readonly SessionRule[] = SESSION_RULES,
): ActiveSessionRule[] {
  const out: ActiveSessionRule[] = [];
  const tuned = settings.ruleOptions ?? {};
  const adjusting = adjustmentsByRule(settings);
  for (const rule of rules) {
    const setting = Object.hasOwn(settings.rules, rule.id) ? settings.rules[rule.id] : undefined;
    if (setting === 'off') continue;
    if (rule.group === 'opt-in' && setting === undefined) continue;
    const options = sessionRuleOptions(rule, tuned);
    const active: ActiveSessionRule =
      setting === undefined ? { rule, options } : { rule, override: setting, options };
    // The user's own setting for a rule wins over any profile's adjustment, as for core rules.
    const adjustments = setting === undefined ? adjusting.get(rule.id) : undefined;
    if (adjustments) active.adjustments = adjustments;
    out.push(active);
  }
  return out;
}

/** What enabled profiles' `rules` say of each rule id, in the order the profiles are listed. */
function adjustmentsByRule(settings: SessionSettings): Map<string, Adjustment[]> {
  const out = new Map<string, Adjustment[]>();
  const enabled = new Set(settings.profiles ?? []);
  if (enabled.size === 0) return out;
  for (const profile of allProfiles(settings.userProfiles ?? [])) {
    const { doc } = profile;
    if (!enabled.has(doc.id) || doc.rules === undefined) continue;
    let ap: ActiveProfile | undefined;
    for (const [id, setting] of Object.entries(doc.rules)) {
      if (setting === undefined) continue;
      ap ??= { id: doc.id, scope: compiledScopeOf(settings, profile) };
      const list = out.get(id) ?? [];
      list.push({ profile: ap, setting });
      out.set(id, list);
    }
  }
  return out;
}

/**
 * What decides whether a running session must begin again: the rules, their severities, options,
 * and the profiles adjusting them with those profiles' scopes as written (a scope edited on the
 * options page changes which findings its adjustments reach).
 */
export function sessionRulesSignature(
  rules: readonly ActiveSessionRule[],
  settings: Pick<SessionSettings, 'profileScopes' | 'userProfiles'>,
): string {
  const docs = new Map(allProfiles(settings.userProfiles ?? []).map((p) => [p.doc.id, p.doc]));
  return JSON.stringify(
    rules.map((r) => [
      r.rule.id,
      r.override,
      r.options,
      r.adjustments?.map((a) => {
        const doc = docs.get(a.profile.id);
        return [a.profile.id, a.setting, doc ? profileScopeOf(settings, doc) : null];
      }),
    ]),
  );
}

/** Whether two settings run the same session rules alike: when not, a running session begins again. */
export function sameSessionRules(a: SessionSettings, b: SessionSettings): boolean {
  return sessionRulesSignature(activeSessionRules(a), a) === sessionRulesSignature(activeSessionRules(b), b);
}

/**
 * Whether a profile's scope holds this exchange, asked of the whole exchange (a scope may read
 * the request body: a GraphQL document, an OAuth grant). Each verdict is remembered.
 */
export function scopeTest(exchange: Exchange): (p: ActiveProfile) => boolean {
  const verdicts = new Map<string, boolean>();
  let asked = false;
  let foreign: SpecDefined | undefined;
  const spec = () => {
    if (!asked) {
      asked = true;
      foreign = specDefined(exchange);
    }
    return foreign;
  };
  return (p) => {
    let held = verdicts.get(p.id);
    if (held === undefined) {
      held = p.scope.outOfScope(exchange, spec) === undefined;
      verdicts.set(p.id, held);
    }
    return held;
  };
}

/**
 * The ids of the profiles adjusting these rules whose scope holds the exchange: what the CLI's
 * lint workers send with a session view, which lacks what some scopes read. None when no rule
 * is adjusted, without asking any scope.
 */
export function sessionScopesOf(exchange: Exchange, rules: readonly ActiveSessionRule[]): string[] {
  const out: string[] = [];
  let holds: ((p: ActiveProfile) => boolean) | undefined;
  for (const r of rules)
    for (const a of r.adjustments ?? []) {
      if (out.includes(a.profile.id)) continue;
      holds ??= scopeTest(exchange);
      if (holds(a.profile)) out.push(a.profile.id);
    }
  return out;
}
