import { rfc } from '../entries/define';
import type { OAuthErrorEntry } from './types';

/**
 * Errors of the client registration endpoint of dynamic client registration (RFC 7591 §3.2.2):
 * a 400 whose JSON body names the code. The request is a POST of the client's metadata as JSON
 * (redirect_uris, grant_types, a software_statement…).
 */
const DCR = rfc(7591, '3.2.2');

export const REGISTRATION_ERRORS: OAuthErrorEntry[] = [
  {
    code: 'invalid_redirect_uri',
    context: 'registration',
    ...DCR,
    statuses: [400],
    summary: 'One or more of the redirect_uris sent for registration is invalid.',
    meaning:
      "The registration request listed a redirect URI the server will not register: malformed, or against the server's policy for redirect URIs.",
    causes: [
      'A plain http URI on a host other than localhost, where the server requires https',
      'A relative URI, or one with a fragment',
      "A host or custom scheme the server's policy (or the software statement) does not allow for this kind of client",
    ],
    action:
      'Register absolute https URIs without fragments (http only for a loopback address, where the server allows it); error_description usually names the URI refused.',
  },
  {
    code: 'invalid_client_metadata',
    context: 'registration',
    ...DCR,
    statuses: [400],
    summary: 'A client metadata field in the registration request has an invalid value.',
    meaning:
      'The server rejected the registration because the value of a client metadata field is invalid, rather than put a valid value of its own in its place (which it may also do).',
    causes: [
      'grant_types and response_types that do not go together (the authorization_code grant without the code response type)',
      'A token_endpoint_auth_method, grant type or scope the server does not support or allow',
      'Both jwks and jwks_uri given, where only one may be',
    ],
    action:
      'Compare the metadata with what the server supports (grant_types_supported, token_endpoint_auth_methods_supported in its metadata); error_description usually names the field.',
  },
  {
    code: 'invalid_software_statement',
    context: 'registration',
    ...DCR,
    statuses: [400],
    summary: 'The software statement presented is invalid.',
    meaning:
      'The registration request carried a software_statement (a signed JWT vouching for the client software) that the server could not accept: malformed, wrongly signed, or with invalid claims.',
    causes: [
      'Not a signed JWT, or one signed with a key the server cannot verify',
      'A statement past its exp, or otherwise outside its validity',
      'A statement changed or re-encoded on the way (it must be sent exactly as issued)',
    ],
    action:
      'Get a current statement from its issuer and send it unchanged; check it is signed with a key the server can verify.',
  },
  {
    code: 'unapproved_software_statement',
    context: 'registration',
    ...DCR,
    statuses: [400],
    summary: 'The software statement is not approved for use at this authorization server.',
    meaning:
      'The server read the software statement but does not accept it here: the software, or the party that issued the statement, is not approved by this authorization server.',
    causes: [
      'A statement issued by an authority this server does not trust (another federation or directory)',
      "Software not (yet) approved by the server's operator",
    ],
    action:
      "Ask the authorization server's operator to approve the software or its issuer, or use a statement from an issuer the server trusts.",
  },
];
