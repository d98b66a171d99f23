import { BODY_RULES } from './body';
import { CONTRACT_RULES } from './contract';
import { ENVELOPE_RULES } from './envelope';
import { GRAPHQL_RULES } from './graphql';
import { HAL_RULES } from './hal';
import { HTTP_RULES } from './http';
import { JSONAPI_RULES } from './jsonapi';
import { PROBLEM_RULES } from './problem';
import { SECURITY_RULES } from './security';
import type { Rule } from './types';

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

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

export const RULE_IDS: ReadonlySet<string> = new Set(BY_ID.keys());
