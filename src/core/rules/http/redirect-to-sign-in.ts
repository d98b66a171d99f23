import { isApiCall } from '../../exchange/api-call';
import { headerValue } from '../../exchange/headers';
import { resolveHttpUrl, splitUrl } from '../../exchange/url';
import { defineRule } from '../types';

const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Path segments that name a sign-in page wherever they stand (`/login.jsp`, `/users/sign_in`, `/cas/login`). */
const SIGN_IN = /^(?:log-?[io]n|sign-?[io]n|sign_in|signon|sso)$/;
/**
 * Segments that name one only as the last (`/oauth2/authorize`, Keycloak's `…/openid-connect/auth`):
 * elsewhere `auth` is as often an API's own folder (`/api/auth/session`). In a Location they
 * count only as an authorization endpoint does: on another origin (an identity provider), or
 * with an authorization request's parameters (OAUTH_QUERY). A same-origin `/auth` without them
 * is as often an API's own endpoint (a session check, a token refresh) as a page.
 */
const SIGN_IN_LAST = /^(?:auth|authorize|authenticate)$/;
/** Parameters of an OAuth 2.0 authorization request (RFC 6749 §4.1.1) that a Location may carry. */
const OAUTH_QUERY = ['client_id', 'response_type', 'redirect_uri'] as const;
/** A request to these pages is signing in or out itself: being sent on to a sign-in page is its answer. */
const SIGNING = /^(?:log-?[io](?:n|ut)|sign-?[io](?:n|ut)|sign_(?:in|out)|signon|signoff|sso|logoff)$/;

/** The path's segments in lower case, each without a file extension (`Login.aspx` → `login`). */
function segments(path: string): string[] {
  return path
    .toLowerCase()
    .split('/')
    .filter((s) => s !== '')
    .map((s) => s.replace(/\.[a-z0-9]{1,5}$/, ''));
}

/**
 * Whether a path has a segment `anywhere` matches, or (when `last` allows) ends in `auth` or its
 * kin (SIGN_IN_LAST). The Location is a sign-in page by SIGN_IN; the request signs in or out
 * itself by SIGNING: `/oauth2/authorize` is an authorization request, `/api/auth/me` an API call
 * whose redirect to the sign-in page is the trap this rule is about.
 */
function namesPage(path: string, anywhere: RegExp, last: boolean): boolean {
  const parts = segments(path);
  if (parts.some((s) => anywhere.test(s))) return true;
  const end = parts[parts.length - 1];
  return last && end !== undefined && SIGN_IN_LAST.test(end);
}

export default defineRule({
  id: 'http/redirect-to-sign-in',
  group: 'core',
  severity: 'warning',
  headerOnly: true,
  description:
    'An API call (fetch/XHR, or a request for JSON or XML) redirected to a sign-in page: a script cannot sign in there, and following the redirect gets it an HTML page instead of an answer it can act on. An API says "sign in first" with 401 and a WWW-Authenticate challenge.',
  source: { label: 'RFC 9110 §15.5.2', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2' },
  check({ exchange }) {
    if (!REDIRECTS.has(exchange.status)) return [];
    const location = headerValue(exchange.responseHeaders, 'location')?.trim();
    if (!location) return [];
    const target = resolveHttpUrl(location, exchange.url);
    if (!target) return [];
    const sameOrigin = resolveHttpUrl(exchange.url, exchange.url)?.origin === target.origin;
    const authorization = !sameOrigin || OAUTH_QUERY.some((p) => target.searchParams.has(p));
    if (!namesPage(target.pathname, SIGN_IN, authorization)) return [];
    const own = splitUrl(exchange.url);
    if (own && namesPage(own.path, SIGNING, true)) return [];
    // Navigations and the page's own loads are meant to reach the sign-in page; only a call a
    // script makes (or one asking for JSON or XML) cannot use it.
    if (!isApiCall(exchange)) return [];
    // Only the page, never its query: a sign-in URL carries state, return addresses and SAML requests.
    const shown = `${sameOrigin ? '' : target.origin}${target.pathname}`;
    return [
      {
        message: `${exchange.status} sends this API call to a sign-in page (${shown}): a script cannot sign in there, and one that follows the redirect gets an HTML page instead of an answer it can read. Answer 401 with a WWW-Authenticate challenge (or 403 when signing in would not help), so the client can ask the user to sign in again`,
      },
    ];
  },
});
