/**
 * Rate-limit header names shared by http/rate-limit-headers and http/retry-after. Names are
 * compared lower-cased.
 */

/** Pre-standard spellings: `X-RateLimit-*` (GitHub, Discord, most gateways) and `X-Rate-Limit-*` (Twitter/X). */
export const PRE_STANDARD_PREFIXES: readonly string[] = ['x-ratelimit-', 'x-rate-limit-'];

/**
 * Pre-standard fields that say outright when a throttled client may call again, as a Unix time or
 * seconds: CrowdStrike's `X-RateLimit-RetryAfter` (beside `X-RateLimit-Remaining: 0`) and its
 * hyphenated spellings. Lower-cased, after the prefix.
 */
export const PRE_STANDARD_RETRY_AFTER: readonly string[] = ['retryafter', 'retry-after'];

/**
 * True for a header that tells a throttled client when its quota resets: the draft standard's
 * `RateLimit` (its `t` parameter) and `RateLimit-Reset`, or a pre-standard `…-Reset` field and
 * its variants — `X-RateLimit-Reset`, `X-Rate-Limit-Reset`, Discord's `X-RateLimit-Reset-After`,
 * OpenAI's `X-RateLimit-Reset-Requests` — or a pre-standard retry time (`X-RateLimit-RetryAfter`).
 * `Retry-After` is checked on its own.
 */
export function isRateLimitResetHeader(name: string): boolean {
  const n = name.toLowerCase();
  if (n === 'ratelimit' || n === 'ratelimit-reset') return true;
  for (const prefix of PRE_STANDARD_PREFIXES) {
    if (!n.startsWith(prefix)) continue;
    const rest = n.slice(prefix.length);
    if (rest === 'reset' || rest.startsWith('reset-') || PRE_STANDARD_RETRY_AFTER.includes(rest)) return true;
  }
  return false;
}
