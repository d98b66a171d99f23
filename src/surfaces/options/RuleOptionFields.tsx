import { useState } from 'react';
import type { AnyRule, RuleOption } from '../../core/rules/types';
import { optionsOf, parseOptionText } from '../../core/settings/rule-options';
import { useOptions } from './options-context';

const num = (n: number) => n.toLocaleString('en-US');

/**
 * One threshold of a rule. The field keeps what the user types; only a value the rule accepts
 * is saved, so a typo shows its message and the saved value stays in force. Empty means the
 * rule's default.
 */
function OptionField({ rule, spec }: { rule: AnyRule; spec: RuleOption }) {
  const saved = useOptions((s) => s.settings.ruleOptions?.[rule.id]?.[spec.name]);
  const setRuleOption = useOptions((s) => s.setRuleOption);
  // null: show what is saved; a string: what the user is typing.
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = `opt-${rule.id.replace(/[^a-z0-9]+/gi, '-')}-${spec.name}`;
  const label = `${spec.name} of ${rule.id}`;
  const commit = (text: string) => {
    setDraft(text);
    if (text.trim() === '') {
      setError(setRuleOption(rule.id, spec.name, null));
      return;
    }
    const parsed = parseOptionText(spec, text);
    if (!parsed.ok) {
      const kept = saved === undefined ? `its default, ${num(spec.default)}` : num(saved);
      setError(`${rule.id} ${spec.name}: ${parsed.message}. Not saved: ${kept} stays in force.`);
      return;
    }
    setError(setRuleOption(rule.id, spec.name, parsed.value));
  };
  return (
    <div className="rule-option">
      <label htmlFor={id}>
        <code>{spec.name}</code> <span className="muted">{spec.description}</span>
      </label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        aria-label={label}
        aria-invalid={error !== null}
        aria-describedby={`${id}-hint`}
        placeholder={String(spec.default)}
        value={draft ?? (saved === undefined ? '' : String(saved))}
        onChange={(e) => commit(e.currentTarget.value)}
        // A valid value is shown as saved (digits only) once the user leaves the field.
        onBlur={() => {
          if (error === null) setDraft(null);
        }}
      />
      <span
        id={`${id}-hint`}
        className={error ? 'hint field-error' : 'muted hint'}
        role={error ? 'alert' : undefined}
      >
        {error ?? `default ${num(spec.default)}; ${num(spec.min)} to ${num(spec.max)}`}
      </span>
    </div>
  );
}

/** A rule's thresholds (its `ruleOptions`), edited beside its severity; nothing for a rule without. */
export function RuleOptionFields({ rule }: { rule: AnyRule }) {
  const specs = optionsOf(rule);
  // Most rules have none: they subscribe to nothing, so a keystroke elsewhere costs them nothing.
  return specs.length === 0 ? null : <OptionFieldset rule={rule} specs={specs} />;
}

function OptionFieldset({ rule, specs }: { rule: AnyRule; specs: readonly RuleOption[] }) {
  const revision = useOptions((s) => s.revision);
  const tuned = useOptions((s) => s.settings.ruleOptions?.[rule.id] !== undefined);
  const resetRuleOptions = useOptions((s) => s.resetRuleOptions);
  // Fields keep what is typed: a reset, or settings replaced wholesale, starts them afresh.
  const [resets, setResets] = useState(0);
  return (
    <fieldset className="rule-options" aria-label={`Options of ${rule.id}`}>
      {specs.map((spec) => (
        <OptionField key={`${revision}-${resets}-${spec.name}`} rule={rule} spec={spec} />
      ))}
      {/* A boundary shared with another rule is set there only: say where, beside this rule's own. */}
      {rule.kind === 'session' &&
        Object.values(rule.shared ?? {}).map((s) => (
          <p key={`${s.rule}-${s.option.name}`} className="muted hint">
            Also reads <code>{s.option.name}</code> of {s.rule}, set there: {s.option.description}.
          </p>
        ))}
      <button
        type="button"
        disabled={!tuned}
        aria-label={`Reset options of ${rule.id} to defaults`}
        onClick={() => {
          resetRuleOptions(rule.id);
          setResets((n) => n + 1);
        }}
      >
        Reset to defaults
      </button>
    </fieldset>
  );
}
