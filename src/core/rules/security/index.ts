import type { Rule, SessionRule } from '../types';
import corsCredentialsWildcard from './cors-credentials-wildcard';
import internalErrorDetails from './internal-error-details';
import nosniff from './nosniff';
import secretInBody from './secret-in-body';
import secretInUrl from './secret-in-url';
import sensitiveNoStore from './sensitive-no-store';
import serverVersionDisclosure from './server-version-disclosure';
import stackTrace from './stack-trace';

export const SECURITY_RULES: readonly Rule[] = [
  stackTrace,
  internalErrorDetails,
  secretInBody,
  secretInUrl,
  nosniff,
  sensitiveNoStore,
];

/**
 * Security rules over the session: a fact about a server, reported once per origin (and value)
 * rather than on every response (src/core/session runs them with the session/* rules).
 */
export const SECURITY_SESSION_RULES: readonly SessionRule[] = [
  corsCredentialsWildcard,
  serverVersionDisclosure,
];
