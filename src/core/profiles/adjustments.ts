import type { RuleSetting } from '../settings/schema';
import type { ProfileDocument } from './types';

/**
 * A profile's `rules` in words, for the surfaces that show a profile (the options page, its
 * import message, `status-lens rules`): a profile that only switches a rule off or re-rates it
 * inside its scope generates no rule of its own, so without this line nothing said what it does.
 */

/** One entry of a profile's `rules`, and whether the user's own setting for that rule wins over it. */
export interface ProfileAdjustment {
  rule: string;
  setting: RuleSetting;
  /** The user's own setting for the rule (settings' `rules`, `--rule`) wins over any profile's. */
  overridden: boolean;
}

/** The document's `rules` entries, in its order. `userRules`: the settings' `rules`. */
export function profileAdjustments(
  doc: Pick<ProfileDocument, 'rules'>,
  userRules: Readonly<Record<string, RuleSetting>> = {},
): ProfileAdjustment[] {
  return Object.entries(doc.rules ?? {}).map(([rule, setting]) => ({
    rule,
    setting,
    overridden: Object.hasOwn(userRules, rule),
  }));
}

/**
 * "session/duplicate-request off, http/retry-after warning (your own setting for http/retry-after
 * wins)", or undefined when the profile adjusts no rule.
 */
export function describeAdjustments(adjustments: readonly ProfileAdjustment[]): string | undefined {
  if (adjustments.length === 0) return undefined;
  const listed = adjustments.map((a) => `${a.rule} ${a.setting}`).join(', ');
  const overridden = adjustments.filter((a) => a.overridden).map((a) => a.rule);
  if (overridden.length === 0) return listed;
  return `${listed} (your own setting for ${overridden.join(', ')} wins)`;
}
