import { BUILTIN_PROFILES } from '../profiles/builtins';
import type { ProfileId } from './types';

/** What the options page, help texts and `status-lens --profile` show for a built-in profile: read from its document. */
export interface ProfileInfo {
  id: ProfileId;
  name: string;
  /** One line saying what the profile checks. */
  summary: string;
  /** Where the convention is written down. */
  standardUrl: string;
}

/** Every built-in profile, in the registry's order. */
export const PROFILES: readonly ProfileInfo[] = BUILTIN_PROFILES.map((d) => ({
  id: d.id,
  name: d.name,
  summary: d.summary,
  standardUrl: d.source,
}));

export function profileInfo(id: ProfileId): ProfileInfo | undefined {
  return PROFILES.find((p) => p.id === id);
}
