import { requestHeadersRecorded } from '../../exchange/headers';
import { withArticle } from '../../exchange/methods';
import { PRECONDITION_HEADERS, sentPrecondition } from '../../exchange/preconditions';
import { defineRule } from '../types';
import { listOf } from '../../text/list';

export default defineRule({
  id: 'http/precondition-failed-without-condition',
  group: 'core',
  severity: 'warning',
  headerOnly: true,
  description:
    '412 Precondition Failed means a condition the request sent (If-Match, If-Unmodified-Since…) was false; a request without any precondition cannot fail one.',
  source: { label: 'RFC 9110 §15.5.13', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.13' },
  check({ exchange }) {
    if (exchange.status !== 412 || !requestHeadersRecorded(exchange)) return [];
    if (sentPrecondition(exchange.requestHeaders) !== undefined) return [];
    return [
      {
        message: `412 Precondition Failed answered ${withArticle(exchange.method)} that sent no precondition header (${listOf(PRECONDITION_HEADERS, 'or')}); to demand one, answer 428 Precondition Required; for a failed business rule, 409 or 422`,
      },
    ];
  },
});
