import { headerValue, listMembers } from '../../exchange/headers';
import { defineRule } from '../types';

export default defineRule({
  id: 'http/method-not-allowed-allow',
  group: 'core',
  severity: 'error',
  headerOnly: true,
  description:
    'A 405 Method Not Allowed must list the methods the resource does support in an Allow header, and that list cannot include the rejected method.',
  source: { label: 'RFC 9110 §15.5.6', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6' },
  check({ exchange }) {
    if (exchange.status !== 405) return [];
    const allow = headerValue(exchange.responseHeaders, 'allow');
    if (allow === undefined) {
      return [
        {
          message: `405 Method Not Allowed for ${exchange.method} has no Allow header listing the methods that would work`,
        },
      ];
    }
    // An empty Allow is legal (RFC 9110 §10.2.1: the resource allows nothing). Method tokens are
    // case-sensitive on the wire, but a case-insensitive match is what a reader would call a contradiction.
    const method = exchange.method.trim().toUpperCase();
    if (method === '' || !listMembers(allow).some((m) => m.toUpperCase() === method)) return [];
    return [
      {
        message: `405 Method Not Allowed for ${exchange.method}, yet Allow: ${allow.trim()} lists ${exchange.method} as allowed`,
      },
    ];
  },
});
