import type { ProfileDocument } from './types';
import { BUILTIN_PROFILE_IDS } from './builtins';

/**
 * The profiles a run judges with, as reports name them: the enabled ids that name a built-in or
 * one of the user's documents (a reference to a document that is not there judges nothing), in
 * the order profiles are listed (built-ins, then the user's), once each. `status-lens lint` and
 * `diff` report these; so does the panel's "Compare with HAR…".
 */
export function enabledProfileIds(settings: {
  profiles: readonly string[];
  userProfiles?: readonly Pick<ProfileDocument, 'id'>[];
}): string[] {
  const on = new Set(settings.profiles);
  const known = [...BUILTIN_PROFILE_IDS, ...(settings.userProfiles ?? []).map((d) => d.id)];
  return known.filter((id, i) => on.has(id) && known.indexOf(id) === i);
}
