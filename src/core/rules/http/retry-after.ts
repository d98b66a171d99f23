import { parseRetryAfter } from '../../catalogue/http-date';
import { quotaLeft } from '../../catalogue/retry-delay';
import { isApiCall } from '../../exchange/api-call';
import { hasHeader, headerValues } from '../../exchange/headers';
import { defineRule, type Report } from '../types';
import { isRateLimitResetHeader } from './rate-limit-names';
import { clip } from '../../text/clip';

const MAX_SHOWN = 60;

/** The first Retry-After value that is neither delay-seconds nor an HTTP-date (RFC 9110 §10.2.3). */
function invalidRetryAfter(values: readonly string[]): string | undefined {
  return values.find((v) => parseRetryAfter(v).kind === 'invalid');
}

export default defineRule({
  id: 'http/retry-after',
  group: 'core',
  severity: 'warning',
  otherSeverities: [{ severity: 'info', when: 'for a 503 without Retry-After' }],
  headerOnly: true,
  description:
    'A 429 should say when to retry (Retry-After or a rate-limit reset header): RFC 6585 only allows it, but clients widely rely on it. A 503 to an API call may say so too, and a Retry-After must be seconds or an HTTP-date.',
  source: { label: 'RFC 9110 §10.2.3', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3' },
  check({ exchange }): Report[] {
    const headers = exchange.responseHeaders;
    const retryAfter = headerValues(headers, 'retry-after');
    const bad = invalidRetryAfter(retryAfter);
    if (bad !== undefined) {
      const value = bad.trim();
      const said = value === '' ? 'an empty Retry-After' : `Retry-After: ${clip(value, MAX_SHOWN)}`;
      return [
        {
          message: `${exchange.status} response has ${said}, which is neither a number of seconds nor an HTTP-date, so clients cannot tell when to retry`,
          severity: 'warning',
        },
      ];
    }
    if (exchange.status === 429) {
      if (retryAfter.length > 0) return [];
      // A reset counts only when its own quota is spent: beside `RateLimit-Remaining: 1990` it
      // is when another quota's window rolls over, not when this 429 lifts (GitLab).
      const resets = headers.filter((h) => isRateLimitResetHeader(h.name));
      if (resets.some((h) => quotaLeft(headers, h.name) === undefined)) return [];
      const reset = resets[0];
      if (reset !== undefined) {
        const name = clip(reset.name.trim(), 40);
        return [
          {
            message: `429 Too Many Requests has no Retry-After, and its ${name} is not when this 429 lifts: it resets a quota that is not spent (${clip(quotaLeft(headers, reset.name) ?? '', 80)}), so the client cannot tell when to retry`,
          },
        ];
      }
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
      // Only a MAY for 503 (RFC 9110 §15.6.4), hence info, and only on an API call: a client
      // that can back off by it is a script's. A page's images, scripts and navigations are
      // not retried by what Retry-After says, and a third-party image host down for a page load
      // made 94 of these in one capture (pagexray_304-503.har) about nothing the user can fix.
      if (!isApiCall(exchange)) return [];
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
