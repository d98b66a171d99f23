import { rfc } from '../entries/define';
import type { OAuthErrorEntry } from './types';

/**
 * Errors an authorization endpoint reports: RFC 6749 §4.1.2.1, and OpenID Connect's additions
 * for requests that forbid any user interface (`prompt=none`). They normally travel in the query
 * (or fragment) of the redirect back to the client, where no status code can carry them, so the
 * codes stand in for statuses too (`server_error` for a 500, `temporarily_unavailable` for a 503).
 */
const RFC6749 = rfc(6749, '4.1.2.1');
/** OpenID Connect's authentication errors: the prompt=none ones here, and registration_not_supported. */
export const OIDC_AUTH_ERROR = {
  origin: 'OpenID Connect Core 1.0 §3.1.2.6',
  specUrl: 'https://openid.net/specs/openid-connect-core-1_0.html#AuthError',
};
const SILENT =
  'A silent sign-in (prompt=none, often in a hidden iframe to renew tokens) that needed the user';

export const AUTHORIZATION_ERRORS: OAuthErrorEntry[] = [
  {
    code: 'invalid_request',
    context: 'authorization',
    ...RFC6749,
    statuses: [],
    summary: 'The authorization request is malformed: a parameter is missing, invalid or repeated.',
    meaning:
      "The authorization server could not accept the authorization request's parameters. When the redirect_uri or client_id itself is wrong, it shows an error page instead of redirecting back.",
    causes: [
      'A missing response_type or client_id, or a missing code_challenge where the server requires PKCE',
      'A parameter given twice',
      'A code_challenge_method the server does not support',
    ],
    action:
      "Check the authorization URL's parameters against the server's documentation; error_description usually names the one at fault.",
  },
  {
    code: 'unauthorized_client',
    context: 'authorization',
    ...RFC6749,
    statuses: [],
    summary: 'The client is not allowed to request an authorization this way.',
    meaning: "The client's registration does not permit the flow or response type it asked for.",
    causes: [
      'The authorization code or implicit flow not enabled for this application',
      "Another application's client_id used for this flow",
    ],
    action:
      "Enable the flow for the client in the authorization server's settings, or use the one it is registered for.",
  },
  {
    code: 'access_denied',
    context: 'authorization',
    ...RFC6749,
    statuses: [],
    summary: 'The user or the authorization server refused the request.',
    meaning:
      'The user declined, or the authorization server would not let the request through. A normal outcome of a sign-in, not a bug in the request.',
    causes: [
      'The user pressed Cancel or Deny on the sign-in or consent screen',
      'The user is not assigned to the application, or a policy blocked the sign-in',
      'The scopes asked for need an administrator to consent first',
    ],
    action:
      "Tell the user and let them try again; when nobody chose to deny, check the user's assignment and the consent the application needs.",
  },
  {
    code: 'unsupported_response_type',
    context: 'authorization',
    ...RFC6749,
    statuses: [],
    summary: 'The authorization server does not issue this response_type.',
    meaning: 'The response_type asked for is one this server, or this client, cannot use.',
    causes: [
      'response_type=token (the implicit flow) on a server or client that has it turned off',
      'A combination such as code id_token not enabled for the client',
    ],
    action:
      "Use a value from response_types_supported in the server's metadata; for new code, response_type=code with PKCE.",
  },
  {
    code: 'invalid_scope',
    context: 'authorization',
    ...RFC6749,
    statuses: [],
    summary: 'A requested scope is invalid, unknown or malformed.',
    meaning: 'A scope value in the authorization request is not one the server knows or allows this client.',
    causes: [
      'A misspelt scope, or scopes separated by commas instead of spaces',
      'A scope not enabled for this client',
    ],
    action: 'Request only scopes the client is allowed, separated by spaces.',
  },
  {
    code: 'server_error',
    context: 'authorization',
    ...RFC6749,
    statuses: [],
    summary: 'The authorization server failed unexpectedly (the redirect’s stand-in for a 500).',
    meaning:
      'An error inside the authorization server stopped it from answering. A redirect cannot carry a 500 status, so this code says it.',
    causes: [
      'A bug or misconfiguration on the server: a broken connection to an upstream identity provider, a failing user store',
    ],
    action:
      'Retry later; if it persists, report it to whoever runs the authorization server, with the time and error_description.',
  },
  {
    code: 'temporarily_unavailable',
    context: 'authorization',
    ...RFC6749,
    statuses: [],
    summary: 'The authorization server is overloaded or in maintenance (the redirect’s stand-in for a 503).',
    meaning:
      'The server cannot handle the request for now. A redirect cannot carry a 503 status, so this code says it.',
    causes: ['Maintenance or a load peak at the authorization server'],
    action: 'Let the user retry after a while; retry automatically only with backoff.',
  },
  {
    code: 'interaction_required',
    context: 'authorization',
    ...OIDC_AUTH_ERROR,
    statuses: [],
    summary: 'The server needs the user to interact, which prompt=none forbade.',
    meaning:
      'The request asked for no user interface at all, but the authorization server cannot complete it without showing the user something.',
    causes: [SILENT, 'A policy that asks for a second factor or another step before signing in'],
    action: 'Send the user through an interactive sign-in (without prompt=none).',
  },
  {
    code: 'login_required',
    context: 'authorization',
    ...OIDC_AUTH_ERROR,
    statuses: [],
    summary: 'The user is not signed in at the server, and prompt=none forbade asking.',
    meaning:
      'The request asked for no user interface, and the authorization server has no session for the user to answer from.',
    causes: [
      `${SILENT} after the session at the provider ended`,
      "Third-party cookies blocked, so the hidden iframe does not see the provider's session",
    ],
    action:
      'Send the user through an interactive sign-in; for token renewal in a browser app, prefer refresh tokens to hidden iframes.',
  },
  {
    code: 'account_selection_required',
    context: 'authorization',
    ...OIDC_AUTH_ERROR,
    statuses: [],
    summary: 'The user must choose an account, and prompt=none forbade asking.',
    meaning:
      'The user has several sessions at the authorization server and none was chosen; choosing needs a user interface the request ruled out.',
    causes: [`${SILENT} while signed in with more than one account`],
    action: 'Send the user through an interactive sign-in, or pass login_hint to name the account.',
  },
  {
    code: 'consent_required',
    context: 'authorization',
    ...OIDC_AUTH_ERROR,
    statuses: [],
    summary: 'The user has not consented to what is asked, and prompt=none forbade asking.',
    meaning:
      'Completing the request needs the user to consent (to a scope or claim not yet granted), which needs a user interface the request ruled out.',
    causes: [`${SILENT} after the application started asking for new scopes`],
    action: 'Send the user through an interactive sign-in so they can consent (prompt=consent if needed).',
  },
];
