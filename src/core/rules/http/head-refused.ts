import { headerValue, listMembers } from '../../exchange/headers';
import { defineRule } from '../types';

/** Statuses that refuse a method: for this resource (405) or on the whole server (501). */
const REFUSALS: ReadonlySet<number> = new Set([405, 501]);

/**
 * A HEAD refused by a resource whose own Allow header says it serves GET. RFC 9110 §9.1: all
 * general-purpose servers MUST support GET and HEAD, and HEAD is GET without the content
 * (§9.3.2), so whatever answers GET can answer HEAD. Judged from the one response: an earlier
 * GET of the same URL would say the same, but remembering every GET's URL would cost every
 * exchange a session-rule lookup for a pattern this response alone shows when Allow is sent.
 */
export default defineRule({
  id: 'http/head-refused',
  group: 'core',
  severity: 'warning',
  headerOnly: true,
  description:
    'A resource that serves GET must answer HEAD too (RFC 9110 §9.1): a 405 or 501 to HEAD whose Allow lists GET contradicts it.',
  source: { label: 'RFC 9110 §9.1', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-9.1' },
  check({ exchange }) {
    if (!REFUSALS.has(exchange.status) || exchange.method.trim().toUpperCase() !== 'HEAD') return [];
    const allow = headerValue(exchange.responseHeaders, 'allow');
    if (allow === undefined) return [];
    // Method tokens are case-sensitive on the wire, but a reader would call `get` GET, as
    // http/method-not-allowed-allow does.
    const methods = listMembers(allow).map((m) => m.toUpperCase());
    if (!methods.includes('GET')) return [];
    // A 405 whose Allow lists HEAD itself is http/method-not-allowed-allow's contradiction.
    if (exchange.status === 405 && methods.includes('HEAD')) return [];
    const refusal = exchange.status === 405 ? '405 Method Not Allowed' : '501 Not Implemented';
    return [
      {
        message: `HEAD answered ${refusal}, yet Allow: ${allow.trim()} lists GET: a server must support HEAD wherever it serves GET (RFC 9110 §9.1); answer HEAD as GET, with the same status and headers and without the body`,
      },
    ];
  },
});
