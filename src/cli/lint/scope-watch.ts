import { compiledScopeOf, profileScopeOf, type EngineSettings } from '../../core/engine/analyze';
import type { Exchange } from '../../core/exchange/types';
import { allProfiles } from '../../core/profiles/registry';
import { describeScope, type CompiledScope, type LeftOutReason } from '../../core/profiles/scope';
import { SPEC_DEFINED, specDefined, type SpecDefined } from '../../core/exchange/spec-defined';
import type { Analysis } from '../../core/rules/types';
import { countOf, nounFor } from '../../core/text/plural';
import { listOf } from '../../core/text/list';
import type { PreparedContract } from '../../core/contract';
import { describeScopes } from '../../core/contract/servers';

/**
 * The profiles whose scope a lint watches: the user's own (`--profile-file`, or `userProfiles`
 * turned on in `--config`) and the built-ins the settings' `profileScopes` narrowed. A scope the
 * user wrote that holds no exchange of a file judges nothing there, silently (often a typo in the
 * scope's URL, or an example's placeholder host left as it was). A built-in on its own default
 * scope is not watched: a capture with no API calls is no mistake of the user's. Each entry's outcome says which of them held it (their
 * positions in this list: a few small numbers, the same on every thread, since workers build
 * the plan from the same arguments), and the main thread tallies them per file.
 */
export interface WatchedProfile {
  id: string;
  scope: CompiledScope;
  /** The scope in words ("API calls to https://api.acme.test/v1/*"), for the warning. */
  described: string;
}

