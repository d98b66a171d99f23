import { notApiCallReason } from '../exchange/api-call';
import { specDefined, type SpecDefined, type SpecDefinedKind } from '../exchange/spec-defined';
import type { Exchange } from '../exchange/types';
import { splitUrl } from '../exchange/url';
import type { ProfileScope, ScopeRequests } from './types';

/**
 * Glob match where `*` stands for any run of characters (none included). Iterative with one
 * back-tracking point, so it is linear in practice and never explodes on hostile input.
 */
export function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (star !== -1) {
      p = star + 1;
      t = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

export interface UrlPattern {
  scheme: string;
  host: string;
  /** True when the host pattern names a port; otherwise any port matches. */
  hasPort: boolean;
  path: string;
}

/** Parses `scheme://host[:port]/path`, `*` allowed in each part. Undefined when it is not one. */
export function parseUrlPattern(pattern: string): UrlPattern | undefined {
  const m = /^(\*|https?):\/\/([^/?#\s]+)(\/[^?#\s]*)?$/i.exec(pattern.trim());
  if (!m) return undefined;
  const host = m[2]!.toLowerCase();
  if (!/^[a-z0-9.*\-[\]:]+$/.test(host)) return undefined;
  const hasPort = /:(\d+|\*)$/.test(host) && !host.endsWith(']');
  return { scheme: m[1]!.toLowerCase(), host, hasPort, path: m[3] ?? '/' };
}

/** Why a URL pattern is invalid, for validation messages; undefined when it is fine. */
export function urlPatternProblem(pattern: string): string | undefined {
  return parseUrlPattern(pattern)
    ? undefined
    : `${JSON.stringify(pattern)} is not a URL pattern like "https://api.example.com/v2/*" (scheme http, https or *, a host with * wildcards, an optional path prefix)`;
}

function matchesPattern(p: UrlPattern, url: { scheme: string; host: string; path: string }): boolean {
  if (p.scheme !== '*' && p.scheme !== url.scheme) return false;
  const host = p.hasPort ? url.host : url.host.replace(/:\d+$/, '');
  if (!globMatch(p.host, host)) return false;
  // The path is a prefix: "/v2/" and "/v2/*" cover everything below; "/v2" covers /v2 and /v2/… but not /v20.
  if (p.path.endsWith('*')) return globMatch(p.path, url.path);
  if (p.path.endsWith('/')) return globMatch(`${p.path}*`, url.path);
  return globMatch(p.path, url.path) || globMatch(`${p.path}/*`, url.path);
}

/**
 * Why an exchange on a scope's URLs is still out of it: not an API call (the scope takes API
 * calls only), a request another specification defines (OAuth 2.0 token, well-known URI,
 * GraphQL), or a method the scope does not list.
 */
/** `other-kind`: not the one kind of request the scope is limited to (`requests`). */
export type LeftOutReason = 'not-api-call' | SpecDefinedKind | 'other-kind' | 'method';

/** A scope compiled once, asked per exchange. */
export interface CompiledScope {
  /**
   * Undefined when the exchange is in scope; otherwise why not, for the Overview. `foreign`
   * gives specDefined(ex) when the caller asks several scopes about one exchange (the engine
   * asks it once for all its profiles: it may parse a request body).
   */
  outOfScope(ex: Exchange, foreign?: () => SpecDefined | undefined): string | undefined;
  /**
   * For an exchange the scope's URLs hold (any, without URLs) that is out of scope all the same:
   * why, in the order outOfScope asks. Undefined when it is in scope or its URL is outside:
   * what `status-lens lint` counts to say why a profile matched nothing on its own URLs.
   */
  leftOutOnItsUrls(ex: Exchange, foreign?: () => SpecDefined | undefined): LeftOutReason | undefined;
}

/** What a scope limited to one kind of request (`scope.requests`) says of an exchange of another kind. */
const NOT_OF_KIND: Readonly<Record<ScopeRequests, string>> = {
  graphql: 'it is not a GraphQL request (its body or query carries no GraphQL document)',
};

/**
 * `judges`: the spec-defined requests the profile is made for and judges after all (a profile
 * running GraphQL checks judges GraphQL requests: registry.ts); every other kind stays out. A
 * scope limited to GraphQL requests (`requests: "graphql"`) judges them too: it is made for them.
 * Whether an exchange is a GraphQL request is read from `foreign` (exchange/spec-defined.ts), so
 * the detector runs once per exchange however many scopes ask.
 */
export function compileScope(
  scope: ProfileScope | undefined,
  judges: readonly SpecDefinedKind[] = [],
): CompiledScope {
  const patterns = (scope?.urls ?? []).map(parseUrlPattern).filter((p): p is UrlPattern => p !== undefined);
  const methods = scope?.methods?.map((m) => m.toUpperCase());
  const apiOnly = scope?.apiCallsOnly !== false;
  const anyUrl = scope?.urls === undefined || scope.urls.length === 0;
  const methodHeld = (ex: Exchange) => !methods || methods.includes(ex.method.toUpperCase());
  const urlHeld = (ex: Exchange) => {
    if (anyUrl) return true;
    const url = splitUrl(ex.url);
    return url !== undefined && patterns.some((p) => matchesPattern(p, url));
  };
  const only = scope?.requests;
  const judged: readonly SpecDefinedKind[] = only && !judges.includes(only) ? [...judges, only] : judges;
  return {
    outOfScope(ex, foreign = () => specDefined(ex)) {
      if (apiOnly) {
        const why = notApiCallReason(ex);
        if (why) return why;
      }
      // Whatever the scope says: another specification defines these answers, not the API's
      // convention; only a profile made for that specification judges them.
      const spec = foreign();
      if (spec && !judged.includes(spec.kind)) return spec.reason;
      // A value this version does not know (a newer version's stored scope) holds nothing either.
      if (only && spec?.kind !== only) return NOT_OF_KIND[only] ?? `it is not a ${String(only)} request`;
      if (!methodHeld(ex)) return `its method ${ex.method} is not in scope`;
      if (!urlHeld(ex)) return 'its URL is outside the scope';
      return undefined;
    },
    leftOutOnItsUrls(ex, foreign = () => specDefined(ex)) {
      if (!urlHeld(ex)) return undefined;
      if (apiOnly && notApiCallReason(ex)) return 'not-api-call';
      const spec = foreign();
      if (spec && !judged.includes(spec.kind)) return spec.kind;
      if (only && spec?.kind !== only) return 'other-kind';
      return methodHeld(ex) ? undefined : 'method';
    },
  };
}

/** "Applies to …": a scope in words, for the options page and the panel's Profiles control. */
export function describeScope(scope: ProfileScope | undefined): string {
  const urls = scope?.urls?.length ? scope.urls.join(', ') : 'any host';
  const methods = scope?.methods?.length ? ` (${scope.methods.join(', ')})` : '';
  const all = scope?.apiCallsOnly === false;
  const kind =
    scope?.requests === 'graphql'
      ? all
        ? 'every GraphQL request'
        : 'GraphQL requests'
      : all
        ? 'every request'
        : 'API calls';
  return `${kind} to ${urls}${methods}`;
}

/** The scope that enables a profile for one origin, as the panel's "this host" button does. */
export function hostPattern(url: string): string | undefined {
  const u = splitUrl(url);
  if (!u || (u.scheme !== 'http' && u.scheme !== 'https')) return undefined;
  return `${u.scheme}://${u.host}/*`;
}
