import { RULE_IDS, RULES, ruleById, SESSION_RULES } from '../rules/registry';
import { ruleIdHint } from '../rules/rule-hint';
import { SEVERITIES } from '../rules/types';
import { RULE_SETTINGS_TEXT, RULE_SETTINGS_UNION } from '../settings/schema';
import { Errors, isObject, key, show, stringList, type Obj } from './validate-read';

/** Rules over the sequence of exchanges: a profile adjusts their findings inside its scope, as any rule's. */
const SESSION_RULE_IDS: ReadonlySet<string> = new Set(SESSION_RULES.map((r) => r.id));

/** What `checks` may name: the profile families' rules (a typo's "did you mean" looks among them). */
let checkIds: ReadonlySet<string> | undefined;
const CHECK_IDS = () =>
  (checkIds ??= new Set(RULES.filter((r) => r.group !== 'core' && r.group !== 'opt-in').map((r) => r.id)));

/** `rules` (adjustments of registry rules) and `checks` (profile rules named by id), read against the registry. */
export function ruleSections(input: Obj, e: Errors): void {
  if (Object.hasOwn(input, 'rules')) {
    const r = input.rules;
    if (!isObject(r)) e.add('$.rules', `expected an object of rule id → ${RULE_SETTINGS_UNION}`);
    else {
      for (const [id, setting] of Object.entries(r)) {
        const at = key('$.rules', id);
        const own = typeof input.id === 'string' && id.startsWith(`${input.id}/`);
        // Session rules too: their findings inside the scope (session/active.ts).
        if (!own && !ruleById(id) && !SESSION_RULE_IDS.has(id))
          e.add(at, `unknown rule "${id}"${ruleIdHint(id, RULE_IDS)}`);
        if (setting !== 'off' && !(SEVERITIES as readonly unknown[]).includes(setting)) {
          e.add(at, `expected ${RULE_SETTINGS_TEXT}, got ${show(setting)}`);
        }
      }
    }
  }
  if (Object.hasOwn(input, 'checks')) {
    stringList(input.checks, '$.checks', e, (id) => {
      const rule = ruleById(id);
      if (!rule) return `unknown check "${id}"${ruleIdHint(id, CHECK_IDS())}`;
      if (rule.group === 'core' || rule.group === 'opt-in')
        return `"${id}" is a core rule, not a profile check; adjust it under "rules"`;
      return undefined;
    });
  }
}
