import { BODY_RULES } from './body';
import { CONTRACT_RULES } from './contract';
import { ENVELOPE_RULES } from './envelope';
import { GRAPHQL_RULES } from './graphql';
import { HAL_RULES } from './hal';
import { HTTP_RULES } from './http';
import { JSONAPI_RULES } from './jsonapi';
import { PROBLEM_RULES } from './problem';
import { SECURITY_RULES, SECURITY_SESSION_RULES } from './security';
import { SESSION_RULES as SESSION_FAMILY } from './session';
import type { AnyRule, Rule, SessionRule } from './types';

/** Every rule the engine knows, in display order. Add a rule to its folder's index.ts. */
export const RULES: readonly Rule[] = [
  ...HTTP_RULES,
  ...BODY_RULES,
  ...SECURITY_RULES,
  ...PROBLEM_RULES,
  ...HAL_RULES,
  ...ENVELOPE_RULES,
  ...CONTRACT_RULES,
  ...GRAPHQL_RULES,
  ...JSONAPI_RULES,
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** An exchange rule by id (what profiles' `checks` may name and the engine runs per exchange). */
export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/**
 * Rules over the sequence of exchanges (src/core/session runs them): the session/* family, and
 * the rules of other families that report a fact once per session (their ids keep their family).
 */
export const SESSION_RULES: readonly SessionRule[] = [...SESSION_FAMILY, ...SECURITY_SESSION_RULES];

/** Every rule of either kind, exchange rules first: what settings, lists and docs know. */
export const ALL_RULES: readonly AnyRule[] = [...RULES, ...SESSION_RULES];

const ANY_BY_ID = new Map<string, AnyRule>(ALL_RULES.map((r) => [r.id, r]));

/** A rule of either kind by id. */
export function anyRuleById(id: string): AnyRule | undefined {
  return ANY_BY_ID.get(id);
}

export function isSessionRule(rule: AnyRule): rule is SessionRule {
  return rule.kind === 'session';
}

export const RULE_IDS: ReadonlySet<string> = new Set(ANY_BY_ID.keys());
