import { hostOfParts, NO_URL, splitUrl } from '../exchange/url';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^\d+$/;
const HEX_HASH = /^[0-9a-f]{12,}$/i;
// Opaque ids such as Mongo ObjectIds, ULIDs or base64url tokens: long, and mixing letters with digits.
const OPAQUE = /^(?=.*\d)(?=.*[a-z])[A-Za-z0-9_-]{20,}$/i;

/** A path segment (or JSON member name) that names one thing, not a kind of thing: 42, a UUID, a hash. */
export function isIdSegment(seg: string): boolean {
  // Most segments are short words: only digits make a short one an id (the rest need 12+ characters).
  if (seg.length < 12) return NUMBER.test(seg);
  return NUMBER.test(seg) || UUID.test(seg) || HEX_HASH.test(seg) || OPAQUE.test(seg);
}

/** A path segment as the route shows it: `{id}` when it reads as an id (after percent-decoding), else itself. */
export function templateSegment(seg: string): string {
  let decoded = seg;
  if (seg.includes('%')) {
    try {
      decoded = decodeURIComponent(seg);
    } catch {
      // A malformed escape is left as it was.
    }
  }
  return isIdSegment(decoded) ? '{id}' : seg;
}

/**
 * `/users/42/orders/9f1c…` → `/users/{id}/orders/{id}`: the route a request most likely hit.
 * Runs for every row the panel groups or filters by route, so it reads the URL with splitUrl
 * instead of `new URL()` (URLs in captures and HARs come already normalised). A URL that is not
 * `scheme://…` (a relative one in a hand-made HAR) is all path, with no host.
 */
export function routeTemplate(url: string): { host: string; path: string } {
  const parts = splitUrl(url);
  const pathname = parts ? parts.path : url.split(/[?#]/, 1)[0]!;
  const path = pathname.split('/').map(templateSegment).join('/');
  return { host: parts ? hostOfParts(parts) : '', path: path || '/' };
}

/**
 * The endpoint an exchange's URL names, as the Endpoints view groups it and the `route:` filter
 * matches it: an entry recorded without a URL (a HAR's empty request.url) is `NO_URL` with no
 * host, as every other surface names it, not a `/` route it never requested.
 */
export function exchangeRoute(url: string): { host: string; path: string } {
  return url === '' ? { host: '', path: NO_URL } : routeTemplate(url);
}
