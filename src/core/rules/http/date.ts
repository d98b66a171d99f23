import { headerValues } from '../../exchange/headers';
import { defineRule } from '../types';

export default defineRule({
  id: 'http/date',
  group: 'opt-in',
  severity: 'warning',
  headerOnly: true,
  description: 'An origin server with a clock must send a Date header on 2xx, 3xx and 4xx responses.',
  source: { label: 'RFC 9110 §6.6.1', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-6.6.1' },
  check({ exchange }) {
    // 1xx and 5xx only MAY carry Date, and status 0 is no response at all.
    if (exchange.status < 200 || exchange.status > 499) return [];
    if (headerValues(exchange.responseHeaders, 'date').some((v) => v.trim() !== '')) return [];
    return [
      {
        message: `${exchange.status} response has no Date header; caches need it to compute the response's age`,
      },
    ];
  },
});
