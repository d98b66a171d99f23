import { statusFamily } from '../../exchange/family';
import { hasHeader } from '../../exchange/headers';
import { isKnownEmpty } from '../../exchange/media';
import type { Exchange } from '../../exchange/types';
import { defineRule, type Report } from '../types';

/**
 * Errors whose explanation is a header the status requires anyway: the challenge of a 401
 * (RFC 9110 §15.5.2), the Allow of a 405 (§15.5.6), and the failed precondition of a 412, which
 * names the request's own conditional header (§15.5.13). An empty body there costs little.
 */
function explainedByHeaders(ex: Exchange): string | undefined {
  if (ex.status === 401 && hasHeader(ex.responseHeaders, 'www-authenticate')) return 'WWW-Authenticate';
  if (ex.status === 405 && hasHeader(ex.responseHeaders, 'allow')) return 'Allow';
  if (ex.status === 412) return "the request's preconditions";
  return undefined;
}

export default defineRule({
  id: 'body/empty-error',
  group: 'core',
  severity: 'warning',
  description: 'A 4xx or 5xx response should explain the error in its body.',
  source: { label: 'RFC 9110 §15.5', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5' },
  check({ exchange }): Report[] {
    const family = statusFamily(exchange.status);
    if ((family !== '4xx' && family !== '5xx') || exchange.method.toUpperCase() === 'HEAD') return [];
    if (!isKnownEmpty(exchange)) return [];
    const section = family === '4xx' ? 'RFC 9110 §15.5' : 'RFC 9110 §15.6';
    const header = explainedByHeaders(exchange);
    if (header !== undefined) {
      return [
        {
          severity: 'info',
          message: `${exchange.status} to ${exchange.method} has an empty body; ${header} explains the error, but ${section} still asks for a short explanation`,
        },
      ];
    }
    return [
      {
        message: `${exchange.status} to ${exchange.method} has an empty body: nothing tells the client what went wrong (${section})`,
      },
    ];
  },
});
