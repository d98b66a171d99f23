import { rfc } from '../entries/define';
import type { OAuthErrorEntry } from './types';

/**
 * The pushed authorization request endpoint's error of its own wording (RFC 9126 §2.3). Its
 * errors take the token endpoint's form (a JSON body) with the codes of RFC 6749 §5.2 and
 * §4.1.2.1 and of the extensions the request uses; the ones whose explanation holds there are
 * borrowed from the authorization and token endpoints' entries (index.ts). invalid_request is
 * not: at this endpoint it also stands for what the authorization endpoint shows the user on a
 * page instead of redirecting (a missing or mismatching redirect URI), and for the pushed
 * request that is not a signed request object where one is required.
 */
export const PUSHED_AUTHORIZATION_ERRORS: OAuthErrorEntry[] = [
  {
    code: 'invalid_request',
    context: 'pushed-authorization',
    ...rfc(9126, '2.3'),
    statuses: [400],
    summary:
      'The pushed authorization request was refused: a parameter is missing, invalid or not allowed there, or the redirect URI is wrong.',
    meaning:
      'The authorization server would not store the authorization request pushed to it, so it issued no request_uri. Besides a malformed request, this code covers what the authorization endpoint would show the user on a page rather than redirect with, such as a missing, invalid or mismatching redirect_uri.',
    causes: [
      'A request_uri among the pushed parameters: a pushed request must not carry one (RFC 9126 §2.1)',
      'A redirect_uri missing, or not one registered for the client',
      "Plain parameters where the server's or the client's policy requires a signed request object",
      'A missing response_type or client_id, or a parameter given twice',
    ],
    action:
      "Push the parameters an authorization request would carry, form-encoded in the POST body along with the client's authentication, without request_uri; error_description usually names the parameter at fault.",
  },
];
