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

/** What plainly shows each convention: status, headers, and the signs the analysis read from the bodies. */
const SIGNS: {
  profile: string;
  shows: (o: Observed, media: string) => boolean;
  says: (host: string) => string;
}[] = [
  {
    profile: 'problem',
    shows: ({ exchange }, media) =>
      (media === 'application/problem+json' || media === 'application/problem+xml') &&
      isError(exchange.status),
    says: (host) => `${host} answers errors as Problem Details: check them against that profile?`,
  },
  {
    profile: 'hal',
    shows: (o, media) => media === 'application/hal+json' || has(o.signs, 'hal-links'),
    says: (host) =>
      `${host} serves HAL (_links, application/hal+json): check its links against that profile?`,
  },
  {
    profile: 'envelope',
    shows: (o) => has(o.signs, 'envelope-lists'),
    says: (host) =>
      `${host} answers errors with "errors"/"msg" lists: check them against the JSON envelope profile?`,
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
 * Profiles the traffic plainly follows (on MIN_SIGHTINGS responses or more) but that do not judge
 * it yet: off, or on with a scope that leaves that host out, and no profile of the user's on there
 * runs the convention's checks. One suggestion per profile and host, most evidence first.
 */
export function suggestProfiles(observed: readonly Observed[], settings: EngineSettings): Suggestion[] {
  // Per convention (a built-in's id, the `group` of its checks), the scopes of the enabled
  // profiles that run any of its checks: the built-in itself, or a profile of your own that names
  // them in `checks` (Problem Details errors with your own statuses and headers).
  const scopes = new Map<string, ReturnType<typeof compileScope>[]>();
  // Profiles that would judge a GraphQL request if on (registry.ts judgedSpecs, or a scope made for them).
  const judgeGraphql = new Set<string>();
  for (const p of allProfiles(settings.userProfiles ?? [])) {
    const own = settings.profileScopes && Object.hasOwn(settings.profileScopes, p.doc.id);
    const scope: ProfileScope | undefined = own ? settings.profileScopes![p.doc.id] : p.doc.scope;
    if (p.judges.includes('graphql') || scope?.requests === 'graphql') judgeGraphql.add(p.doc.id);
    if (!settings.profiles.includes(p.doc.id)) continue;
    const compiled = compileScope(scope, p.judges);
    for (const group of new Set(p.rules.map((r) => r.group))) {
      const list = scopes.get(group);
      if (list) list.push(compiled);
      else scopes.set(group, [compiled]);
    }
  }
  const found = new Map<string, Suggestion>();
  const start = Math.max(0, observed.length - MAX_LOOKED_AT);
  for (let i = observed.length - 1; i >= start; i--) {
    const o = observed[i]!;
    const ex = o.exchange;
    const media = responseMediaType(ex);
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
    // A GraphQL request, as the analysis found: a REST convention would not judge it even if on.
    const graphql = has(o.signs, 'graphql-request');
    for (const sign of SIGNS) {
      if (!sign.shows(o, media) || !isApiCall(ex)) continue;
      if (graphql && !judgeGraphql.has(sign.profile)) continue;
      if (scopes.get(sign.profile)?.some((scope) => scope.outOfScope(ex, spec) === undefined)) continue;
      const pattern = hostPattern(ex.url);
      if (!pattern) continue;
      const key = `${sign.profile} ${pattern}`;
      const seen = found.get(key);
      if (seen) seen.count++;
      else {
        const host = pattern.replace(/^[a-z]+:\/\//, '').replace(/\/\*$/, '');
        found.set(key, { profile: sign.profile, pattern, host, count: 1, message: sign.says(host) });
      }
    }
  }
  return [...found.values()].filter((s) => s.count >= MIN_SIGHTINGS).sort((a, b) => b.count - a.count);
}
