/** A URL's parts as matching needs them: lower-cased scheme and host (with port), raw path and query. */
export interface UrlParts {
  scheme: string;
  host: string;
  /** The path, `/` when the URL has none. */
  path: string;
  /** `?…` or ''. */
  query: string;
}

/**
 * Splits `scheme://host/path?query`; undefined for anything else (junk from a HAR, `data:`).
 * A regular expression, not new URL(): cheaper per exchange and total on any input.
 */
export function splitUrl(url: string): UrlParts | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?/i.exec(url);
  if (!m) return undefined;
  return { scheme: m[1]!.toLowerCase(), host: m[2]!.toLowerCase(), path: m[3] || '/', query: m[4] ?? '' };
}

/** `host[:port]` of split URL parts, lower-cased, without user info (the panel's `domain:` filter). */
export function hostOfParts(parts: Pick<UrlParts, 'host'>): string {
  const at = parts.host.lastIndexOf('@');
  return at < 0 ? parts.host : parts.host.slice(at + 1);
}

/**
 * `scheme://host[:port]` of split URL parts, lower-cased, without user info: the one origin key
 * rules group by (session rules, security/server-version-disclosure). No port is added or
 * dropped: a default port written out stays, as the recorder wrote it.
 */
export function originOfParts(parts: Pick<UrlParts, 'scheme' | 'host'>): string {
  return `${parts.scheme}://${hostOfParts(parts)}`;
}

/** The origin (originOfParts) of `scheme://…`; undefined for anything else (junk, `data:`). */
export function urlOrigin(url: string): string | undefined {
  const parts = splitUrl(url);
  return parts && originOfParts(parts);
}

/**
 * The absolute http(s) URL that `ref` (a `Location`, a link) names against `base`, without its
 * fragment; undefined for junk and other schemes. `new URL()`: for the few URLs a rule resolves,
 * not for every exchange.
 */
export function resolveHttpUrl(ref: string, base: string): URL | undefined {
  try {
    const u = new URL(ref, base);
    u.hash = '';
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What stands for the URL of an entry that has none (a HAR entry whose request.url is empty):
 * the panel's list and detail, the JUnit report's test case name, and the endpoint such entries
 * are grouped under (endpoints/route-template.ts: the Endpoints view, `route:`, capture diffs).
 */
export const NO_URL = '(no URL)';
