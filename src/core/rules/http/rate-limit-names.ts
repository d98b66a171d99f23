/**
 * Rate-limit header names shared by http/rate-limit-headers and http/retry-after. Names are
 * compared lower-cased.
 */

/** Pre-standard spellings: `X-RateLimit-*` (GitHub, Discord, most gateways) and `X-Rate-Limit-*` (Twitter/X). */
export const PRE_STANDARD_PREFIXES: readonly string[] = ['x-ratelimit-', 'x-rate-limit-'];

/**
 * True for a header that tells a throttled client when its quota resets: the draft standard's
 * `RateLimit` (its `t` parameter) and `RateLimit-Reset`, or a pre-standard `…-Reset` field and
 * its variants — `X-RateLimit-Reset`, `X-Rate-Limit-Reset`, Discord's `X-RateLimit-Reset-After`,
 * OpenAI's `X-RateLimit-Reset-Requests`. `Retry-After` is checked on its own.
 */
export function isRateLimitResetHeader(name: string): boolean {
  const n = name.toLowerCase();
  if (n === 'ratelimit' || n === 'ratelimit-reset') return true;
  for (const prefix of PRE_STANDARD_PREFIXES) {
    if (!n.startsWith(prefix)) continue;
    const rest = n.slice(prefix.length);
    if (rest === 'reset' || rest.startsWith('reset-')) return true;
  }
  return false;
}
