import { parseRetryAfter } from '../../catalogue/http-date';
import { hasHeader, headerValues } from '../../exchange/headers';
import { defineRule, type Report } from '../types';
import { isRateLimitResetHeader } from './rate-limit-names';

const MAX_SHOWN = 60;

/** The first Retry-After value that is neither delay-seconds nor an HTTP-date (RFC 9110 §10.2.3). */
function invalidRetryAfter(values: readonly string[]): string | undefined {
  return values.find((v) => parseRetryAfter(v).kind === 'invalid');
}

export default defineRule({
  id: 'http/retry-after',
  group: 'core',
  severity: 'warning',
  headerOnly: true,
  description:
    'A 429 should say when to retry (Retry-After or a rate-limit reset header): RFC 6585 only allows it, but clients widely rely on it. A 503 may say so too, and a Retry-After must be seconds or an HTTP-date.',
  source: { label: 'RFC 9110 §10.2.3', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3' },
  check({ exchange }): Report[] {
    const headers = exchange.responseHeaders;
    const retryAfter = headerValues(headers, 'retry-after');
    const bad = invalidRetryAfter(retryAfter);
    if (bad !== undefined) {
      const value = bad.trim();
      const shown =
        value === ''
          ? 'an empty Retry-After'
          : `Retry-After: ${value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN - 1)}…` : value}`;
      return [
        {
          message: `${exchange.status} response has ${shown}, which is neither a number of seconds nor an HTTP-date, so clients cannot tell when to retry`,
          severity: 'warning',
        },
      ];
    }
    if (exchange.status === 429) {
      if (retryAfter.length > 0 || headers.some((h) => isRateLimitResetHeader(h.name))) return [];
      // RFC 6585 §4 says a 429 MAY include Retry-After; it is the convention clients and SDKs
      // back off by, and without any hint they fall back to guessing, often too fast.
      return [
        {
          message:
            '429 Too Many Requests has no Retry-After, RateLimit, RateLimit-Reset or X-RateLimit-Reset (X-Rate-Limit-Reset, …-Reset-After) header, so the client cannot tell when to retry',
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
