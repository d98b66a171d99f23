import { rfc } from '../entries/define';
import { OIDC_AUTH_ERROR } from './authorization';
import type { OAuthErrorEntry } from './types';

/**
 * Errors the authorization endpoint reports for the extensions a request may use: request
 * objects and request_uri (RFC 9101 §7, also listed by OpenID Connect Core §3.1.2.6), OpenID
 * Connect's `registration` parameter, resource indicators (RFC 8707 §2) and rich authorization
 * requests (RFC 9396 §5). They travel like the core ones, in the redirect back to the client; a
 * pushed authorization request (RFC 9126) gets them in the JSON body of its answer instead.
 */
const JAR = rfc(9101, '7');

export const AUTHORIZATION_EXTENSION_ERRORS: OAuthErrorEntry[] = [
  {
    code: 'invalid_request_uri',
    context: 'authorization',
    ...JAR,
    statuses: [],
    summary: 'The request_uri could not be used: fetching it failed, or what it holds is invalid.',
    meaning:
      'The authorization request pointed at its parameters with request_uri, and the server could not get a valid request from it: the reference is unknown, expired or unreachable, or the content behind it is invalid.',
    causes: [
      "A pushed authorization request's request_uri used after it expired (the expires_in of the push's answer is often a minute) or a second time",
      'A request_uri pushed by another client than the client_id of the authorization request',
      'A request_uri on a host the server cannot reach, or will not fetch (not https, not registered)',
    ],
    action:
      'Push (or publish) the request again and send the user to the authorization endpoint at once with the new request_uri, using it only once.',
  },
  {
    code: 'invalid_request_object',
    context: 'authorization',
    ...JAR,
    statuses: [],
    summary: 'The request object (the JWT carrying the authorization request) is invalid.',
    meaning:
      "The authorization request's parameters came as a JWT (the request parameter, or behind request_uri) and the server rejected it: its signature, its claims or its content.",
    causes: [
      'A signature the server cannot verify: another key than the one registered, or an algorithm it does not accept (none included)',
      "aud not the authorization server's issuer identifier, or iss not the client_id",
      'An expired exp, or an nbf or iat too far from the server clock',
      'A client_id in the JWT that differs from the client_id query parameter',
    ],
    action:
      "Sign with the client's registered key and an algorithm from request_object_signing_alg_values_supported in the server's metadata; set aud to the issuer, iss and client_id to the client, and a short exp from the current time.",
  },
  {
    code: 'request_not_supported',
    context: 'authorization',
    ...JAR,
    statuses: [],
    summary: 'The authorization server does not accept the request parameter (a request object by value).',
    meaning:
      'The authorization request carried its parameters as a JWT in the request parameter, which this server does not support.',
    causes: [
      'A request object sent by value to a server whose metadata has request_parameter_supported false (the default when absent)',
    ],
    action:
      'Send the parameters as ordinary query parameters, or by reference (request_uri or a pushed authorization request) if the server supports that.',
  },
  {
    code: 'request_uri_not_supported',
    context: 'authorization',
    ...JAR,
    statuses: [],
    summary: 'The authorization server does not accept the request_uri parameter.',
    meaning:
      'The authorization request referred to its parameters with request_uri, which this server does not support.',
    causes: [
      'A request_uri sent to a server whose metadata has request_uri_parameter_supported false',
      'A request_uri from a pushed authorization request sent to another server than the one it was pushed to',
    ],
    action:
      'Send the parameters in the authorization request itself, or by value in the request parameter if the server supports that.',
  },
  {
    code: 'registration_not_supported',
    context: 'authorization',
    ...OIDC_AUTH_ERROR,
    statuses: [],
    summary: 'The OpenID Provider does not accept the registration parameter.',
    meaning:
      "The authentication request passed the client's metadata inline in the registration parameter, which OpenID Connect meant for Self-Issued OpenID Providers and this provider does not support. Nothing to do with dynamic client registration's endpoint.",
    causes: ['A registration parameter sent to an ordinary OpenID Provider'],
    action:
      'Drop the registration parameter and register the client beforehand (by hand, or at the registration endpoint if the provider has one).',
  },
  {
    code: 'invalid_target',
    context: 'authorization',
    ...rfc(8707, '2'),
    statuses: [],
    summary: 'The resource named in the authorization request is invalid, missing, unknown or malformed.',
    meaning:
      'The authorization request carried a resource parameter (resource indicators) that the server refused, or lacked one the server requires.',
    causes: [
      'A resource value the server does not know: mistyped, another environment, or a path or trailing slash the API is not registered with',
      'A resource that is not an absolute URI, or has a fragment',
      'No resource parameter, where the server requires one to know which API the token is for',
    ],
    action:
      'Send the identifier the authorization server has for the API as the resource parameter, exactly as registered.',
  },
  {
    code: 'invalid_authorization_details',
    context: 'authorization',
    ...rfc(9396, '5'),
    statuses: [],
    summary: 'The authorization_details are unknown to the server or do not follow their type’s definition.',
    meaning:
      'The request carried rich authorization details (authorization_details, a JSON array of objects each with a type) and the server refused them: it must reject a type or a field it does not know, and a value that does not fit the type.',
    causes: [
      'A type the server does not support, or spelt differently from its definition',
      'A field the type does not define, or a required field missing',
      'A field of the wrong JSON type (a string where the type wants an array) or with a value the type does not allow',
    ],
    action:
      "Check each object against the server's documentation of its type (authorization_details_types_supported in its metadata lists the types), and send only the fields the type defines.",
  },
];
