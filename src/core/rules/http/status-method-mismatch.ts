import { hasHeader, requestHeadersRecorded } from '../../exchange/headers';
import { SAFE_METHODS, withArticle } from '../../exchange/methods';
import type { Exchange } from '../../exchange/types';
import { rfcSection } from '../shared/sources';
import { defineRule } from '../types';

/**
 * True when the browser's cache answered a request recorded as a 304, so no server answered it
 * and the request's missing validators say nothing about the server. Chrome says so
 * (`_fromCache`). Internet Explorer 11's F12 export lists a memory-cache hit as a 304 with no
 * conditional header: the record then holds a body although it says no body byte crossed the
 * wire (`bodySize` 0), the stored copy the cache served. A browser holds a copy to show for a
 * 304 only when its cache answered the request; a 304 a server sent to an unconditional
 * request gives it nothing to fill in (such a record has an empty body). Bytes on the wire, or
 * an unknown wire size, are no such sign. Without bodies (header-only monitoring) only
 * `_fromCache` is left, and a cache hit recorded as 304 is then still reported.
 */
function cacheHitRecordedAs304(ex: Exchange): boolean {
  if (ex.fromCache !== undefined) return true;
  const kept = ex.body.kind === 'text' || ex.body.kind === 'binary' ? ex.body.size > 0 : false;
  return ex.wireBodySize === 0 && kept;
}

export default defineRule({
  id: 'http/status-method-mismatch',
  group: 'core',
  severity: 'warning',
  headerOnly: true,
  description:
    'The status does not fit the request: 201 to a safe method, 206 without a Range request, 304 without a conditional request.',
  // Three sections, none the parent of the others: the rule links the document, each finding its section.
  source: {
    label: 'RFC 9110 §9.2.1, §15.3.7, §15.4.5',
    url: 'https://www.rfc-editor.org/rfc/rfc9110',
  },
  check({ exchange }) {
    const method = exchange.method.toUpperCase();
    const req = exchange.requestHeaders;
    if (exchange.status === 201 && SAFE_METHODS.has(method)) {
      return [
        {
          message: `201 Created answered ${withArticle(exchange.method)}, a safe method that should not create anything (RFC 9110 §9.2.1)`,
          source: rfcSection(9110, '9.2.1'),
        },
      ];
    }
    // A missing Range or validator proves nothing when no request headers were recorded.
    if (!requestHeadersRecorded(exchange)) return [];
    if (exchange.status === 206 && !hasHeader(req, 'range')) {
      return [
        {
          message: `206 Partial Content answered ${withArticle(exchange.method)} that sent no Range header (RFC 9110 §15.3.7)`,
          source: rfcSection(9110, '15.3.7'),
        },
      ];
    }
    if (
      exchange.status === 304 &&
      !hasHeader(req, 'if-none-match') &&
      !hasHeader(req, 'if-modified-since') &&
      !cacheHitRecordedAs304(exchange)
    ) {
      return [
        {
          message: `304 Not Modified answered ${withArticle(exchange.method)} that sent neither If-None-Match nor If-Modified-Since (RFC 9110 §15.4.5)`,
          source: rfcSection(9110, '15.4.5'),
        },
      ];
    }
    return [];
  },
});
