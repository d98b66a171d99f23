import type { SpecDefinedKind } from '../exchange/spec-defined';
import { RULES, SESSION_RULES, anyRuleById, ruleById } from '../rules/registry';
import type { AnyRule, Rule } from '../rules/types';
import { BUILTIN_PROFILES } from './builtins';
import { DATA_CHECKS } from './checks';
import type { CompiledProfile, ProfileDocument } from './types';

/** The rule family (group) of the GraphQL-over-HTTP checks: the built-in graphql profile's id. */
const GRAPHQL_FAMILY = 'graphql';

/**
 * The spec-defined requests (exchange/spec-defined.ts) a profile judges: GraphQL requests when it
 * runs GraphQL-over-HTTP checks (the graphql family, `graphql/…`), as the built-in graphql profile
 * does, and a user profile does that names one in `checks`. That profile is written for GraphQL,
 * so its other data (media types, headers, statuses) is meant for those requests too. Any other
 * profile describes a REST convention, which GraphQL answers do not follow: it never judges them.
 * OAuth token requests and well-known URIs have no family of checks: no profile judges them.
 */
function judgedSpecs(rules: readonly Rule[]): SpecDefinedKind[] {
  return rules.some((r) => r.group === GRAPHQL_FAMILY) ? ['graphql'] : [];
}

/** The rules a document runs: its function checks (by id, from the rule registry), then what its data generates. */
export function compileProfile(doc: ProfileDocument, builtin = false): CompiledProfile {
  const rules: Rule[] = [];
  for (const id of doc.checks ?? []) {
    const rule = ruleById(id);
    if (rule && rule.group !== 'core' && rule.group !== 'opt-in') rules.push(rule);
  }
  for (const make of DATA_CHECKS) {
    const rule = make(doc);
    if (rule) rules.push(rule);
  }
  return { doc, rules, builtin, judges: judgedSpecs(rules) };
}

export const BUILTINS: readonly CompiledProfile[] = BUILTIN_PROFILES.map((d) => compileProfile(d, true));
const BUILTIN_BY_ID = new Map(BUILTINS.map((p) => [p.doc.id, p]));

export function builtinProfile(id: string): CompiledProfile | undefined {
  return BUILTIN_BY_ID.get(id);
}

/** Every profile known under these settings, built-ins first; a user profile cannot shadow a built-in. */
export function allProfiles(userProfiles: readonly ProfileDocument[] = []): CompiledProfile[] {
  const out = [...BUILTINS];
  const seen = new Set(out.map((p) => p.doc.id));
  for (const doc of userProfiles) {
    if (seen.has(doc.id)) continue;
    seen.add(doc.id);
    out.push(compileProfile(doc));
  }
  return out;
}

/**
 * The ids of the profiles whose rules include `ruleId` (the family's own profile, and any whose
 * `checks` name it): a rating of such a rule does nothing unless one of them is on.
 */
export function profilesRunning(ruleId: string, userProfiles: readonly ProfileDocument[] = []): string[] {
  return allProfiles(userProfiles)
    .filter((p) => p.rules.some((r) => r.id === ruleId))
    .map((p) => p.doc.id);
}

/** A profile's display name; the id itself when it is unknown (a stale reference). */
export function profileName(id: string, userProfiles: readonly ProfileDocument[] = []): string {
  return BUILTIN_BY_ID.get(id)?.doc.name ?? userProfiles.find((d) => d.id === id)?.name ?? id;
}

/**
 * The rules the built-ins' data generates (`graphql/media-type`, `jsonapi/media-type`, …): made
 * from documents, so they are not in the rule registry, yet a user rates them like any other.
 */
export const GENERATED_BUILTIN_RULES: readonly Rule[] = BUILTINS.flatMap((p) =>
  p.rules.filter((r) => ruleById(r.id) === undefined),
);

/**
 * Every rule that ships: the registry's exchange rules, those the built-ins' data generates, then
 * the session rules (options page, `status-lens rules`, SARIF, docs meta-test).
 */
export const BUILTIN_RULES: readonly AnyRule[] = [...RULES, ...GENERATED_BUILTIN_RULES, ...SESSION_RULES];

/** The ids of BUILTIN_RULES: what stored settings and settings files may rate without a user profile. */
export const BUILTIN_RULE_IDS: ReadonlySet<string> = new Set(BUILTIN_RULES.map((r) => r.id));

/** Rule ids a settings file may name: the registry's and those the built-ins' data generates. */
export function knownRuleIds(userProfiles: readonly ProfileDocument[] = []): Set<string> {
  const ids = new Set(BUILTIN_RULE_IDS);
  for (const p of allProfiles(userProfiles)) for (const r of p.rules) ids.add(r.id);
  return ids;
}

/**
 * A rule by its id, as these settings know it: the registry's (session rules included), and those
 * built-in and user profiles' data generates (`acme/body-shape`), described as the options page
 * lists them. The popup names a tab summary's rules by it.
 */
export function knownRule(id: string, userProfiles: readonly ProfileDocument[] = []): AnyRule | undefined {
  return (
    anyRuleById(id) ??
    allProfiles(userProfiles)
      .flatMap((p) => p.rules)
      .find((r) => r.id === id)
  );
}

/**
 * The rules each user profile's data generates (`acme/media-type`, …), by profile: rated like
 * any other rule (options page, `rules` in settings). Its function checks are the registry's
 * and are listed with their own family.
 */
export function userProfileRules(
  userProfiles: readonly ProfileDocument[],
): { doc: ProfileDocument; rules: Rule[] }[] {
  return allProfiles(userProfiles)
    .filter((p) => !p.builtin)
    .map((p) => ({ doc: p.doc, rules: p.rules.filter((r) => ruleById(r.id) === undefined) }))
    .filter((p) => p.rules.length > 0);
}
