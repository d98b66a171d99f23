import { compiledScopeOf, profileScopeOf, type EngineSettings } from '../../core/engine/analyze';
import type { Exchange } from '../../core/exchange/types';
import { allProfiles } from '../../core/profiles/registry';
import { describeScope, type CompiledScope } from '../../core/profiles/scope';
import type { Analysis } from '../../core/rules/types';
import { countOf } from '../../core/text/plural';

/**
 * The user's own profiles (`--profile-file`, or `userProfiles` turned on in `--config`) whose
 * scope a lint watches: a scope that holds no exchange of a file judges nothing there, silently
 * (often a typo in the scope's URL). Each entry's outcome says which of them held it (their
 * positions in this list: a few small numbers, the same on every thread, since workers build
 * the plan from the same arguments), and the main thread tallies them per file.
 */
export interface WatchedProfile {
  id: string;
  scope: CompiledScope;
  /** The scope in words ("API calls to https://api.acme.test/v1/*"), for the warning. */
  described: string;
}

/** The enabled user profiles, in the order the settings list their documents. */
export function watchedProfiles(
  settings: Required<Pick<EngineSettings, 'profiles' | 'userProfiles'>> &
    Pick<EngineSettings, 'profileScopes'>,
): WatchedProfile[] {
  const on = new Set(settings.profiles);
  return allProfiles(settings.userProfiles)
    .filter((p) => !p.builtin && on.has(p.doc.id))
    .map((p) => ({
      id: p.doc.id,
      scope: compiledScopeOf(settings, p),
      described: describeScope(profileScopeOf(settings, p.doc)),
    }));
}

/**
 * Which watched profiles' scopes hold this exchange, by position; undefined when none does.
 * The engine's own verdict where it gave one (the profile runs rules of its own), so the scope
 * is asked once per exchange; the scope itself for a profile that only adjusts core rules.
 */
export function profilesInScope(
  watch: readonly WatchedProfile[],
  exchange: Exchange,
  analysis: Pick<Analysis, 'profiles'>,
): number[] | undefined {
  let out: number[] | undefined;
  for (let i = 0; i < watch.length; i++) {
    const p = watch[i]!;
    const verdict = analysis.profiles?.find((v) => v.profile === p.id);
    const held = verdict ? verdict.reason === undefined : p.scope.outOfScope(exchange) === undefined;
    if (held) (out ??= []).push(i);
  }
  return out;
}

/** One file's tally: how many exchanges it had, and which watched profiles held at least one. */
export class ScopeTally {
  private readonly held: boolean[];
  exchanges = 0;

  constructor(private readonly watch: readonly WatchedProfile[]) {
    this.held = watch.map(() => false);
  }

  add(inScope: readonly number[] | undefined): void {
    this.exchanges++;
    for (const i of inScope ?? []) this.held[i] = true;
  }

  /** The watched profiles no exchange of the file was in (none when the file had no exchange). */
  unmatched(): WatchedProfile[] {
    return this.exchanges === 0 ? [] : this.watch.filter((_, i) => !this.held[i]);
  }
}

/** `profile "acme" matched none of the 120 entries in x.har (scope: API calls to https://api.acme.test/v1/*)` */
export function unmatchedMessage(p: WatchedProfile, exchanges: number, file: string): string {
  const what =
    exchanges === 1
      ? 'did not match the only entry'
      : `matched none of the ${countOf(exchanges, 'entry', 'entries')}`;
  return `profile ${JSON.stringify(p.id)} ${what} in ${file} (scope: ${p.described})`;
}
