import type { StatusFamily } from '../exchange/family';
import { profileInfo } from '../rules/profiles';
import { BUILTIN_PROFILE_IDS } from '../profiles/builtins';
import type { ProfileId } from '../rules/types';
import type { CatalogueEntry, RegistryStanding, RetryAdvice } from './types';

/**
 * What a catalogue entry says to a person, in the order it says it: one model that every
 * rendering (the panel's Overview tab and Codes view, `status-lens explain`) draws, so an entry
 * reads the same wherever it is shown. Renderers choose only markup (React, terminal text).
 */

export const STANDING_LABEL: Record<RegistryStanding, string> = {
  iana: 'Registered with IANA',
  temporary: 'Provisionally registered',
  unused: 'Registered, marked unused',
  obsolete: 'Registered, now obsolete',
  unofficial: 'Unofficial (vendor-specific)',
  browser: 'Browser network error (no HTTP response)',
  unassigned: 'Unassigned: not in the registry',
  invalid: 'Not a valid HTTP status',
};

/** Section headings, shared by every rendering. */
export const ENTRY_HEADINGS = {
  standing: 'Standing',
  definedBy: 'Defined by',
  causes: 'Common causes',
  action: 'What to do',
  retry: 'Retry',
  headers: 'Headers that belong with it',
  profiles: 'Under the convention profiles',
} as const;

export interface EntryView {
  /**
   * "404 Not Found", "net::ERR_FAILED: Failed", "Status 0: No Response": 0 is no status a server
   * sends but what browsers record for a request without one, so it is named as such rather than
   * read as a code ("0 No Response"), and never left out (a heading without the code asked about).
   */
  title: string;
  /** "Formerly: Request Entity Too Large", when the code had other names. */
  formerly?: string;
  family: StatusFamily;
  summary: string;
  standing: string;
  definedBy: { label: string; url: string };
  meaning: string;
  causes: readonly string[];
  action: string;
  /** The advice is rendered with its label where the label lives; the note is the entry's own. */
  retry: { advice: RetryAdvice; note: string };
  headers: readonly string[];
  /** What the entry means under each convention profile asked about that has a note for it. */
  profileNotes: { id: ProfileId; name: string; note: string }[];
}

/**
 * The view of an entry. `profiles`: the convention profiles to give notes for — the user's own
 * in the panel's Overview; every profile (the default) where the whole catalogue is browsed.
 */
export function entryView(
  entry: CatalogueEntry,
  profiles: readonly ProfileId[] = BUILTIN_PROFILE_IDS,
): EntryView {
  const title =
    typeof entry.code === 'number'
      ? entry.code === 0
        ? `Status 0: ${entry.reason}`
        : `${entry.code} ${entry.reason}`
      : `${entry.code}: ${entry.reason}`;
  const profileNotes = profiles.flatMap((id) => {
    const note = entry.profiles[id];
    return typeof note === 'string' && note !== '' ? [{ id, name: profileInfo(id)?.name ?? id, note }] : [];
  });
  return {
    title,
    ...(entry.formerNames.length > 0 ? { formerly: `Formerly: ${entry.formerNames.join(', ')}` } : {}),
    family: entry.family,
    summary: entry.summary,
    standing: STANDING_LABEL[entry.registry] ?? entry.registry,
    definedBy: { label: entry.origin, url: entry.specUrl },
    meaning: entry.meaning,
    causes: entry.causes,
    action: entry.action,
    retry: { advice: entry.retry.advice, note: entry.retry.note },
    headers: entry.headers,
    profileNotes,
  };
}
