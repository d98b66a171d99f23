import { hasHeader, requestHeadersRecorded } from '../../exchange/headers';
import { withArticle } from '../../exchange/methods';
import { defineRule } from '../types';

export default defineRule({
  id: 'http/expectation-failed-without-expect',
  group: 'core',
  severity: 'warning',
  headerOnly: true,
  description:
    "417 Expectation Failed means the request's Expect header (usually 100-continue) could not be met; a request without Expect has no expectation to fail.",
  source: { label: 'RFC 9110 §15.5.18', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.18' },
  check({ exchange }) {
    if (exchange.status !== 417 || !requestHeadersRecorded(exchange)) return [];
    if (hasHeader(exchange.requestHeaders, 'expect')) return [];
    return [
      {
        message: `417 Expectation Failed answered ${withArticle(exchange.method)} that sent no Expect header; pick the status that names the real failure (400, 409, 422…)`,
      },
    ];
  },
});
