import type { ProfileDocument } from '../types';
import { envelope } from './envelope';
import { graphql } from './graphql';
import { hal } from './hal';
import { jsonapi } from './jsonapi';
import { problem } from './problem';

/** The profiles that ship with Status Lens, in display order. Add one: a document here (and function checks only where data cannot say it). */
export const BUILTIN_PROFILES: readonly ProfileDocument[] = [problem, hal, envelope, graphql, jsonapi];

export const BUILTIN_PROFILE_IDS: readonly string[] = BUILTIN_PROFILES.map((p) => p.id);

/**
 * The profiles there are, on or off: the built-ins, then the user's own documents, once each.
 * Every list of them reads this (the filter's `profile:` values, the ids --profile and a settings
 * file take, the order the options page and reports list enabled ones in), so none disagrees.
 */
export function knownProfileIds(userProfiles: readonly { id: string }[]): string[] {
  return [...new Set([...BUILTIN_PROFILE_IDS, ...userProfiles.map((p) => p.id)])];
}
