import { useState } from 'react';
import type { AnyRule, RuleOption } from '../../core/rules/types';
import { optionsOf, parseOptionText } from '../../core/settings/rule-options';
import { FieldHint } from './FieldHint';
import { useOptions } from './options-context';
import { useDraftField } from './use-draft-field';

const num = (n: number) => n.toLocaleString('en-US');

/**
 * One threshold of a rule, saved when the user is done with it (useDraftField): a typo shows its
 * message and the saved value stays in force. Empty means the rule's default.
 */
function OptionField({ rule, spec }: { rule: AnyRule; spec: RuleOption }) {
  const saved = useOptions((s) => s.settings.ruleOptions?.[rule.id]?.[spec.name]);
  const setRuleOption = useOptions((s) => s.setRuleOption);
  const id = `opt-${rule.id.replace(/[^a-z0-9]+/gi, '-')}-${spec.name}`;
  const label = `${spec.name} of ${rule.id}`;
  const field = useDraftField<number | null>({
    field: label,
    shown: saved === undefined ? '' : String(saved),
    inForce: saved === undefined ? `its default, ${num(spec.default)}` : num(saved),
    read: (text) => {
      if (text.trim() === '') return { ok: true, value: null };
      const parsed = parseOptionText(spec, text);
      return parsed.ok ? parsed : { ok: false, message: `${rule.id} ${spec.name}: ${parsed.message}` };
    },
    save: (value) => setRuleOption(rule.id, spec.name, value),
    enterSaves: true,
  });
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
        aria-invalid={field.problem !== null}
        aria-describedby={`${id}-hint`}
        placeholder={String(spec.default)}
        value={field.value}
        onChange={field.onChange}
        onBlur={field.onBlur}
        onKeyDown={field.onKeyDown}
      />
      <FieldHint id={`${id}-hint`} field={field}>
        default {num(spec.default)}; {num(spec.min)} to {num(spec.max)}
      </FieldHint>
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
