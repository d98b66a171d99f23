import type { ProfileDocument } from './types';
import { knownProfileIds } from './builtins';

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
  return knownProfileIds(settings.userProfiles ?? []).filter((id) => on.has(id));
}
