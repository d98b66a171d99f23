import { headerValue, headerValues } from '../../exchange/headers';
import { isOAuthAuthorizationRequest, isOAuthTokenRequest } from '../../exchange/spec-defined';
import type { Exchange } from '../../exchange/types';
import { isJsonObject, member, type JsonValue } from '../../json/walk';
import { hasOAuthErrorShape } from '../../server-message/extract';
import { parseChallenges } from '../auth-challenge';
import { allOAuthErrors, oauthError, oauthErrorsNamed, type OAuthErrorContext } from './index';
import {
  isClientRegistrationRequest,
  isClientUpdateRequest,
  isIntrospectionRequest,
  isPostedAuthorizationRequest,
  isPushedAuthorizationRequest,
  isRevocationOrIntrospectionRequest,
} from './requests';

/** A code of the OAuth error catalogue found in an exchange, and where. */
export interface OAuthErrorSighting {
  code: string;
  context: OAuthErrorContext;
  /**
   * `challenge`: a `WWW-Authenticate: Bearer` or `DPoP` challenge's `error`; `body`: the JSON
   * body's `error` member; `redirect`: the `error` parameter of a redirect's Location.
   */
  from: 'challenge' | 'body' | 'redirect';
}

/** Schemes whose challenges carry the OAuth resource errors: RFC 6750 §3, RFC 9449 §7.1. */
const TOKEN_SCHEMES = new Set(['bearer', 'dpop']);
const KNOWN_CODES = new Set(allOAuthErrors().map((e) => e.code));

/**
 * The catalogue's codes this exchange reports, challenge first; an unknown code is no sighting
 * (the Overview shows it among the server's words only). Read in the engine, where the body is
 * parsed and the request body is at hand.
 *
 * A challenge's `error` is always a protected resource's; a redirect's, an authorization
 * endpoint's (fromRedirect). A body's `error` string counts when the request is a token request
 * (its codes are the token endpoint's) or an authorization request, and on an error status when
 * the request is one requests.ts knows by its body and the code is one that endpoint answers: an
 * authorization request POSTed as a form, a pushed authorization request, a client update (RFC 7592), a revocation or introspection (one
 * the other cannot be told from is headed as either), a client registration. On any other
 * request only when the answer is an error status in RFC 6749 §5.2's shape (`error` with
 * `error_description` or `error_uri`): a resource error, a token endpoint's code answering a
 * POST (a token endpoint whose request the recorder hid), or a code only the revocation or
 * registration endpoint defines answering a POST. A bare `{"error": "invalid_grant"}` from
 * another API is that API's own word, not explained.
 */
export function recogniseOAuthErrors(ex: Exchange, json: JsonValue | undefined): OAuthErrorSighting[] {
  const found: OAuthErrorSighting[] = [];
  for (const value of headerValues(ex.responseHeaders, 'WWW-Authenticate')) {
    for (const ch of parseChallenges(value).challenges) {
      const code = ch.params.get('error');
      if (!TOKEN_SCHEMES.has(ch.scheme.toLowerCase()) || code === undefined) continue;
      if (oauthError('resource', code) && !found.some((s) => s.code === code))
        found.push({ code, context: 'resource', from: 'challenge' });
    }
  }
  for (const seen of [fromBody(ex, json), fromRedirect(ex)]) {
    if (seen && !found.some((s) => s.code === seen.code && s.context === seen.context)) found.push(seen);
  }
  return found;
}

/** A Location longer than this is read no further: an error redirect is a few parameters. */
const MAX_LOCATION = 8192;

/**
 * An authorization endpoint's error, sent back to the client in the redirect (RFC 6749
 * §4.1.2.1: the query; §4.2.2.1 and `response_mode=fragment`: the fragment). It counts when the
 * request was an authorization request (in the query, or a form POSTed so: a PAR endpoint never
 * redirects, requests.ts), or when the redirect also carries `state` (a sign-in
 * form's POST redirecting back with `?error=access_denied&state=…`); a bare `?error=` is any
 * site's own parameter.
 */
function fromRedirect(ex: Exchange): OAuthErrorSighting | undefined {
  if (ex.status < 300 || ex.status > 399) return undefined;
  const location = headerValue(ex.responseHeaders, 'Location')?.slice(0, MAX_LOCATION);
  if (location === undefined || !location.includes('error=')) return undefined;
  const hash = location.indexOf('#');
  const beforeHash = hash < 0 ? location : location.slice(0, hash);
  const question = beforeHash.indexOf('?');
  for (const part of [
    question < 0 ? '' : beforeHash.slice(question + 1),
    hash < 0 ? '' : location.slice(hash + 1),
  ]) {
    const params = new URLSearchParams(part);
    const code = params.get('error');
    if (code === null) continue;
    if (!oauthError('authorization', code)) return undefined;
    return params.has('state') || isOAuthAuthorizationRequest(ex) || isPostedAuthorizationRequest(ex)
      ? { code, context: 'authorization', from: 'redirect' }
      : undefined;
  }
  return undefined;
}

