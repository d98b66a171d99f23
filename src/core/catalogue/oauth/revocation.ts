import { rfc } from '../entries/define';
import type { OAuthErrorEntry } from './types';

/**
 * The one error RFC 7009 adds for its revocation endpoint (§2.2.1); the endpoint's other errors
 * are the token endpoint's (RFC 6749 §5.2). A token that is unknown or already revoked is no
 * error there: the server answers 200, since the client could do nothing about it. Revoking a
 * refresh token invalidates the grant's access tokens only at a server that revokes access
 * tokens (§2.1), so not at the one that sent this code: the advice must not promise it.
 */
export const REVOCATION_ERRORS: OAuthErrorEntry[] = [
  {
    code: 'unsupported_token_type',
    context: 'revocation',
    ...rfc(7009, '2.2.1'),
    statuses: [400],
    summary: 'The authorization server does not revoke tokens of the type presented.',
    meaning:
      'The revocation request was understood, but this server cannot revoke that kind of token: typically one that revokes refresh tokens and not access tokens (a self-contained JWT access token usually cannot be revoked before it expires).',
    causes: [
      'An access token sent to a server that revokes only refresh tokens',
      'A token_type_hint the server does not accept (some insist on refresh_token)',
    ],
    action:
      'Revoke the refresh token instead, and let the access token expire: a server that cannot revoke access tokens leaves them valid until then, even once their refresh token is revoked (RFC 7009 §2.1 asks it of servers that revoke access tokens); send token_type_hint only with access_token or refresh_token.',
  },
];
