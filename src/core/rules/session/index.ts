import type { SessionRule } from '../types';
import authLoop from './auth-loop';
import duplicateRequest from './duplicate-request';
import locationGone from './location-gone';
import mixedErrorFormats from './mixed-error-formats';
import nPlusOne from './n-plus-one';
import pollingWithoutValidators from './polling-without-validators';
import repeatedClientError from './repeated-client-error';
import redirectNotRemembered from './redirect-not-remembered';
import retryTooSoon from './retry-too-soon';
import retryWithoutBackoff from './retry-without-backoff';
import unsafeRetry from './unsafe-retry';

/** Rules over the sequence of exchanges (issue #18): retries first, then waste, then API design. */
export const SESSION_RULES: readonly SessionRule[] = [
  retryTooSoon,
  retryWithoutBackoff,
  unsafeRetry,
  repeatedClientError,
  authLoop,
  duplicateRequest,
  nPlusOne,
  pollingWithoutValidators,
  redirectNotRemembered,
  locationGone,
  mixedErrorFormats,
];