function fromBody(ex: Exchange, json: JsonValue | undefined): OAuthErrorSighting | undefined {
  if (!isJsonObject(json)) return undefined;
  const code = member(json, 'error');
  // Cheap tests first: most bodies have no `error` string the catalogue knows.
  if (typeof code !== 'string' || !KNOWN_CODES.has(code)) return undefined;
  const context = bodyContext(ex, json, code);
  return context && oauthError(context, code) ? { code, context, from: 'body' } : undefined;
}

function bodyContext(
  ex: Exchange,
  body: { [key: string]: JsonValue },
  code: string,
): OAuthErrorContext | undefined {
  if (isOAuthTokenRequest(ex)) return 'token';
  if (isOAuthAuthorizationRequest(ex)) return 'authorization';
  const status = ex.status === 0 ? (ex.serverStatus ?? 0) : ex.status;
  if (status < 400) return undefined;
  // The endpoints known by their request explain only the codes they answer (with what they borrow).
  if (isPostedAuthorizationRequest(ex)) return known('authorization', code);
  if (isPushedAuthorizationRequest(ex)) return known('pushed-authorization', code);
  if (isClientUpdateRequest(ex)) return known('client-configuration', code);
  const tokenQuery = tokenQueryContext(ex, code);
  if (tokenQuery !== undefined) return tokenQuery ?? undefined;
  const own = ownEndpoint(code);
  if (own) return ownEndpointContext(ex, body, own);
  if (!hasOAuthErrorShape(body)) return undefined;
  if (oauthError('resource', code)) return 'resource';
  return ex.method.toUpperCase() === 'POST' && oauthError('token', code) ? 'token' : undefined;
}

const known = (context: OAuthErrorContext, code: string) => (oauthError(context, code) ? context : undefined);

/**
 * A revocation or introspection request's code (RFC 7009 §2.2.1, RFC 7662 §2.3: RFC 6749 §5.2's,
 * plus revocation's own unsupported_token_type). A bearer-authorized one is an introspection
 * (requests.ts), where revocation's code is none (null); otherwise a code only revocation
 * defines says revocation, and §5.2's are headed as sent to either endpoint, which the request
 * does not tell apart. Other codes (undefined) are read on as on any request: a refused bearer
 * token of the caller is a protected resource's error (RFC 7662 §2.3 answers it per RFC 6750 §3).
 */
function tokenQueryContext(ex: Exchange, code: string): OAuthErrorContext | null | undefined {
  if (!isRevocationOrIntrospectionRequest(ex)) return undefined;
  const revocationOwn = oauthError('revocation', code)?.context === 'revocation';
  if (isIntrospectionRequest(ex)) return revocationOwn ? null : known('introspection', code);
  if (revocationOwn) return 'revocation';
  return known('revocation-or-introspection', code);
}

/** The endpoints whose codes are their own: no other place sends them. */
type OwnEndpoint = 'revocation' | 'registration';
const IS_REQUEST_TO: Readonly<Record<OwnEndpoint, (ex: Exchange) => boolean>> = {
  revocation: isRevocationOrIntrospectionRequest,
  registration: isClientRegistrationRequest,
};

/** The revocation or registration endpoint, for a code defined there and nowhere else. */
function ownEndpoint(code: string): OwnEndpoint | undefined {
  const places = oauthErrorsNamed(code);
  const only = places.length === 1 ? places[0]!.context : undefined;
  return only === 'revocation' || only === 'registration' ? only : undefined;
}

/**
 * Such a code counts on a request to its endpoint, with or without a description; on a request
 * the recorder hid (a POST that reads as neither endpoint's, like a token request with its
 * secrets removed) only in §5.2's shape; never on the other endpoint's request.
 */
function ownEndpointContext(
  ex: Exchange,
  body: { [key: string]: JsonValue },
  own: OwnEndpoint,
): OwnEndpoint | undefined {
  if (IS_REQUEST_TO[own](ex)) return own;
  const other = own === 'revocation' ? 'registration' : 'revocation';
  if (IS_REQUEST_TO[other](ex)) return undefined;
  return ex.method.toUpperCase() === 'POST' && hasOAuthErrorShape(body) ? own : undefined;
}
