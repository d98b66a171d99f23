import { listOf } from '../text/list';
import { anyRuleById } from '../rules/registry';
import { ruleIdHint } from '../rules/rule-hint';
import { optionProblem, optionsOfId, sharedOptionProblem, TUNABLE_RULE_IDS } from './rule-options';
import {
  RULE_SETTINGS,
  RULE_SETTINGS_TEXT,
  RULE_SETTINGS_UNION,
  type RuleSetting,
  type Settings,
} from './schema';
import { storedApart, type ParseOptions } from './parse-profiles';
import { isJsonObject as isObject } from '../json/walk';

/**
 * `rules`: each rule's setting. A rule of a user profile (defined in this document, or stored
 * apart) is accepted by its profile's id; others must be in `knownRules` when it is given.
 */
export function parseRules(
  r: unknown,
  s: Settings,
  errors: string[],
  opts: ParseOptions,
  knownRules: ReadonlySet<string> | undefined,
): void {
  if (!isObject(r)) {
    errors.push(`rules: expected an object of rule id → ${RULE_SETTINGS_UNION}`);
    return;
  }
  const rules: Record<string, RuleSetting> = Object.create(null) as Record<string, RuleSetting>;
  for (const [id, v] of Object.entries(r)) {
    const userRule =
      s.userProfiles.some((p) => id.startsWith(`${p.id}/`)) ||
      (id.includes('/') && storedApart(opts, id.split('/', 1)[0]));
    if (knownRules && !knownRules.has(id) && !userRule)
      errors.push(`rules["${id}"]: unknown rule${ruleIdHint(id, knownRules)}`);
    else if (typeof v !== 'string' || !(RULE_SETTINGS as readonly string[]).includes(v)) {
      errors.push(`rules["${id}"]: expected ${RULE_SETTINGS_TEXT}, got ${JSON.stringify(v)}`);
    } else rules[id] = v as RuleSetting;
  }
  s.rules = { ...rules };
}

/** `ruleOptions`: each rule's options by name, whole numbers within the bounds the rule declares. */
export function parseRuleOptions(input: unknown, s: Settings, errors: string[]): void {
  if (!isObject(input)) {
    errors.push('ruleOptions: expected an object of rule id → { option: number }');
    return;
  }
  const out: Record<string, Record<string, number>> = {};
  for (const [id, given] of Object.entries(input)) {
    const path = `ruleOptions[${JSON.stringify(id)}]`;
    const specs = optionsOfId(id);
    if (specs.length === 0) {
      errors.push(
        `${path}: ${anyRuleById(id) ? 'this rule has no options' : 'unknown rule'} (rules with options: ${listOf(TUNABLE_RULE_IDS, 'or')})`,
      );
      continue;
    }
    if (!isObject(given)) {
      errors.push(`${path}: expected an object of option → number`);
      continue;
    }
    const values: Record<string, number> = {};
    for (const [name, v] of Object.entries(given)) {
      const spec = specs.find((o) => o.name === name);
      const problem = spec ? optionProblem(spec, v) : null;
      if (!spec) {
        const shared = sharedOptionProblem(id, name);
        errors.push(
          `${path}.${name}: ${
            shared ??
            `unknown option (expected ${listOf(
              specs.map((o) => o.name),
              'or',
            )})`
          }`,
        );
      } else if (problem !== null) errors.push(`${path}.${name}: ${problem}`);
      else values[name] = v as number;
    }
    out[id] = values;
  }
  s.ruleOptions = out;
}
