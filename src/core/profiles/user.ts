import type { Settings } from '../settings/schema';
import { knownProfileIds } from './builtins';
import { BUILTIN_RULE_IDS } from './registry';
import type { ProfileDocument } from './types';
import { validateProfile } from './validate';
import { isObjectOrArray } from '../json/walk';

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
  /**
   * Stored documents that fail validation (written by a newer version, or corrupted). Never
   * dropped: written back untouched on every save, shown on the options page with the
   * validator's words, and gone only when the user deletes one.
   */
  invalid?: InvalidStoredProfile[];
  /** Members of the stored object this version does not know (a newer one wrote them): written back as they were. */
  unknown?: Record<string, unknown>;
}

/** A stored profile document this version cannot use, kept as it was. */
export interface InvalidStoredProfile {
  /** The document exactly as stored. */
  raw: unknown;
  /** How the options page names it: its name or id when those can be read, else its place. */
  label: string;
  /** The validator's errors, each naming the field (`$.scope.urls[0]: …`). */
  errors: string[];
}

export const NO_USER_PROFILES: UserProfiles = { profiles: [] };

const KNOWN_MEMBERS = ['profiles', 'enabled'];

function labelOf(doc: unknown, index: number): string {
  const d: { name?: unknown; id?: unknown } = isObjectOrArray(doc) ? doc : {};
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 80) : null);
  return text(d.name) ?? text(d.id) ?? `stored profile #${index + 1}`;
}

/**
 * Reads stored user profiles leniently: a document that fails validation does not stop the
 * others, and it is not dropped either — it is kept in `invalid`, to be written back as it was.
 */
export function parseUserProfiles(value: unknown): UserProfiles {
  if (!isObjectOrArray(value)) return { profiles: [] };
  const v = value;
  const profiles: ProfileDocument[] = [];
  const invalid: InvalidStoredProfile[] = [];
  const stored = Array.isArray(v.profiles) ? (v.profiles as unknown[]) : [];
  for (const [index, doc] of stored.entries()) {
    const r = validateProfile(doc);
    if (!r.ok) invalid.push({ raw: doc, label: labelOf(doc, index), errors: r.errors });
    else if (profiles.some((p) => p.id === r.profile.id)) {
      invalid.push({
        raw: doc,
        label: labelOf(doc, index),
        errors: [`$.id: another stored profile already has the id "${r.profile.id}"; the first one is used`],
      });
    } else profiles.push(r.profile);
  }
  const unknown = Object.fromEntries(Object.entries(v).filter(([k]) => !KNOWN_MEMBERS.includes(k)));
  const out: UserProfiles = { profiles };
  if (invalid.length > 0) out.invalid = invalid;
  if (Object.keys(unknown).length > 0) out.unknown = unknown;
  if (!Array.isArray(v.enabled)) return out;
  // Ids of documents this version cannot read stay on too: they are the user's choice, kept for a version that can.
  const ids = new Set([...profiles.map((p) => p.id), ...invalid.map((i) => idOf(i.raw))]);
  const enabled = v.enabled.filter((id): id is string => typeof id === 'string' && ids.has(id));
  return { ...out, enabled: [...new Set(enabled)] };
}

function idOf(doc: unknown): string | undefined {
  const id = (doc as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}

/** What is written to storage for `user`: valid documents, then the invalid ones and unknown members untouched. */
export function storedUserProfiles(user: UserProfiles): Record<string, unknown> {
  return {
    ...user.unknown,
    profiles: [...user.profiles, ...(user.invalid ?? []).map((i) => i.raw)],
    ...(user.enabled ? { enabled: user.enabled } : {}),
  };
}

/** `next`'s documents with what this version could not read in `kept` carried along, so a save never drops it. */
export function keepUnreadable(next: UserProfiles, kept: UserProfiles): UserProfiles {
  const out: UserProfiles = { ...next };
  if (kept.invalid && kept.invalid.length > 0) out.invalid = kept.invalid;
  if (kept.unknown) out.unknown = kept.unknown;
  return out;
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

export function foreignReferences(
  synced: Settings,
  local: readonly Pick<ProfileDocument, 'id'>[],
): ForeignReferences {
  const known = new Set(knownProfileIds(local));
  const foreign = (id: string) => !known.has(id);
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
  const known = new Set(knownProfileIds(docs));
  const here = (id: string) => known.has(id);
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
