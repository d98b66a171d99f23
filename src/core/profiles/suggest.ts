import { statusFamily } from '../exchange/family';
import { responseMediaType } from '../exchange/media';
import type { Exchange } from '../exchange/types';
import type { EngineSettings } from '../engine/analyze';
import { allProfiles } from './registry';
import { isApiCall } from '../exchange/api-call';
import { compileScope, hostPattern } from './scope';
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

/** What plainly shows each convention, from status, headers and URL alone (no body parsing on the panel's thread). */
const SIGNS: {
  profile: string;
  shows: (ex: Exchange, media: string) => boolean;
  says: (host: string) => string;
}[] = [
  {
    profile: 'problem',
    shows: (ex, media) =>
      (media === 'application/problem+json' || media === 'application/problem+xml') &&
      (statusFamily(ex.status) === '4xx' || statusFamily(ex.status) === '5xx'),
    says: (host) => `${host} answers errors as Problem Details: check them against that profile?`,
  },
  {
    profile: 'hal',
    shows: (_ex, media) => media === 'application/hal+json',
    says: (host) => `${host} serves HAL (application/hal+json): check its links against that profile?`,
  },
  {
    profile: 'jsonapi',
    shows: (_ex, media) => media === 'application/vnd.api+json',
    says: (host) => `${host} speaks JSON:API (application/vnd.api+json): check it against that profile?`,
  },
  {
    profile: 'graphql',
    shows: (ex, media) =>
      /\/graphql\/?$/i.test(ex.url.split(/[?#]/, 1)[0] ?? '') &&
      (media === 'application/json' || media === 'application/graphql-response+json'),
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
 * Profiles the traffic plainly follows but that do not judge it yet: off, or on with a scope
 * that leaves that host out. One suggestion per profile and host, most evidence first.
 */
export function suggestProfiles(exchanges: readonly Exchange[], settings: EngineSettings): Suggestion[] {
  const scopes = new Map<string, ReturnType<typeof compileScope>>();
  for (const p of allProfiles(settings.userProfiles ?? [])) {
    if (!settings.profiles.includes(p.doc.id)) continue;
    const own =
      settings.profileScopes && Object.prototype.hasOwnProperty.call(settings.profileScopes, p.doc.id);
    const scope: ProfileScope | undefined = own ? settings.profileScopes![p.doc.id] : p.doc.scope;
    scopes.set(p.doc.id, compileScope(scope));
  }
  const found = new Map<string, Suggestion>();
  const start = Math.max(0, exchanges.length - MAX_LOOKED_AT);
  for (let i = exchanges.length - 1; i >= start; i--) {
    const ex = exchanges[i]!;
    const media = responseMediaType(ex);
    for (const sign of SIGNS) {
      if (!sign.shows(ex, media) || !isApiCall(ex)) continue;
      const scope = scopes.get(sign.profile);
      if (scope && scope.outOfScope(ex) === undefined) continue;
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
  return [...found.values()].sort((a, b) => b.count - a.count);
}
