import { statusFamily } from '../exchange/family';
import { GRAPHQL_RESPONSE_MEDIA_TYPE } from '../exchange/graphql';
import { responseMediaType } from '../exchange/media';
import { SPEC_DEFINED, specDefined, type SpecDefinedKind } from '../exchange/spec-defined';
import type { Exchange } from '../exchange/types';
import type { EngineSettings } from '../engine/analyze';
import { allProfiles } from './registry';
import { isApiCall } from '../exchange/api-call';
import { compileScope, hostPattern } from './scope';
import type { ConventionSign } from './signs';
import type { ProfileScope } from './types';

/** "api.example.com answers errors as Problem Details: check them against that profile?" */
export interface Suggestion {
  profile: string;
  /** The origin the evidence came from, as "this host" scope: `https://api.example.com/*`. */
  pattern: string;
  host: string;
  /** How many exchanges show the convention. */
  count: number;
  message: string;
}

/**
 * One exchange as suggestions look at it: the exchange, and what its body showed when it was
 * analysed (`Analysis.signs`, computed where the bodies are; the panel's thread parses none).
 */
export interface Observed {
  exchange: Exchange;
  signs?: readonly ConventionSign[] | undefined;
  /**
   * Which other specification defines its answers, as the analysis said (`Analysis.specDefined`;
   * `none`: not one, or not analysed yet). Absent: asked here, reading the request body (tests,
   * callers off the panel's thread).
   */
  specDefined?: SpecDefinedKind | 'none' | undefined;
}

const has = (signs: Observed['signs'], sign: ConventionSign) => Array.isArray(signs) && signs.includes(sign);
const isError = (status: number) => statusFamily(status) === '4xx' || statusFamily(status) === '5xx';

/**
 * Of a host's errors, how many show an error convention, when not all of them do: the banner
 * then says "most errors (3 of 5 seen)", not "answers errors as …", which the API's other
 * formats (session/mixed-error-formats names them) would contradict.
 */
interface Share {
  count: number;
  total: number;
}

/** What plainly shows each convention: status, headers, and the signs the analysis read from the bodies. */
const SIGNS: {
  profile: string;
  /** A convention of error responses: judged against all of the host's errors (a majority needed). */
  errors?: true;
  shows: (o: Observed, media: string) => boolean;
  says: (host: string, some?: Share) => string;
}[] = [
  {
    profile: 'problem',
    errors: true,
    shows: ({ exchange }, media) =>
      (media === 'application/problem+json' || media === 'application/problem+xml') &&
      isError(exchange.status),
    says: (host, some) =>
      some
        ? `${host} answers most errors as Problem Details (${some.count} of ${some.total} seen): check them against that profile?`
        : `${host} answers errors as Problem Details: check them against that profile?`,
  },
  {
    profile: 'hal',
    shows: (o, media) => media === 'application/hal+json' || has(o.signs, 'hal-links'),
    says: (host) =>
      `${host} serves HAL (_links, application/hal+json): check its links against that profile?`,
  },
  {
    profile: 'envelope',
    errors: true,
    shows: (o) => has(o.signs, 'envelope-lists'),
    says: (host, some) =>
      some
        ? `${host} answers most errors with "errors"/"msg" lists (${some.count} of ${some.total} seen): check them against the JSON envelope profile?`
        : `${host} answers errors with "errors"/"msg" lists: check them against the JSON envelope profile?`,
  },
  {
    profile: 'jsonapi',
    shows: (_o, media) => media === 'application/vnd.api+json',
    says: (host) => `${host} speaks JSON:API (application/vnd.api+json): check it against that profile?`,
  },
  {
    profile: 'graphql',
    // Known by the request, wherever it was sent (/graphql, /query, /api): the analysis read its
    // body in the worker. A URL that merely says "graphql" shows nothing.
    shows: (o, media) =>
      has(o.signs, 'graphql-request') &&
      (media === 'application/json' || media === GRAPHQL_RESPONSE_MEDIA_TYPE),
    says: (host) => `${host} serves GraphQL over HTTP: check it against that profile?`,
  },
];

/**
 * At most this many of the newest exchanges are looked at: suggestions are recomputed on the
 * panel's thread whenever rows arrive, so they must stay cheap during a 20,000-row import, and
 * a convention that is plainly followed shows within the latest few hundred calls.
 */
export const MAX_LOOKED_AT = 500;

