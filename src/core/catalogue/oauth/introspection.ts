import { rfc } from '../entries/define';
import type { OAuthErrorEntry } from './types';

/**
 * The introspection endpoint's one error of its own (RFC 7662 §2.3): a caller whose client
 * credentials are refused gets a 401 in RFC 6749 §5.2's form. Its other §5.2 codes are explained
 * by the token endpoint's entries (index.ts). A token that is expired, revoked or unknown is no
 * error there: a properly authorized query for it is answered 200 with `"active": false`, so
 * the advice must not read this code as a verdict on the token asked about.
 */
export const INTROSPECTION_ERRORS: OAuthErrorEntry[] = [
  {
    code: 'invalid_client',
    context: 'introspection',
    ...rfc(7662, '2.3'),
    statuses: [401],
    summary:
      'The introspection endpoint refused the credentials of the caller (usually a resource server), not the token it was asked about.',
    meaning:
      'The caller could not be authenticated as a client, and RFC 7662 answers that with a 401 in the token endpoint’s error format. It says nothing about the token sent for introspection: a token that is expired, revoked or unknown is answered 200 with "active": false, not with an error.',
    causes: [
      "The resource server's client_id or secret is wrong, expired, or from another environment",
      'Credentials sent in a way the server does not accept for this client (in the body where it expects HTTP Basic, or the reverse)',
      'No credentials at all: the endpoint must require authorization (RFC 7662 §2.1), so an anonymous call is refused',
    ],
    action:
      'Fix the credentials (or the authentication method) the caller uses at the introspection endpoint. Do not treat the token being checked as invalid because of this answer: only "active": false says that.',
  },
];
