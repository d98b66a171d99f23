import type { Settings } from '../settings/schema';
import { BUILTIN_PROFILE_IDS } from './builtins';
import { BUILTIN_RULE_IDS } from './registry';
import type { ProfileDocument } from './types';
import { validateProfile } from './validate';

/**
 * The user's own profile documents as the extension stores them: in chrome.storage.local, apart
 * from the synced settings (chrome.storage.sync allows 8 KB an item; a few profiles would fill
 * it). The synced settings keep only references: which user profiles are on (`profiles`), the
 * scopes set for them (`profileScopes`) and their rules' severities (`rules`).
 */
export interface UserProfiles {
  profiles: ProfileDocument[];
  /**
   * Only in what earlier versions stored, when which profiles were on lived here too; moved
   * into the synced settings on load (mergedSettingsStore) and never written again.
   */
  enabled?: string[];
}

export const NO_USER_PROFILES: UserProfiles = { profiles: [] };

/** Reads stored user profiles leniently: an invalid document is dropped, the rest keep working. */
export function parseUserProfiles(value: unknown): UserProfiles {
  if (typeof value !== 'object' || value === null) return { profiles: [] };
  const v = value as { profiles?: unknown; enabled?: unknown };
  const profiles: ProfileDocument[] = [];
  for (const doc of Array.isArray(v.profiles) ? v.profiles : []) {
    const r = validateProfile(doc);
    if (r.ok && !profiles.some((p) => p.id === r.profile.id)) profiles.push(r.profile);
  }
  if (!Array.isArray(v.enabled)) return { profiles };
  const ids = new Set(profiles.map((p) => p.id));
  const enabled = v.enabled.filter((id): id is string => typeof id === 'string' && ids.has(id));
  return { profiles, enabled: [...new Set(enabled)] };
}

const prefixOf = (ruleId: string) => ruleId.split('/', 1)[0]!;

/**
 * What synced settings hold about user profiles whose documents this browser does not have
 * (imported on another machine, or not yet copied here): left out of what the surfaces see,
 * and written back untouched on every save, so no browser drops another's references.
 */
export interface ForeignReferences {
  profiles: string[];
  profileScopes: Settings['profileScopes'];
  rules: Settings['rules'];
}

export function foreignReferences(synced: Settings, localIds: ReadonlySet<string>): ForeignReferences {
  const foreign = (id: string) => !BUILTIN_PROFILE_IDS.includes(id) && !localIds.has(id);
  return {
    profiles: synced.profiles.filter(foreign),
    profileScopes: Object.fromEntries(Object.entries(synced.profileScopes).filter(([id]) => foreign(id))),
    rules: Object.fromEntries(
      Object.entries(synced.rules).filter(([id]) => !BUILTIN_RULE_IDS.has(id) && foreign(prefixOf(id))),
    ),
  };
}

/** Documents held in the synced settings by an earlier version, and those in local storage: local wins on an id. */
function documentsOf(synced: Settings, user: UserProfiles): ProfileDocument[] {
  const local = user.profiles;
  return [...local, ...synced.userProfiles.filter((d) => !local.some((p) => p.id === d.id))];
}

/**
 * The settings the engine, the surfaces and the settings file see: synced settings with the
 * user's documents in `userProfiles`, and only references to profiles that are here. Profiles
 * switched on in the old shape (`enabled` in local storage) are on.
 */
export function withUserProfiles(synced: Settings, user: UserProfiles): Settings {
  const docs = documentsOf(synced, user);
  const localIds = new Set(docs.map((d) => d.id));
  const here = (id: string) => BUILTIN_PROFILE_IDS.includes(id) || localIds.has(id);
  const profiles = [...new Set([...synced.profiles, ...(user.enabled ?? [])])].filter(here);
  return {
    ...synced,
    userProfiles: docs,
    profiles,
    profileScopes: Object.fromEntries(Object.entries(synced.profileScopes).filter(([id]) => here(id))),
    rules: Object.fromEntries(
      Object.entries(synced.rules).filter(([id]) => BUILTIN_RULE_IDS.has(id) || here(prefixOf(id))),
    ),
  };
}

/**
 * Splits what the surfaces edit back into the synced settings (references only, plus the
 * `foreign` ones kept as they were) and the documents for local storage.
 */
export function splitUserProfiles(
  merged: Settings,
  foreign: ForeignReferences = { profiles: [], profileScopes: {}, rules: {} },
): { synced: Settings; user: UserProfiles } {
  const profiles = [...merged.profiles, ...foreign.profiles.filter((id) => !merged.profiles.includes(id))];
  const profileScopes = { ...foreign.profileScopes };
  for (const [id, scope] of Object.entries(merged.profileScopes)) profileScopes[id] = scope;
  const rules = { ...foreign.rules };
  for (const [id, setting] of Object.entries(merged.rules)) rules[id] = setting;
  return {
    synced: { ...merged, userProfiles: [], profiles, profileScopes, rules },
    user: { profiles: merged.userProfiles },
  };
}
