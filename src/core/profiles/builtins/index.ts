import type { ProfileDocument } from '../types';
import { envelope } from './envelope';
import { graphql } from './graphql';
import { hal } from './hal';
import { jsonapi } from './jsonapi';
import { problem } from './problem';

/** The profiles that ship with Status Lens, in display order. Add one: a document here (and function checks only where data cannot say it). */
export const BUILTIN_PROFILES: readonly ProfileDocument[] = [problem, hal, envelope, graphql, jsonapi];

export const BUILTIN_PROFILE_IDS: readonly string[] = BUILTIN_PROFILES.map((p) => p.id);

/** The ids a profile can have here: the built-ins' and the user's own (the filter's `profile:` values). */
export function knownProfileIds(userProfiles: readonly { id: string }[]): string[] {
  return [...BUILTIN_PROFILE_IDS, ...userProfiles.map((p) => p.id)];
}
