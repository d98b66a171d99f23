import { hasHeader } from '../../exchange/headers';
import { defineRule } from '../types';

/** Any of these tells a rate-limited client when it may try again. */
const RATE_LIMIT_HINTS = ['retry-after', 'ratelimit-reset', 'ratelimit', 'x-ratelimit-reset'] as const;

export default defineRule({
  id: 'http/retry-after',
  group: 'core',
  severity: 'warning',
  headerOnly: true,
  description:
    'A 429 should say when to retry (Retry-After or a RateLimit reset header); a 503 may say so with Retry-After.',
  source: { label: 'RFC 9110 §10.2.3', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3' },
  check({ exchange }) {
    const headers = exchange.responseHeaders;
    if (exchange.status === 429) {
      if (RATE_LIMIT_HINTS.some((h) => hasHeader(headers, h))) return [];
      // RFC 6585 §4 suggests Retry-After; without any hint clients fall back to guessing, often too fast.
      return [
        {
          message:
            '429 Too Many Requests has no Retry-After, RateLimit-Reset, RateLimit or X-RateLimit-Reset header, so the client cannot tell when to retry',
        },
      ];
    }
    if (exchange.status === 503) {
      if (hasHeader(headers, 'retry-after')) return [];
      // Only a MAY for 503 (RFC 9110 §15.6.4), hence info.
      return [
        {
          message: '503 Service Unavailable has no Retry-After header saying how long the outage may last',
          severity: 'info',
        },
      ];
    }
    return [];
  },
});