/**
 * A suggestion needs the convention on at least this many responses from the host. The banner
 * asks the user to turn on a profile that then judges every call there, so one response is too
 * little: a gateway's error page for one route, a library's default, or one call to a third-party
 * widget can show a convention the API itself does not follow. A second response shows the host
 * repeating it. Two distinct endpoints would ask too much: an app's GraphQL calls all go to one
 * endpoint, and a short capture of a small API may touch one route; more responses would only
 * delay a suggestion that is already plainly earned.
 */
export const MIN_SIGHTINGS = 2;

/**
 * Profiles the traffic plainly follows (on MIN_SIGHTINGS responses or more) that nothing judges
 * yet: no enabled profile, built-in or the user's own, has the exchange in its scope. A host the
 * user already chose a profile for is theirs to judge (a profile of their own describes that API
 * whole: its media types, statuses, shape); asking them to add another convention there was
 * noise, and a contradiction when their profile wants other error bodies. An error convention
 * also needs at least half of the host's errors among those looked at: a minority is more likely
 * a gateway's or a framework's default than the API's choice, and switching the profile on would
 * flag most of its errors; a majority short of all is said with its counts. One suggestion per
 * profile and host, most evidence first.
 */
export function suggestProfiles(observed: readonly Observed[], settings: EngineSettings): Suggestion[] {
  // The scopes of every enabled profile: an exchange any of them holds is judged already.
  const scopes: ReturnType<typeof compileScope>[] = [];
  // Profiles that would judge a GraphQL request if on (registry.ts judgedSpecs, or a scope made for them).
  const judgeGraphql = new Set<string>();
  for (const p of allProfiles(settings.userProfiles ?? [])) {
    const own = settings.profileScopes && Object.hasOwn(settings.profileScopes, p.doc.id);
    const scope: ProfileScope | undefined = own ? settings.profileScopes![p.doc.id] : p.doc.scope;
    if (p.judges.includes('graphql') || scope?.requests === 'graphql') judgeGraphql.add(p.doc.id);
    if (settings.profiles.includes(p.doc.id)) scopes.push(compileScope(scope, p.judges));
  }
  const found = new Map<string, Suggestion>();
  // Per host pattern, the error responses looked at (an error convention's denominator).
  const errors = new Map<string, number>();
  const start = Math.max(0, observed.length - MAX_LOOKED_AT);
  for (let i = observed.length - 1; i >= start; i--) {
    const o = observed[i]!;
    const ex = o.exchange;
    if (!isApiCall(ex)) continue;
    const pattern = hostPattern(ex.url);
    if (!pattern) continue;
    // What the analysis said, else asked here once for every profile (it may read the request body).
    const told = o.specDefined;
    let asked = told !== undefined;
    let foreign = told === undefined || told === 'none' ? undefined : SPEC_DEFINED[told];
    const spec = () => {
      if (!asked) {
        asked = true;
        foreign = specDefined(ex);
      }
      return foreign;
    };
    if (scopes.some((scope) => scope.outOfScope(ex, spec) === undefined)) continue;
    // A GraphQL request, as the analysis found: a REST convention would not judge it even if on.
    const graphql = has(o.signs, 'graphql-request');
    if (!graphql && isError(ex.status)) errors.set(pattern, (errors.get(pattern) ?? 0) + 1);
    const media = responseMediaType(ex);
    for (const sign of SIGNS) {
      if (!sign.shows(o, media)) continue;
      if (graphql && !judgeGraphql.has(sign.profile)) continue;
      const key = `${sign.profile} ${pattern}`;
      const seen = found.get(key);
      if (seen) seen.count++;
      else {
        const host = pattern.replace(/^[a-z]+:\/\//, '').replace(/\/\*$/, '');
        found.set(key, { profile: sign.profile, pattern, host, count: 1, message: '' });
      }
    }
  }
  const out: Suggestion[] = [];
  for (const s of found.values()) {
    if (s.count < MIN_SIGHTINGS) continue;
    const sign = SIGNS.find((g) => g.profile === s.profile)!;
    const total = sign.errors ? Math.max(s.count, errors.get(s.pattern) ?? 0) : s.count;
    if (s.count * 2 < total) continue;
    s.message = s.count < total ? sign.says(s.host, { count: s.count, total }) : sign.says(s.host);
    out.push(s);
  }
  return out.sort((a, b) => b.count - a.count);
}
