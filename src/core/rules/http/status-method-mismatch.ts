import { hasHeader, requestHeadersRecorded } from '../../exchange/headers';
import { SAFE_METHODS, withArticle } from '../../exchange/methods';
import { defineRule } from '../types';

export default defineRule({
  id: 'http/status-method-mismatch',
  group: 'core',
  severity: 'warning',
  headerOnly: true,
  description:
    'The status does not fit the request: 201 to a safe method, 206 without a Range request, 304 without a conditional request.',
  source: {
    label: 'RFC 9110 §15.3.2, §15.3.7, §15.4.5',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15',
  },
  check({ exchange }) {
    const method = exchange.method.toUpperCase();
    const req = exchange.requestHeaders;
    if (exchange.status === 201 && SAFE_METHODS.has(method)) {
      return [
        {
          message: `201 Created answered ${withArticle(exchange.method)}, a safe method that should not create anything (RFC 9110 §9.2.1)`,
        },
      ];
    }
    // A missing Range or validator proves nothing when no request headers were recorded.
    if (!requestHeadersRecorded(exchange)) return [];
    if (exchange.status === 206 && !hasHeader(req, 'range')) {
      return [
        {
          message: `206 Partial Content answered ${withArticle(exchange.method)} that sent no Range header (RFC 9110 §15.3.7)`,
        },
      ];
    }
    if (exchange.status === 304 && !hasHeader(req, 'if-none-match') && !hasHeader(req, 'if-modified-since')) {
      return [
        {
          message: `304 Not Modified answered ${withArticle(exchange.method)} that sent neither If-None-Match nor If-Modified-Since (RFC 9110 §15.4.5)`,
        },
      ];
    }
    return [];
  },
});
