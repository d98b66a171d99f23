import { useMemo } from 'react';
import { PROFILES } from '../../core/rules/profiles';
import { profileAdjustments } from '../../core/profiles/adjustments';
import { allProfiles, BUILTIN_RULES, userProfileRules } from '../../core/profiles/registry';
import type { ProfileDocument } from '../../core/profiles/types';
import type { AnyRule } from '../../core/rules/types';
import type { RuleSetting } from '../../core/settings/schema';
import { SeverityMark } from '../../ui/SeverityMark';
import { RuleOptionFields } from './RuleOptionFields';
import { useOptions } from './options-context';

const GROUP_TITLES: Record<string, string> = {
  http: 'HTTP semantics',
  body: 'Bodies',
  security: 'Security',
  ...Object.fromEntries(PROFILES.map((p) => [p.id, p.name])),
};

/** Rules grouped by their id's prefix, in the order given (a generated rule joins its profile's group). */
export function groupRules(rules: readonly AnyRule[]): { prefix: string; rules: AnyRule[] }[] {
  const groups = new Map<string, AnyRule[]>();
  for (const rule of rules) {
    const prefix = rule.id.split('/')[0]!;
    const list = groups.get(prefix);
    if (list) list.push(rule);
    else groups.set(prefix, [rule]);
  }
  return [...groups].map(([prefix, list]) => ({ prefix, rules: list }));
}

export function matchesQuery(rule: AnyRule, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  return rule.id.toLowerCase().includes(q) || rule.description.toLowerCase().includes(q);
}

function Marker({ rule }: { rule: AnyRule }) {
  // A profile's rule, built-in or the user's own: it runs only while that profile is on.
  const profileOn = useOptions((s) =>
    rule.group === 'core' || rule.group === 'opt-in' ? true : s.settings.profiles.includes(rule.group),
  );
  if (rule.group === 'core') return null;
  if (rule.group === 'opt-in') {
    return (
      <span className="marker" title="Runs only when you give it a severity">
        opt-in
      </span>
    );
  }
  return (
    <span
      className={`marker${profileOn ? '' : ' inactive'}`}
      title={profileOn ? undefined : 'Runs only when its profile is on'}
    >
      {rule.group} profile{profileOn ? '' : ' (off)'}
    </span>
  );
}

function RuleControl({ rule }: { rule: AnyRule }) {
  const value = useOptions((s) =>
    Object.hasOwn(s.settings.rules, rule.id) ? s.settings.rules[rule.id]! : 'default',
  );
  const setRule = useOptions((s) => s.setRule);
  const defaultLabel = rule.group === 'opt-in' ? 'default (off)' : `default (${rule.severity})`;
  return (
    <select
      aria-label={`Severity of ${rule.id}`}
      value={value}
      onChange={(e) => setRule(rule.id, e.currentTarget.value as RuleSetting | 'default')}
    >
      <option value="default">{defaultLabel}</option>
      <option value="off">off</option>
      <option value="info">info</option>
      <option value="warning">warning</option>
      <option value="error">error</option>
    </select>
  );
}

/** The severity the rule runs at with these settings: the user's choice, else its default; "off" shows as off. */
function EffectiveSeverity({ rule }: { rule: AnyRule }) {
  const setting = useOptions((s) =>
    Object.hasOwn(s.settings.rules, rule.id) ? s.settings.rules[rule.id]! : undefined,
  );
  const effective = setting ?? (rule.group === 'opt-in' ? 'off' : rule.severity);
  if (effective === 'off')
    return (
      <span className="sev sev-off" title="off: this rule does not run">
        off
      </span>
    );
  return <SeverityMark severity={effective} />;
}

/**
 * Per rule id, what the enabled profiles' `rules` make of it inside their scopes, in words:
 * "Inside the scope of Me endpoint: off". The severity shown beside a rule is the settings';
 * without this line a rule a profile switches off for one API looked untouched here.
 */
function profileWords(docs: readonly ProfileDocument[], enabled: readonly string[]): Map<string, string> {
  const by = new Map<string, string[]>();
  for (const { doc } of allProfiles(docs)) {
    if (!enabled.includes(doc.id)) continue;
    for (const a of profileAdjustments(doc))
      by.set(a.rule, [...(by.get(a.rule) ?? []), `${doc.name}: ${a.setting}`]);
  }
  return new Map([...by].map(([id, said]) => [id, `Inside the scope of ${said.join('; ')}`]));
}

function RuleItem({ rule, adjusted }: { rule: AnyRule; adjusted?: string }) {
  // The user's own setting wins over any profile's word on the rule (as the engine applies it).
  const own = useOptions((s) => Object.hasOwn(s.settings.rules, rule.id));
  return (
    <li className="rule" data-rule={rule.id}>
      <div className="rule-head">
        <code className="rule-id">{rule.id}</code>
        <EffectiveSeverity rule={rule} />
        <Marker rule={rule} />
        <span className="spacer" />
        <RuleControl rule={rule} />
      </div>
      <p className="muted one-line">{rule.description}</p>
      {adjusted && (
        <p className="muted one-line" data-testid="rule-adjusted">
          {adjusted}
          {own ? ' (your setting here wins)' : ''}
        </p>
      )}
      <RuleOptionFields rule={rule} />
    </li>
  );
}

export function RulesSection() {
  const query = useOptions((s) => s.query);
  const setQuery = useOptions((s) => s.setQuery);
  const reset = useOptions((s) => s.reset);
  // Every edit clones the settings, so the documents are compared by content: the ~150 rules
  // re-render when the user's profiles change, not on every keystroke elsewhere on the page.
  const userKey = useOptions((s) => JSON.stringify(s.settings.userProfiles));
  // The user's own profiles' rules follow the built-in ones, one group per profile, titled by its name.
  const user = useMemo(() => userProfileRules(JSON.parse(userKey) as ProfileDocument[]), [userKey]);
  const titles = useMemo(
    () => ({ ...Object.fromEntries(user.map((p) => [p.doc.id, p.doc.name])), ...GROUP_TITLES }),
    [user],
  );
  const enabledKey = useOptions((s) => s.settings.profiles.join(','));
  const adjusted = useMemo(
    () => profileWords(JSON.parse(userKey) as ProfileDocument[], enabledKey.split(',')),
    [userKey, enabledKey],
  );
  const groups = useMemo(
    () =>
      groupRules([...BUILTIN_RULES, ...user.flatMap((p) => p.rules)].filter((r) => matchesQuery(r, query))),
    [query, user],
  );
  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">Rules</h2>
      <div className="rules-toolbar">
        <input
          type="search"
          placeholder="Search rules by id or description"
          aria-label="Search rules"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
        <button type="button" onClick={reset}>
          Reset to defaults
        </button>
      </div>
      {groups.length === 0 && (
        <p className="muted" role="status">
          No rule matches “{query}”.
        </p>
      )}
      {groups.map((g) => (
        <section
          key={g.prefix}
          className="rule-group"
          aria-labelledby={`group-${g.prefix}`}
          data-group={g.prefix}
        >
          <h3 id={`group-${g.prefix}`}>
            {titles[g.prefix] ?? g.prefix} <code className="muted">{g.prefix}/</code>
          </h3>
          <ul>
            {g.rules.map((r) => (
              <RuleItem key={r.id} rule={r} adjusted={adjusted.get(r.id)} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
