import { isPageLoad } from '../../exchange/api-call';
import { headerValue, headerValues } from '../../exchange/headers';
import { isHtmlMediaType, isJsonMediaType, mediaTypeOf, responseMediaType } from '../../exchange/media';
import type { Exchange } from '../../exchange/types';
import { splitUrl } from '../../exchange/url';
import { isJsonObject, member, type JsonValue } from '../../json/walk';

/**
 * Requests to the endpoints whose errors are read by where they were sent (revocation,
 * introspection, client registration and configuration, pushed authorization requests), told
 * apart by what they send: endpoints are named freely. The one exception is a tie-breaker, where
 * the request's parameters are the same (a form POSTed to the authorization endpoint or pushed:
 * isPostedAuthorizationRequest), as spec-defined.ts reads a token request whose body the
 * recorder hid by its endpoint's name. Each is read only for an error answer whose code the
 * catalogue explains there (recognise.ts). A client configuration read or delete (RFC 7592 §2.1,
 * §2.3: a GET or DELETE with a bearer token, no body) cannot be told from any API call so, and is
 * not recognised.
 */

/** These requests are a few parameters; longer bodies are not read. */
const MAX_REQUEST_CHARS = 16_384;

function readableBody(ex: Exchange, method = 'POST'): { text: string; type: string } | undefined {
  if (ex.method.toUpperCase() !== method) return undefined;
  const body = ex.requestBody;
  if (!body || body.text.length > MAX_REQUEST_CHARS) return undefined;
  return { text: body.text, type: mediaTypeOf(body.mimeType) };
}

/** A POST's parameters when its body is a form (or untyped), else undefined. */
function formParams(ex: Exchange): URLSearchParams | undefined {
  const body = readableBody(ex);
  if (!body || (body.type !== '' && body.type !== 'application/x-www-form-urlencoded')) return undefined;
  return new URLSearchParams(body.text);
}

const filled = (params: URLSearchParams, name: string) => (params.get(name) ?? '') !== '';

/**
 * A token revocation (RFC 7009 §2.1) or introspection (RFC 7662 §2.1) request: a form-encoded
 * POST with a non-empty `token` and no `grant_type`. The two send the same parameters, so the
 * body alone does not say which.
 */
export function isRevocationOrIntrospectionRequest(ex: Exchange): boolean {
  if (!ex.requestBody?.text.includes('token=')) return false;
  const params = formParams(ex);
  return params !== undefined && filled(params, 'token') && !params.has('grant_type');
}

/**
 * Such a request authorized with a bearer token is an introspection: RFC 7662 §2.1 lets the
 * protected resource call with an access token, where a revocation's client authenticates as at
 * the token endpoint (RFC 7009 §2.1, RFC 6749 §2.3). Without that header (or with its value
 * redacted) the request may be either.
 */
export function isIntrospectionRequest(ex: Exchange): boolean {
  return (
    isRevocationOrIntrospectionRequest(ex) &&
    headerValues(ex.requestHeaders, 'Authorization').some((v) => /^\s*bearer\s+\S/i.test(v))
  );
}

/**
 * A form POST of an authorization request's parameters (RFC 9126 §2.1): a non-empty `client_id`
 * with a `response_type` or a request object (`request`), and neither `grant_type` nor `token`
 * (a token, revocation or introspection request). Pushed, or sent to the authorization endpoint.
 */
function authorizationForm(ex: Exchange): URLSearchParams | undefined {
  if (!ex.requestBody?.text.includes('client_id=')) return undefined;
  const params = formParams(ex);
  const shaped =
    params !== undefined &&
    filled(params, 'client_id') &&
    (filled(params, 'response_type') || filled(params, 'request')) &&
    !params.has('grant_type') &&
    !params.has('token');
  return shaped ? params : undefined;
}

/** Client authentication (RFC 6749 §2.3): a pushed request sends it; a browser's request to the authorization endpoint cannot. */
function clientAuthenticates(ex: Exchange, params: URLSearchParams): boolean {
  return (
    headerValue(ex.requestHeaders, 'Authorization') !== undefined ||
    params.has('client_secret') ||
    params.has('client_assertion')
  );
}

/**
 * The authorization endpoint's names: `/authorize` (Auth0, Okta, Microsoft, Spring, Duende),
 * Keycloak's `…/openid-connect/auth`, Google's `/o/oauth2/v2/auth`, PingFederate's
 * `/as/authorization.oauth2`. A pushed authorization request endpoint is named for PAR instead
 * (`/par`, `/as/par.oauth2`, Keycloak's `…/ext/par/request`).
 */
const AUTHORIZATION_ENDPOINT = /\/(?:authorize|authorization|auth)(?:\.[a-z0-9]+)?\/?$/;

/** A PAR answer is a few members; a longer body is not read for one. */
const MAX_ANSWER_CHARS = 16_384;

