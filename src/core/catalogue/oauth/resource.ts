import { rfc } from '../entries/define';
import type { OAuthErrorEntry } from './types';

/**
 * Errors a protected resource (an API) reports about the access token it was sent, in a
 * `WWW-Authenticate: Bearer` (RFC 6750 §3.1) or `DPoP` (RFC 9449 §7.1, §9) challenge, some
 * servers repeating them in the body. The summaries are also the challenge hints' words
 * (hints/auth.ts).
 */
const BEARER = rfc(6750, '3.1');

export const RESOURCE_ERRORS: OAuthErrorEntry[] = [
  {
    code: 'invalid_request',
    context: 'resource',
    ...BEARER,
    statuses: [400],
    summary:
      'The request itself is malformed: a missing or repeated parameter, or the token sent in more than one way. Fix the request rather than the token.',
    meaning:
      'The API could not read the request well enough to judge the token: a parameter is missing, unsupported or repeated, or the token came in more than one way.',
    causes: [
      'The access token sent in the Authorization header and again in the query or body',
      'A malformed Authorization header: no space after Bearer, the token in quotes, two schemes',
    ],
    action: 'Send the token once, as Authorization: Bearer <token>, and check the parameters the API names.',
  },
  {
    code: 'invalid_token',
    context: 'resource',
    ...BEARER,
    statuses: [401],
    summary:
      'The token was rejected: it is expired, revoked, malformed, or issued for another environment or audience. Get a new token and retry.',
    meaning:
      'The API received an access token and refused it. Asking for a new token and retrying may succeed; sending the same one again will not.',
    causes: [
      'The token expired (check exp, and clock skew between the machines)',
      'A token issued for another API (aud), by another issuer or from another environment',
      'A signature the API cannot verify: signing keys rotated, or the wrong tenant',
      'An ID token sent where an access token is expected',
      'The token was revoked, or the user signed out',
    ],
    action:
      'Refresh the access token (or sign in again) and retry once; if a fresh token is refused too, compare its aud, iss and scopes with what the API expects.',
  },
  {
    code: 'insufficient_scope',
    context: 'resource',
    ...BEARER,
    statuses: [403],
    summary:
      'The token is valid but lacks the scope this call needs. Ask for a token with that scope; a fresh token with the same scopes will not help.',
    meaning:
      'The API accepted the token but the request needs more privileges than it carries. The challenge may name the scope needed.',
    causes: [
      'The client never asked for the scope the endpoint needs',
      'The user or an administrator did not consent to that scope',
      'A token for a narrower role or API used where a broader one is needed',
    ],
    action:
      'Request a token with the scope the challenge names (the user may have to consent again), then retry.',
  },
  {
    code: 'invalid_dpop_proof',
    context: 'resource',
    ...rfc(9449, '7.1'),
    statuses: [401],
    summary: 'The DPoP proof sent with the request is invalid.',
    meaning:
      'The API refused the DPoP proof that accompanied a DPoP-bound access token, so it did not accept the token either.',
    causes: [
      "htm or htu not matching the request's method and URL",
      'ath missing or not the hash of the access token sent',
      'A proof signed with a key other than the one the token is bound to',
      "iat outside the API's window because of clock skew, or a jti used before",
    ],
    action:
      'Make a fresh proof for every request, with htm, htu and ath matching it, signed with the key the token was bound to.',
  },
  {
    code: 'use_dpop_nonce',
    context: 'resource',
    ...rfc(9449, '9'),
    statuses: [401],
    summary: 'The API wants its nonce in the DPoP proof: retry with the DPoP-Nonce it sent.',
    meaning:
      'The API requires each DPoP proof to carry a nonce it supplied, and this proof carried none or an old one. The DPoP-Nonce header of this response holds the value to use.',
    causes: [
      'The first request to an API that requires nonces (expected once)',
      "The authorization server's nonce sent to the API: each server's nonces are its own",
    ],
    action:
      'Put the DPoP-Nonce value of this response in the nonce claim of a new proof and send the request again.',
  },
];