/** The enabled profiles whose scope the user wrote, in the order allProfiles lists them. */
export function watchedProfiles(
  settings: Required<Pick<EngineSettings, 'profiles' | 'userProfiles'>> &
    Pick<EngineSettings, 'profileScopes'>,
): WatchedProfile[] {
  const on = new Set(settings.profiles);
  const narrowed = settings.profileScopes ?? {};
  return allProfiles(settings.userProfiles)
    .filter((p) => on.has(p.doc.id) && (!p.builtin || Object.hasOwn(narrowed, p.doc.id)))
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

/**
 * The watched profiles whose scope's URLs held this exchange, though it was out of scope for
 * another reason (not an API call, an OAuth 2.0 token request, GraphQL…), by position with the
 * reason; undefined when there are none. `inScope` is profilesInScope's answer for it.
 */
export function profilesLeftOut(
  watch: readonly WatchedProfile[],
  exchange: Exchange,
  inScope: readonly number[] | undefined,
  analysis: Pick<Analysis, 'specDefined'>,
): [number, LeftOutReason][] | undefined {
  // Asked at most once per exchange (it may parse the request body); the engine's answer when it gave one.
  let foreign: SpecDefined | undefined;
  let asked = false;
  const spec = () => {
    if (!asked) {
      asked = true;
      foreign = analysis.specDefined ? SPEC_DEFINED[analysis.specDefined] : specDefined(exchange);
    }
    return foreign;
  };
  let out: [number, LeftOutReason][] | undefined;
  for (let i = 0; i < watch.length; i++) {
    if (inScope?.includes(i)) continue;
    const why = watch[i]!.scope.leftOutOnItsUrls(exchange, spec);
    if (why) (out ??= []).push([i, why]);
  }
  return out;
}

/** Per reason, how many exchanges on a profile's URLs it left out. */
export type LeftOutCounts = Partial<Record<LeftOutReason, number>>;

/** A watched profile that held no exchange of a file, and what its URLs held but it left out. */
export interface UnmatchedProfile<T = WatchedProfile> {
  profile: T;
  leftOut: LeftOutCounts;
}

/**
 * One file's tally: how many exchanges it had, which watched profiles held at least one, and what
 * the others left out. The same tally watches the OpenAPI descriptions (T: a prepared
 * description, held when its scope holds the exchange: contractsHolding).
 */
export class ScopeTally<T = WatchedProfile> {
  private readonly held: boolean[];
  private readonly leftOut: LeftOutCounts[];
  exchanges = 0;

  constructor(private readonly watch: readonly T[]) {
    this.held = watch.map(() => false);
    this.leftOut = watch.map(() => ({}));
  }

  add(inScope: readonly number[] | undefined, leftOut?: readonly (readonly [number, LeftOutReason])[]): void {
    this.exchanges++;
    for (const i of inScope ?? []) this.held[i] = true;
    for (const [i, why] of leftOut ?? []) {
      const counts = this.leftOut[i];
      if (counts) counts[why] = (counts[why] ?? 0) + 1;
    }
  }

  /** The watched profiles no exchange of the file was in (none when the file had no exchange). */
  unmatched(): T[] {
    return this.unmatchedWithReasons().map((u) => u.profile);
  }

  /** unmatched(), each with what its URLs held but it left out. */
  unmatchedWithReasons(): UnmatchedProfile<T>[] {
    if (this.exchanges === 0) return [];
    const out: UnmatchedProfile<T>[] = [];
    this.watch.forEach((profile, i) => {
      if (!this.held[i]) out.push({ profile, leftOut: this.leftOut[i]! });
    });
    return out;
  }
}

/** Each reason as a predicate, singular and plural, in the order outOfScope asks. */
const LEFT_OUT_WORDS: readonly [LeftOutReason, string, string][] = [
  ['not-api-call', 'is not an API call', 'are not API calls'],
  ['oauth-token', 'is an OAuth 2.0 token request', 'are OAuth 2.0 token requests'],
  ['well-known', 'is a well-known URI', 'are well-known URIs'],
  ['graphql', 'is a GraphQL request', 'are GraphQL requests'],
  ['other-kind', 'is not the kind of request the scope names', 'are not the kind of request the scope names'],
  ['method', 'has a method outside the scope', 'have methods outside the scope'],
];

/** "; of the 5 entries on its URLs, 3 are not API calls and 2 are OAuth 2.0 token requests", or ''. */
function leftOutClause(leftOut: LeftOutCounts): string {
  const parts = LEFT_OUT_WORDS.flatMap(([why, one, many]) => {
    const n = leftOut[why] ?? 0;
    return n === 0 ? [] : [{ n, said: nounFor(n, one, many) }];
  });
  if (parts.length === 0) return '';
  const total = parts.reduce((sum, p) => sum + p.n, 0);
  if (parts.length === 1) {
    return total === 1
      ? `; the only entry on its URLs ${parts[0]!.said}`
      : `; the ${countOf(total, 'entry', 'entries')} on its URLs ${parts[0]!.said}`;
  }
  const said = parts.map((p) => `${p.n} ${p.said}`);
  return `; of the ${countOf(total, 'entry', 'entries')} on its URLs, ${listOf(said)}`;
}

/**
 * `profile "acme" matched none of the 120 entries (scope: API calls to https://api.acme.test/v1/*)`
 * (of the file the warning line names first), and, when entries on its URLs were left out for
 * what they are, why: `…; of the 5 entries on its URLs, 3 are not API calls and 2 are OAuth 2.0
 * token requests`.
 */
export function unmatchedMessage(p: WatchedProfile, exchanges: number, leftOut: LeftOutCounts = {}): string {
  return `profile ${JSON.stringify(p.id)} ${matchedNone(exchanges)} (scope: ${p.described})${leftOutClause(leftOut)}`;
}

/** "matched none of the 120 entries", or "did not match the only entry". */
function matchedNone(exchanges: number): string {
  return exchanges === 1
    ? 'did not match the only entry'
    : `matched none of the ${countOf(exchanges, 'entry', 'entries')}`;
}

/**
 * `OpenAPI description api.yaml matched none of the 29 entries (scope: http://localhost:9999/api/v1/*,
 * from its servers or the base URL given for it)`: no `contract/*` finding and no coverage came
 * from the file, most often a wrong `--openapi-base-url` or `servers`.
 */
export function unmatchedContractMessage(
  c: Pick<PreparedContract, 'name' | 'allScopes'>,
  exchanges: number,
): string {
  return `OpenAPI description ${c.name} ${matchedNone(exchanges)} (scope: ${describeScopes(c.allScopes)}, from its servers or the base URL given for it)`;
}
