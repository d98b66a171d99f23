import type { RetryAdvice } from './types';

/**
 * What each retry advice tells a person, in the one wording every surface shows (the panel's
 * Overview, `status-lens explain`). Sentence case, no final stop: callers punctuate.
 */
export const RETRY_LABEL: Readonly<Record<RetryAdvice, string>> = {
  never: 'Do not retry as is',
  'after-fixing-request': 'Retry only after fixing the request',
  'after-reauthenticating': 'Retry after authenticating again',
  'after-retry-after': 'Retry after the time the server gives',
  'with-backoff': 'Retry with exponential backoff',
  'if-idempotent': 'Retry only if the request is idempotent',
  'on-new-connection': 'Retry at once on a new connection',
};
