import { headerValue } from '../../exchange/headers';
import { responseArrived } from '../../exchange/outcome';
import { isCorsPreflight } from '../../exchange/api-call';
import { blockedAfterResponse, corsCauses } from '../../catalogue/hints/cors';
import { defineRule, type Report } from '../types';

/**
 * A response the browser received and then withheld from the page because the CORS check
 * failed, or a preflight that refuses the request it announces. Reported only with the causes
 * the headers show, as one finding per blocked exchange that lists every cause (a refusing
 * preflight often has three: one exchange, one thing to fix); a failure whose headers explain
 * nothing, or that got no response at all, stays a plain failed request.
 */
/** "The response has…" → "the response has…"; a header name ("Access-Control-…") keeps its case. */
const continued = (sentence: string) => sentence.replace(/^(The|A|An) /, (w) => w.toLowerCase());

export default defineRule({
  id: 'http/cors-blocked',
  group: 'core',
  severity: 'warning',
  headerOnly: true,
  description:
    'A cross-origin response must pass the CORS check (Access-Control-Allow-Origin, -Credentials, and a preflight allowing the method and headers), or the browser hides it from the page.',
  source: { label: 'Fetch: CORS check', url: 'https://fetch.spec.whatwg.org/#cors-check' },
  check({ exchange }): Report[] {
    // A preflight that got no answer at all (net::ERR_CONNECTION_REFUSED: nothing listened)
    // has no headers to refuse anything with: the failure is the connection's, and the
    // request it guarded failed the same way.
    if (!responseArrived(exchange)) return [];
    const preflight = isCorsPreflight(exchange);
    if (!preflight && !blockedAfterResponse(exchange)) return [];
    // "*" with Access-Control-Allow-Credentials: true is security/cors-credentials-wildcard's finding.
    const wildcardReported =
      headerValue(exchange.responseHeaders, 'access-control-allow-credentials') === 'true';
    const sent =
      exchange.serverStatus !== undefined ? ` after the server answered ${exchange.serverStatus}` : '';
    const lead = preflight
      ? 'This preflight refuses the request it asks about'
      : `The browser blocked this response${sent} (${exchange.failure?.trim().slice(0, 40) ?? 'net::ERR_FAILED'})`;
    const causes = corsCauses(exchange).filter(
      (c) => !(wildcardReported && c.kind === 'wildcard-with-credentials'),
    );
    if (causes.length === 0) return [];
    // The causes are sentences (the panel shows them alone); after "…: " one reads on in lower case.
    if (causes.length === 1) return [{ message: `${lead}: ${continued(causes[0]!.text)}` }];
    const listed = causes.map((c, i) => `(${i + 1}) ${c.text}`).join(' ');
    return [{ message: `${lead}, for ${causes.length} reasons: ${listed}` }];
  },
});
