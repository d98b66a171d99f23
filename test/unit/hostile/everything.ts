import { activeRules } from '../../../src/core/engine/analyze';
import { RULES } from '../../../src/core/rules/registry';
import { BUILTIN_PROFILE_IDS as PROFILE_IDS } from '../../../src/core/profiles/builtins';

/** Every rule on, profiles and opt-in rules included: hostile input must not break any of them. */
export const EVERYTHING = activeRules({
  profiles: [...PROFILE_IDS],
  rules: Object.fromEntries(RULES.filter((r) => r.group === 'opt-in').map((r) => [r.id, r.severity])),
});
