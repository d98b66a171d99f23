import { rfc } from '../entries/define';
import type { OAuthErrorEntry } from './types';

/**
 * Errors a token endpoint answers (in the JSON body of a 400, or a 401 for client
 * authentication): RFC 6749 §5.2, the device grant's polling answers (RFC 8628 §3.5), DPoP's
 * (RFC 9449 §5, §8) and token exchange's refused target (RFC 8693 §2.2.2).
 */
const RFC6749 = rfc(6749, '5.2');
const DEVICE = rfc(8628, '3.5');

export const TOKEN_ERRORS: OAuthErrorEntry[] = [
  {
    code: 'invalid_request',
    context: 'token',
    ...RFC6749,
    statuses: [400],
    summary: 'The token request is malformed: a parameter is missing, repeated or not supported.',
    meaning:
      'The authorization server could not read this as a valid token request: a parameter the grant needs is absent, one appears twice, a value (other than the grant type) is not supported, or the client authenticated in more than one way at once.',
    causes: [
      'A parameter the grant needs is missing: code and redirect_uri for authorization_code, refresh_token for refresh_token',
      'The body sent as JSON where the server reads application/x-www-form-urlencoded',
      'Client credentials sent both in the Authorization header and as client_id/client_secret in the body',
    ],
    action:
      'Compare the request body with what the grant type requires; error_description usually names the parameter at fault.',
  },
  {
    code: 'invalid_client',
    context: 'token',
    ...RFC6749,
    statuses: [400, 401],
    summary:
      'Client authentication failed: the client is unknown, sent no credentials, or used a method the server does not accept.',
    meaning:
      'The server could not authenticate the client application itself (not the user). It may answer 401 with a WWW-Authenticate challenge, and must when the client authenticated through the Authorization header.',
    causes: [
      "A wrong or expired client secret, or the secret's ID pasted where its value belongs (Azure AD's AADSTS7000215)",
      'A client_id from another environment or tenant',
      'An authentication method other than the one registered: client_secret_post for a client_secret_basic client, a secret for a private_key_jwt client',
      'A client assertion JWT signed with the wrong key, expired, or addressed to another audience',
    ],
    action:
      'Check the client_id, the secret (its value and expiry) and the authentication method the client is registered for; send the credentials one way only.',
  },
  {
    code: 'invalid_grant',
    context: 'token',
    ...RFC6749,
    statuses: [400],
    summary:
      'The grant (authorization code, refresh token, password or assertion) is invalid, expired or revoked, does not match the redirect URI of the authorization request, or was issued to another client.',
    meaning:
      'The client authenticated, but what it offered in exchange for a token was refused: the authorization code, refresh token, user credentials or assertion is not valid, has expired or been revoked, does not match the redirect URI of the authorization request, or belongs to another client.',
    causes: [
      'The authorization code was used twice (a retried request, a component mounted twice, a page reload) or is past its short lifetime',
      'redirect_uri differs from the one in the authorization request, even by a trailing slash',
      'The refresh token was revoked or expired, was rotated and the old one used again, or the user changed their password or removed the app',
      'The PKCE code_verifier does not match the code_challenge',
      "A JWT assertion with a bad signature, or iat/exp outside the server's window because of clock skew",
    ],
    action:
      'Do not retry with the same grant: run the authorization again (or sign in again) for a new code or refresh token. Compare redirect_uri byte for byte, and check the clock of the machine that signs assertions.',
  },
  {
    code: 'unauthorized_client',
    context: 'token',
    ...RFC6749,
    statuses: [400],
    summary: 'The client is known but not allowed to use this grant type.',
    meaning: 'The client authenticated, but its registration does not permit the grant type it asked for.',
    causes: [
      'client_credentials, password or the device grant not enabled for this application',
      'A public client (no secret) asking for a grant only confidential clients may use',
      "Another application's client_id used for this flow",
    ],
    action:
      "Enable the grant type for the client in the authorization server's settings, or use the flow the client is registered for.",
  },
  {
    code: 'unsupported_grant_type',
    context: 'token',
    ...RFC6749,
    statuses: [400],
    summary: 'The authorization server does not support the grant_type sent.',
    meaning: 'The grant_type value names a grant this authorization server does not implement.',
    causes: [
      'A typo or a wrong URN (the device grant is urn:ietf:params:oauth:grant-type:device_code)',
      'A body the server could not read as a form (JSON, or a wrong Content-Type): some servers then report the grant type missing this way',
      'A grant the server has retired, such as password',
    ],
    action:
      "Check grant_types_supported in the server's metadata (/.well-known/openid-configuration or oauth-authorization-server) and send the body as application/x-www-form-urlencoded.",
  },
  {
    code: 'invalid_scope',
    context: 'token',
    ...RFC6749,
    statuses: [400],
    summary: 'A requested scope is invalid, unknown, malformed, or more than the user granted.',
    meaning:
      'A scope value in the token request is not one the server knows or allows this client, or a refresh asks for more than the original grant covered.',
    causes: [
      'A misspelt scope, or scopes separated by commas instead of spaces',
      "A scope not enabled for this client, or another API's scope mixed in (Azure AD's .default rules)",
      'A refresh token request asking for scopes beyond those first granted',
    ],
    action:
      'Request only scopes the client is allowed; on refresh, ask for the same scopes as were granted, or fewer.',
  },
  {
    code: 'authorization_pending',
    context: 'token',
    ...DEVICE,
    statuses: [400],
    summary: 'The user has not finished authorizing the device yet: keep polling.',
    meaning:
      'In the device authorization grant, the user has not yet approved or denied the request on their other device. An expected answer while polling, not a failure.',
    causes: ['The user has not yet entered the user code or finished signing in'],
    action:
      'Wait the interval the device authorization response gave (5 seconds when it gave none) and poll the token endpoint again.',
  },
  {
    code: 'slow_down',
    context: 'token',
    ...DEVICE,
    statuses: [400],
    summary: 'Still pending, and the client polls too fast: add 5 seconds to the interval.',
    meaning:
      'A variant of authorization_pending: keep polling, but the interval must grow by 5 seconds for this and every later request.',
    causes: [
      'Polling faster than the interval the server gave',
      'Several pollers running for the same device code',
    ],
    action: 'Add 5 seconds to the polling interval, keep it for every later request, and poll again.',
  },
  {
    code: 'access_denied',
    context: 'token',
    ...DEVICE,
    statuses: [400],
    summary: 'The user denied the device authorization request.',
    meaning:
      'In the device authorization grant, the user (or a policy) refused the request. Polling is over.',
    causes: [
      'The user chose Deny on the verification page',
      'A policy refused the user or the device (conditional access, a disabled account)',
    ],
    action: 'Stop polling and tell the user; start a new device authorization only when they ask for it.',
  },
  {
    code: 'expired_token',
    context: 'token',
    ...DEVICE,
    statuses: [400],
    summary: 'The device code has expired: start a new device authorization.',
    meaning:
      "The device_code's lifetime (expires_in of the device authorization response) is over before the user finished.",
    causes: [
      'The user took longer than expires_in',
      'Polling with a device code kept from an earlier session',
    ],
    action:
      'Stop polling; request a new device code when the user is ready, rather than restarting on your own.',
  },
  {
    code: 'invalid_target',
    context: 'token',
    ...rfc(8693, '2.2.2'),
    statuses: [400],
    summary: 'The authorization server will not issue a token for the resource or audience asked for.',
    meaning:
      'The token request named a target (a resource or audience parameter: token exchange, or resource indicators with any grant) that the authorization server is unwilling or unable to issue a token for.',
    causes: [
      'A resource value the server does not know: mistyped, another environment, or with a path or trailing slash the API is not registered with',
      'A resource that is not an absolute URI, or has a fragment (RFC 8707 requires an absolute URI without one)',
      'An audience or resource this client, or the subject token exchanged, may not obtain tokens for',
      'Several resources or audiences in one request, where the server issues a token for one at a time',
    ],
    action:
      'Compare the resource and audience values with the identifiers the authorization server has for the API, character for character; ask for one target per request if several are refused.',
  },
  {
    code: 'invalid_dpop_proof',
    context: 'token',
    ...rfc(9449, '5'),
    statuses: [400],
    summary: 'The DPoP proof sent with the token request is invalid.',
    meaning:
      'The token request carried a DPoP header whose proof JWT the authorization server rejected, so no DPoP-bound token was issued.',
    causes: [
      "htm or htu not matching the request's method and URL (scheme, host and path, without query or fragment)",
      "iat outside the server's window because of clock skew, or a jti used before",
      'A signing algorithm the server does not accept, or a key in the jwk header that does not match the signature',
    ],
    action:
      "Make a fresh proof for every request, with htm and htu matching it exactly, a new jti and the current time; check dpop_signing_alg_values_supported in the server's metadata.",
  },
  {
    code: 'use_dpop_nonce',
    context: 'token',
    ...rfc(9449, '8'),
    statuses: [400],
    summary: 'The authorization server wants its nonce in the DPoP proof: retry with the DPoP-Nonce it sent.',
    meaning:
      'The server requires each DPoP proof to carry a nonce it supplied, and this proof carried none or an old one. The DPoP-Nonce header of this response holds the value to use.',
    causes: [
      'The first token request to a server that requires nonces (expected once)',
      "A nonce from an earlier response, or a resource server's nonce, sent to the authorization server",
    ],
    action:
      'Put the DPoP-Nonce value of this response in the nonce claim of a new proof and send the request again; keep using the newest nonce the server gives.',
  },
];

/**
 * RFC 6749 §5.2's own codes, which the revocation endpoint answers too (RFC 7009 §2.2.1), so
 * `oauthError('revocation', 'invalid_client')` finds them without a second entry.
 */
export const SECTION_5_2_ERRORS: readonly OAuthErrorEntry[] = TOKEN_ERRORS.filter(
  (e) => e.origin === RFC6749.origin,
);
