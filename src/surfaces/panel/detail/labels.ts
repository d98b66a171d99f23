import type { RetryAdvice } from '../../../core/catalogue/types';

export const RETRY_LABEL: Record<RetryAdvice, string> = {
  never: 'Do not retry as is',
  'after-fixing-request': 'Retry after fixing the request',
  'after-reauthenticating': 'Retry after authenticating again',
  'after-retry-after': 'Retry after the time the server gives',
  'with-backoff': 'Retry with exponential backoff',
  'if-idempotent': 'Retry only if the request is idempotent',
  'on-new-connection': 'Retry at once on a new connection',
};
