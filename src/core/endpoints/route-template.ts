import { NO_URL } from '../exchange/url';

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

/** scheme://authority/path — the parts of an absolute URL, read without `new URL()`. */
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)([^?#]*)/i;

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
 * Runs for every row the panel groups or filters by route, so it reads the URL with one
 * pattern instead of `new URL()` (URLs in captures and HARs come already normalised).
 */
export function routeTemplate(url: string): { host: string; path: string } {
  const m = ABSOLUTE.exec(url);
  let host = '';
  let pathname: string;
  if (m) {
    const authority = m[1]!;
    host = authority.slice(authority.lastIndexOf('@') + 1).toLowerCase();
    pathname = m[2]!;
  } else {
    pathname = url.split(/[?#]/, 1)[0]!;
  }
  const path = pathname.split('/').map(templateSegment).join('/');
  return { host, path: path || '/' };
}

/**
 * The endpoint an exchange's URL names, as the Endpoints view groups it and the `route:` filter
 * matches it: an entry recorded without a URL (a HAR's empty request.url) is `NO_URL` with no
 * host, as every other surface names it, not a `/` route it never requested.
 */
export function exchangeRoute(url: string): { host: string; path: string } {
  return url === '' ? { host: '', path: NO_URL } : routeTemplate(url);
}
