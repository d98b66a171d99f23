import { headerValues } from '../../exchange/headers';
import { SAFE_METHODS } from '../../exchange/methods';
import { isOAuthTokenRequest } from '../../exchange/spec-defined';
import { splitUrl } from '../../exchange/url';
import { rfcSection } from '../shared/sources';
import { defineRule } from '../types';

const TARGET_IS_RESOURCE = new Set(['PUT', 'PATCH']);

/**
 * Last path segments of endpoints that hand out a credential, a token or a session, rather than
 * make a resource with a URL of its own: GitHub's `POST /app/installations/{id}/access_tokens`,
 * a portal's `POST /api/authenticate`, `/login`, `/sessions`. What they create has no URL for
 * Location to give, so RFC 9110 §9.3.3's SHOULD (which is about a created resource) asks nothing
 * a reviewer could act on; the finding says so, as an info. `signup` creates a user: not here.
 */
const CREDENTIAL_ENDPOINT =
  /^(?:(?:(?:access|refresh|auth|id|session|api)[-_]?)?tokens?|sessions?|log-?in|sign-?in|sign_in|signon|authenticate|auth)$/;

/** The request path's last segment, lower-cased and without a file extension, or '' for `/`. */
function lastSegment(url: string): string {
  const parts = (splitUrl(url)?.path ?? '')
    .toLowerCase()
    .split('/')
    .filter((s) => s !== '');
  return (parts[parts.length - 1] ?? '').replace(/\.[a-z0-9]{1,5}$/, '');
}

export default defineRule({
  id: 'http/created-location',
  group: 'core',
  severity: 'warning',
  otherSeverities: [{ severity: 'info', when: 'for a 201 from a token or session endpoint' }],
  headerOnly: true,
  description:
    'A 201 Created to a POST should say where the new resource is with a Location header; a 201 to another method that does not name the resource (PUT and PATCH do) leaves none identified.',
  source: rfcSection(9110, '9.3.3'),
  check({ exchange }) {
    if (exchange.status !== 201 || TARGET_IS_RESOURCE.has(exchange.method)) return [];
    // A 201 to a safe method is wrong in itself (http/status-method-mismatch says so): asking it
    // to name "the new resource" would tell the server to keep creating on a read.
    const method = exchange.method.toUpperCase();
    if (SAFE_METHODS.has(method)) return [];
    // An empty Location names nothing, so it counts as missing (as in http/redirect-location).
    const values = headerValues(exchange.responseHeaders, 'location');
    if (values.some((v) => v.trim() !== '')) return [];
    // A token has no URL to give: the advice is RFC 6749's status, not a Location.
    if (isOAuthTokenRequest(exchange))
      return [
        {
          message: `201 Created answers an OAuth 2.0 token request, which names no new resource: RFC 6749 §5.1 answers it 200 OK`,
          source: rfcSection(6749, '5.1'),
        },
      ];
    const what =
      values.length > 0 ? 'an empty Location header where it should name' : 'no Location header naming';
    if (method !== 'POST') {
      // RFC 9110 §9.3.3's SHOULD is POST's; for any other method §15.3.2 says what a 201 without
      // Location means: the target URI is the new resource, which a DELETE (say) cannot have made.
      return [
        {
          message: `201 Created to ${exchange.method} has ${what} the new resource: without one, RFC 9110 §15.3.2 takes the request's own URL to be it`,
          source: rfcSection(9110, '15.3.2'),
        },
      ];
    }
    const segment = lastSegment(exchange.url);
    if (CREDENTIAL_ENDPOINT.test(segment))
      return [
        {
          severity: 'info',
          message: `201 Created to POST …/${segment} has no Location header; if what it issued (a token, a session) has no URL of its own, there is nothing to name and 200 OK says what happened; if it has one, send it in Location (RFC 9110 §9.3.3)`,
        },
      ];
    return [
      {
        message: `201 Created to POST has ${what} the new resource (RFC 9110 §9.3.3: a POST that creates a resource should answer 201 with a Location)`,
      },
    ];
  },
});
