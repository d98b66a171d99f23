import type { RegistryStanding, RetryAdvice } from '../../../core/catalogue/types';

export const STANDING_LABEL: Record<RegistryStanding, string> = {
  iana: 'Registered with IANA',
  temporary: 'Provisionally registered',
  unused: 'Registered, marked unused',
  obsolete: 'Registered, now obsolete',
  unofficial: 'Unofficial (vendor-specific)',
  browser: 'Browser network error (no HTTP response)',
  unassigned: 'Unassigned: not in the registry',
  invalid: 'Not a valid HTTP status',
};

export const RETRY_LABEL: Record<RetryAdvice, string> = {
  never: 'Do not retry as is',
  'after-fixing-request': 'Retry after fixing the request',
  'after-reauthenticating': 'Retry after authenticating again',
  'after-retry-after': 'Retry after the time the server gives',
  'with-backoff': 'Retry with exponential backoff',
  'if-idempotent': 'Retry only if the request is idempotent',
  'on-new-connection': 'Retry at once on a new connection',
};
