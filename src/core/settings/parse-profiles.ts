import { BUILTIN_PROFILE_IDS, knownProfileIds } from '../profiles/builtins';
import type { ProfileDocument, ProfileScope } from '../profiles/types';
import { PROFILE_ID_PATTERN, validateProfile, validateScope } from '../profiles/validate';
import { listOf } from '../text/list';
import { knownKeysHint } from './parse-unknown-keys';
import type { Settings } from './schema';
import { isJsonObject as isObject } from '../json/walk';

export interface ParseOptions {
  /**
   * The settings as the extension stores them in chrome.storage.sync: user profiles' documents
   * live in chrome.storage.local, so `profiles`, `profileScopes` and `rules` may refer to a user
   * profile (a well-formed id, not a built-in's) whose document is not in this one.
   */
  profilesStoredApart?: boolean;
}

/** A reference to a user profile stored elsewhere: a well-formed id that no built-in has. */
export const storedApart = (opts: ParseOptions, id: unknown): id is string =>
  opts.profilesStoredApart === true &&
  typeof id === 'string' &&
  PROFILE_ID_PATTERN.test(id) &&
  !BUILTIN_PROFILE_IDS.includes(id);

/**
 * `userProfiles` (documents), `profiles` (ids, or documents inline, which are enabled) and
 * `profileScopes`. Errors name the JSON path inside the settings document.
 */
export function parseProfiles(
  input: Record<string, unknown>,
  s: Settings,
  errors: string[],
  opts: ParseOptions,
): void {
  const docs: ProfileDocument[] = [];
  const addDoc = (v: unknown, path: string): string | undefined => {
    const r = validateProfile(v);
    if (!r.ok) {
      for (const e of r.errors) errors.push(`${path}${e.replace(/^\$/, '')}`);
      return undefined;
    }
    if (docs.some((d) => d.id === r.profile.id)) {
      errors.push(`${path}.id: a profile "${r.profile.id}" is already defined`);
      return undefined;
    }
    docs.push(r.profile);
    return r.profile.id;
  };
  if (Object.hasOwn(input, 'userProfiles')) {
    const u = input.userProfiles;
    if (!Array.isArray(u)) errors.push('userProfiles: expected an array of profile documents');
    else u.forEach((v, i) => addDoc(v, `userProfiles[${i}]`));
  }
  const enabled: string[] = [];
  const ids: { id: unknown; path: string }[] = [];
  if (Object.hasOwn(input, 'profiles')) {
    const p = input.profiles;
    if (!Array.isArray(p))
      errors.push(
        `profiles: expected an array of profile ids (${listOf(BUILTIN_PROFILE_IDS, 'or')}) or profile documents`,
      );
    else
      p.forEach((v, i) => {
        if (isObject(v)) {
          const id = addDoc(v, `profiles[${i}]`);
          if (id !== undefined) enabled.push(id);
        } else ids.push({ id: v, path: `profiles[${i}]` });
      });
  }
  const known = knownProfileIds(docs);
  for (const { id, path } of ids) {
    if ((typeof id === 'string' && known.includes(id)) || storedApart(opts, id)) {
      if (!enabled.includes(id)) enabled.push(id);
    } else
      errors.push(`${path}: unknown profile ${JSON.stringify(id)} (${knownKeysHint(String(id), known)})`);
  }
  s.userProfiles = docs;
  s.profiles = enabled;
  if (Object.hasOwn(input, 'profileScopes')) {
    const m = input.profileScopes;
    if (!isObject(m)) errors.push('profileScopes: expected an object of profile id → scope');
    else {
      const scopes: Record<string, ProfileScope> = {};
      for (const [id, v] of Object.entries(m)) {
        const path = `profileScopes[${JSON.stringify(id)}]`;
        if (!known.includes(id) && !storedApart(opts, id)) {
          errors.push(`${path}: unknown profile (${knownKeysHint(id, known)})`);
          continue;
        }
        const r = validateScope(v, path);
        if (r.ok) scopes[id] = r.scope;
        else errors.push(...r.errors);
      }
      s.profileScopes = scopes;
    }
  }
}
