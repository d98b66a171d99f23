import type { Rule } from '../types';
import acceptedTracking from './accepted-tracking';
import corsBlocked from './cors-blocked';
import createdLocation from './created-location';
import date from './date';
import expectationFailedWithoutExpect from './expectation-failed-without-expect';
import headRefused from './head-refused';
import imUsedWithoutAIm from './im-used-without-a-im';
import methodNotAllowedAllow from './method-not-allowed-allow';
import noBodyOn204 from './no-body-on-204';
import noBodyOn205 from './no-body-on-205';
import noBodyOn304 from './no-body-on-304';
import noBodyOnHead from './no-body-on-head';
import preconditionFailedWithoutCondition from './precondition-failed-without-condition';
import proxyAuthChallenge from './proxy-auth-challenge';
import rangeContentRange from './range-content-range';
import rateLimitHeaders from './rate-limit-headers';
import redirectLocation from './redirect-location';
import redirectToSignIn from './redirect-to-sign-in';
import retryAfter from './retry-after';
import retryAfterOnSuccess from './retry-after-on-success';
import statusMethodMismatch from './status-method-mismatch';
import statusObsolete from './status-obsolete';
import statusUnregistered from './status-unregistered';
import unauthorizedChallenge from './unauthorized-challenge';
import upgradeRequiredUpgrade from './upgrade-required-upgrade';

/** Core rules first (status validity, then per-status requirements), opt-in rules last. */
export const HTTP_RULES: readonly Rule[] = [
  statusUnregistered,
  statusObsolete,
  statusMethodMismatch,
  preconditionFailedWithoutCondition,
  expectationFailedWithoutExpect,
  imUsedWithoutAIm,
  noBodyOn204,
  noBodyOn205,
  noBodyOn304,
  noBodyOnHead,
  createdLocation,
  acceptedTracking,
  redirectLocation,
  redirectToSignIn,
  unauthorizedChallenge,
  proxyAuthChallenge,
  methodNotAllowedAllow,
  headRefused,
  retryAfter,
  retryAfterOnSuccess,
  rangeContentRange,
  upgradeRequiredUpgrade,
  corsBlocked,
  date,
  rateLimitHeaders,
];
