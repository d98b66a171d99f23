import type { Exchange } from '../exchange/types';
import { authHints } from './hints/auth';
import { isCorsPreflight } from '../exchange/api-call';
import { corsCauses } from './hints/cors';
import { failureHints } from './hints/failure';
import { retryHints } from './hints/retry';
import type { Hint } from './hints/types';
import { vendorHints } from './hints/vendor';

export type { Hint, HintKind } from './hints/types';
export { detectVendor } from './hints/vendor';

/**
 * Plain-language hints drawn from a response's headers: who sent the status, what an auth
 * challenge asks for, when to retry, and why a CORS check failed. Header values are untrusted: this never throws.
 */
export function statusHints(exchange: Exchange, now: Date = new Date()): Hint[] {
  const when = now instanceof Date && !Number.isNaN(now.getTime()) ? now : new Date();
  try {
    if (exchange.status === 0) return failureHints(exchange);
    const hints: Hint[] = [...vendorHints(exchange)];
    if (exchange.status === 401 || exchange.status === 403 || exchange.status === 407)
      hints.push(...authHints(exchange));
    hints.push(...retryHints(exchange, when));
    // The browser records a refusing preflight as an ordinary 2xx; the request it was asking
    // for then fails with no response, so the reason is only visible here.
    if (isCorsPreflight(exchange))
      for (const c of corsCauses(exchange)) hints.push({ kind: 'cors', text: c.text });
    return hints;
  } catch {
    // Hints are advice on top of the analysis; an exchange corrupted beyond its declared type
    // (say, a HAR header without a name) must cost the hints, not the panel.
    return [];
  }
}