/**
 * The PAR endpoint's success (RFC 9126 §2.2): 201 Created with a JSON object holding the
 * `request_uri` the client then sends to the authorization endpoint (and its `expires_in`). No
 * authorization endpoint issues one.
 */
function issuesRequestUri(ex: Exchange): boolean {
  if (ex.status !== 201 || ex.body.kind !== 'text' || ex.body.text.length > MAX_ANSWER_CHARS) return false;
  if (!ex.body.text.includes('request_uri')) return false;
  try {
    const v: unknown = JSON.parse(ex.body.text);
    return isJsonObject(v) && typeof member(v, 'request_uri') === 'string';
  } catch {
    return false;
  }
}

/**
 * Where the answer says an authorization request's form went, when it says. The PAR endpoint
 * answers JSON only: 201 with a `request_uri` (RFC 9126 §2.2), or an error object (§2.3). The
 * authorization endpoint never issues a `request_uri`: it redirects back to the client (RFC 6749
 * §4.1.2, §4.1.2.1) or shows the user a page (sign-in, consent, an error it must not redirect,
 * OpenID Connect's form_post answer). So a request_uri means pushed, and a redirect or an HTML
 * page (a 5xx page may be a proxy's, so only under 500) the authorization endpoint. A JSON error,
 * or no answer, says neither for sure: §2.3's form, but some authorization endpoints answer a
 * script's POST so.
 */
function answeredAs(ex: Exchange): 'pushed' | 'authorization' | undefined {
  if (issuesRequestUri(ex)) return 'pushed';
  if (ex.status >= 300 && ex.status < 400 && headerValue(ex.responseHeaders, 'Location') !== undefined)
    return 'authorization';
  if (ex.status >= 200 && ex.status < 500 && isHtmlMediaType(responseMediaType(ex))) return 'authorization';
  return undefined;
}

/**
 * An authorization request sent as a form POST (OpenID Connect Core §3.1.2.1 lets the
 * authorization endpoint take one): the same parameters as a pushed one, so told apart by what
 * else the exchange shows. The answer decides when it says (answeredAs: a `request_uri` is
 * pushed; a redirect or a page is the authorization endpoint's). Otherwise, one that
 * authenticates the client is pushed (the browser that carries an authorization request holds
 * no client secret); one a page sent as a navigation (a form's submit: resource type `document`,
 * or an Accept that takes HTML) goes to the authorization endpoint, since a pushed request's
 * answer is JSON for the client to read. Otherwise the URL breaks the tie: a path ending in the
 * authorization endpoint's name.
 */
export function isPostedAuthorizationRequest(ex: Exchange): boolean {
  const params = authorizationForm(ex);
  if (params === undefined) return false;
  const answer = answeredAs(ex);
  if (answer !== undefined) return answer === 'authorization';
  if (clientAuthenticates(ex, params)) return false;
  if (isPageLoad(ex)) return true;
  return AUTHORIZATION_ENDPOINT.test(splitUrl(ex.url)?.path.toLowerCase() ?? '');
}

/**
 * A pushed authorization request (RFC 9126 §2.1): a form POST of an authorization request's
 * parameters that is not an authorization request posted to the authorization endpoint (above).
 * Such a form is read only for a JSON error answering it (recognise.ts): the form of RFC 9126
 * §2.3's answers, where the authorization endpoint redirects or shows the user a page.
 */
export function isPushedAuthorizationRequest(ex: Exchange): boolean {
  return authorizationForm(ex) !== undefined && !isPostedAuthorizationRequest(ex);
}

/** A JSON object of client metadata: `redirect_uris` (an array) or `software_statement` (a string). */
function clientMetadata(text: string): { [key: string]: JsonValue } | undefined {
  if (!text.includes('redirect_uris') && !text.includes('software_statement')) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return isJsonObject(v) &&
      (Array.isArray(member(v, 'redirect_uris')) || typeof member(v, 'software_statement') === 'string')
      ? v
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A client registration request (RFC 7591 §3.1): a POST of a JSON object of client metadata,
 * known by `redirect_uris` (an array) or `software_statement` (a string), the members only a
 * registration sends.
 */
export function isClientRegistrationRequest(ex: Exchange): boolean {
  const body = readableBody(ex);
  if (!body || (body.type !== '' && !isJsonMediaType(body.type))) return false;
  return clientMetadata(body.text) !== undefined;
}

/**
 * A client update at the client configuration endpoint (RFC 7592 §2.2): a PUT of the client's
 * metadata as JSON, which must carry its `client_id`.
 */
export function isClientUpdateRequest(ex: Exchange): boolean {
  const body = readableBody(ex, 'PUT');
  if (!body || (body.type !== '' && !isJsonMediaType(body.type))) return false;
  const metadata = clientMetadata(body.text);
  return metadata !== undefined && typeof member(metadata, 'client_id') === 'string';
}
