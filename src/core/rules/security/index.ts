import type { Rule } from '../types';
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
  corsCredentialsWildcard,
  serverVersionDisclosure,
  nosniff,
  sensitiveNoStore,
];
