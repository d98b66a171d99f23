import { knownRuleIds } from '../../core/profiles/registry';
import { optionProblem, optionsOfId } from '../../core/settings/rule-options';
import type { OptionsContext } from './context';
import type { OptionsState } from './types';

/** Rules' severities and their thresholds (`rules`, `ruleOptions`). */
export function ruleActions(
  ctx: OptionsContext,
): Pick<OptionsState, 'setRule' | 'setRuleOption' | 'resetRuleOptions'> {
  const { get, edit } = ctx;
  return {
    setRule(id, value) {
      // The registry's rules, and those built-in and user profiles' data generates.
      if (!knownRuleIds(get().settings.userProfiles).has(id)) return;
      edit((d) => {
        if (value === 'default') delete d.rules[id];
        else d.rules[id] = value;
      });
    },

    setRuleOption(id, name, value) {
      const spec = optionsOfId(id).find((o) => o.name === name);
      if (!spec) return `${id} ${name}: unknown option`;
      const problem = value === null ? null : optionProblem(spec, value);
      if (problem !== null) return `${id} ${name}: ${problem}`;
      edit((d) => {
        // Other rules' options, and this rule's others, stay as they are (imported ones too).
        const own = { ...d.ruleOptions?.[id] };
        if (value === null) delete own[name];
        else own[name] = value;
        const all = { ...d.ruleOptions };
        if (Object.keys(own).length > 0) all[id] = own;
        else delete all[id];
        d.ruleOptions = all;
      });
      return null;
    },

    resetRuleOptions(id) {
      if (!get().settings.ruleOptions?.[id]) return;
      edit((d) => {
        const all = { ...d.ruleOptions };
        delete all[id];
        d.ruleOptions = all;
      });
    },
  };
}
