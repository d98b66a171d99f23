import { hasHeader, requestHeadersRecorded } from '../../exchange/headers';
import { withArticle } from '../../exchange/methods';
import { defineRule } from '../types';

export default defineRule({
  id: 'http/im-used-without-a-im',
  group: 'core',
  severity: 'warning',
  headerOnly: true,
  description:
    '226 IM Used answers a request whose A-IM header asked for instance manipulations (a delta, RFC 3229); without A-IM the client cannot apply what it gets.',
  source: { label: 'RFC 3229 §10.4.1', url: 'https://www.rfc-editor.org/rfc/rfc3229#section-10.4.1' },
  check({ exchange }) {
    if (exchange.status !== 226 || !requestHeadersRecorded(exchange)) return [];
    if (hasHeader(exchange.requestHeaders, 'a-im')) return [];
    return [
      {
        message: `226 IM Used answered ${withArticle(exchange.method)} that sent no A-IM header, so the client never asked for a delta and may read it as the whole resource; answer 200 with the full representation`,
      },
    ];
  },
});
