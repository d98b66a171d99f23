import { profilesRunning } from '../../core/profiles/registry';
import { ruleIdHint } from '../../core/rules/rule-hint';
import type { ProfileDocument } from '../../core/profiles/types';
import { listOf } from '../../core/text/list';
import { RULE_IDS } from '../../core/rules/registry';
import { RULE_SETTINGS, type RuleSetting } from '../../core/settings/schema';
import type { Diagnostic } from '../diagnostic';
import { UsageError } from '../io';

/** Rule ratings as the plan takes them: each --rule read, and a rating that will do nothing said. */

/** What a mistyped rule id is close to (core/rules/rule-hint.ts), else where to find them all. */
function ruleHint(id: string, known: ReadonlySet<string> = RULE_IDS): string {
  return ruleIdHint(id, known) || ' (run "status-lens rules" to list them)';
}

/**
 * A rating of a rule none of whose profiles is on does nothing: said before linting, so a rule
 * asked for does not read as one that found nothing. --rule's are warnings (asked for on this
 * command line); the settings file's notes (an exported file may rate rules of profiles switched
 * off on purpose). Ratings of `off` ask nothing.
 */
export function idleRatingNotes(
  fromCommandLine: readonly (readonly [string, RuleSetting])[],
  fromSettings: Readonly<Record<string, RuleSetting>>,
  enabled: readonly string[],
  userProfiles: readonly ProfileDocument[],
  configPath: string | undefined,
): Diagnostic[] {
  const idle = (id: string, level: RuleSetting) => {
    if (level === 'off') return undefined;
    const owners = profilesRunning(id, userProfiles);
    if (owners.length === 0 || owners.some((p) => enabled.includes(p))) return undefined;
    return `the rule belongs to the profile ${listOf(owners, 'or')}, which is not on, so it does not run: turn it on with ${listOf(
      owners.map((p) => `-p ${p}`),
      'or',
    )}`;
  };
  const out: Diagnostic[] = [];
  const said = new Set<string>();
  for (const [id, level] of fromCommandLine) {
    const why = idle(id, level);
    if (why === undefined || said.has(id)) continue;
    said.add(id);
    out.push({ severity: 'warning', message: `--rule ${id}=${level}: ${why}` });
  }
  for (const [id, level] of Object.entries(fromSettings)) {
    const why = idle(id, level);
    if (why === undefined || said.has(id) || fromCommandLine.some(([c]) => c === id)) continue;
    const note: Diagnostic = {
      severity: 'note',
      message: `rules[${JSON.stringify(id)}]: ${why} or in "profiles"`,
    };
    if (configPath !== undefined) note.place = { file: configPath };
    out.push(note);
  }
  return out;
}

export function parseRuleOption(spec: string, known: ReadonlySet<string>): [string, RuleSetting] {
  const eq = spec.lastIndexOf('=');
  if (eq <= 0)
    throw new UsageError(`--rule expects ID=off|info|warning|error, got ${JSON.stringify(spec)}`, 'lint');
  const typed = spec.slice(0, eq).trim();
  // Rule ids are lower case; accept them in any case, as profile names, levels and formats are.
  const id = known.has(typed) || !known.has(typed.toLowerCase()) ? typed : typed.toLowerCase();
  const level = spec
    .slice(eq + 1)
    .trim()
    .toLowerCase();
  if (!known.has(id)) throw new UsageError(`--rule: unknown rule "${id}"${ruleHint(id, known)}`, 'lint');
  if (!(RULE_SETTINGS as readonly string[]).includes(level)) {
    throw new UsageError(
      `--rule ${id}: expected ${listOf(RULE_SETTINGS, 'or')}, got ${JSON.stringify(level)}`,
      'lint',
    );
  }
  return [id, level as RuleSetting];
}
