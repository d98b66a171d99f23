import { headerValue } from '../../exchange/headers';
import { blockedAfterResponse, corsCauses, isPreflight } from '../../catalogue/hints/cors';
import { defineRule, type Report } from '../types';

/**
 * A response the browser received and then withheld from the page because the CORS check
 * failed, or a preflight that refuses the request it announces. Reported only with the cause
 * the headers show; a failure whose headers explain nothing stays a plain failed request.
 */
export default defineRule({
  id: 'http/cors-blocked',
  group: 'core',
  severity: 'warning',
  headerOnly: true,
  description:
    'A cross-origin response must pass the CORS check (Access-Control-Allow-Origin, -Credentials, and a preflight allowing the method and headers), or the browser hides it from the page.',
  source: { label: 'Fetch: CORS check', url: 'https://fetch.spec.whatwg.org/#cors-check' },
  check({ exchange }): Report[] {
    const preflight = isPreflight(exchange);
    if (!preflight && !blockedAfterResponse(exchange)) return [];
    // "*" with Access-Control-Allow-Credentials: true is security/cors-credentials-wildcard's finding.
    const wildcardReported =
      headerValue(exchange.responseHeaders, 'access-control-allow-credentials') === 'true';
    const sent =
      exchange.serverStatus !== undefined ? ` after the server answered ${exchange.serverStatus}` : '';
    const lead = preflight
      ? 'This preflight refuses the request it asks about'
      : `The browser blocked this response${sent} (${exchange.failure?.trim().slice(0, 40) ?? 'net::ERR_FAILED'})`;
    return corsCauses(exchange)
      .filter((c) => !(wildcardReported && c.kind === 'wildcard-with-credentials'))
      .map((c) => ({ message: `${lead}: ${c.text}` }));
  },
});
