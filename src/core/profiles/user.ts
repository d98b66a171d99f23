import type { Settings } from '../settings/schema';
import { BUILTIN_PROFILE_IDS } from './builtins';
import type { ProfileDocument } from './types';
import { validateProfile } from './validate';

/**
 * The user's own profiles as the extension stores them: in chrome.storage.local, apart from the
 * synced settings (chrome.storage.sync allows 8 KB an item; a few profiles would fill it). The
 * documents and which of them are on live together, so synced settings on another machine
 * never name a profile that machine does not have.
 */
export interface UserProfiles {
  profiles: ProfileDocument[];
  enabled: string[];
}

export const NO_USER_PROFILES: UserProfiles = { profiles: [], enabled: [] };

/** Reads stored user profiles leniently: an invalid document is dropped, the rest keep working. */
export function parseUserProfiles(value: unknown): UserProfiles {
  if (typeof value !== 'object' || value === null) return { profiles: [], enabled: [] };
  const v = value as { profiles?: unknown; enabled?: unknown };
  const profiles: ProfileDocument[] = [];
  for (const doc of Array.isArray(v.profiles) ? v.profiles : []) {
    const r = validateProfile(doc);
    if (r.ok && !profiles.some((p) => p.id === r.profile.id)) profiles.push(r.profile);
  }
  const ids = new Set(profiles.map((p) => p.id));
  const enabled = Array.isArray(v.enabled)
    ? v.enabled.filter((id): id is string => typeof id === 'string' && ids.has(id))
    : [];
  return { profiles, enabled: [...new Set(enabled)] };
}

/** The settings the engine and the settings file see: synced settings plus the user's profiles. */
export function withUserProfiles(settings: Settings, user: UserProfiles): Settings {
  const builtins = settings.profiles.filter((id) => BUILTIN_PROFILE_IDS.includes(id));
  return { ...settings, userProfiles: user.profiles, profiles: [...builtins, ...user.enabled] };
}

/** Splits merged settings back into what is synced and what stays in local storage. */
export function splitUserProfiles(settings: Settings): { synced: Settings; user: UserProfiles } {
  const ids = new Set(settings.userProfiles.map((p) => p.id));
  const scopes = Object.fromEntries(Object.entries(settings.profileScopes).filter(([id]) => !ids.has(id)));
  return {
    synced: {
      ...settings,
      userProfiles: [],
      profiles: settings.profiles.filter((id) => BUILTIN_PROFILE_IDS.includes(id)),
      profileScopes: scopes,
    },
    user: {
      // A user profile's edited scope is kept in its own document, which is the user's anyway.
      profiles: settings.userProfiles.map((p) =>
        Object.prototype.hasOwnProperty.call(settings.profileScopes, p.id)
          ? { ...p, scope: settings.profileScopes[p.id] }
          : p,
      ),
      enabled: settings.profiles.filter((id) => ids.has(id)),
    },
  };
}
