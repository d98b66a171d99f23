import { headerValue } from '../../exchange/headers';
import { httpMajorVersion } from '../../exchange/protocol';
import type { Exchange } from '../../exchange/types';
import { defineRule } from '../types';

// Only body bytes that crossed the wire count. Recorded content is no evidence: Chrome's HAR
// export and DevTools' getContent() put the cached copy's body in `content.text` of a 304,
// although a 304 ends after its headers on the wire (RFC 9112 §6.3). HAR `response.bodySize`
// is evidence only where nothing else explains it: Firefox writes the cached copy's size into
// it on a 304 (seen on HTTP/3 revalidations that took 0 ms to receive).

/** Why a recorded `bodySize` on a 304 is not body bytes on the wire, when the record shows it. */
function explainedAway(exchange: Exchange, wire: number): boolean {
  // Over HTTP/2 and HTTP/3 a message ends with its frames, not with a length a server can get
  // wrong, and a bodySize on a 304 there has only been seen as a browser's record of the
  // cached copy (Firefox on HTTP/3). Bytes after a 304's headers are an HTTP/1.1 fault.
  const major = httpMajorVersion(exchange.httpVersion);
  if (major === 2 || major === 3) return true;
  // Nothing arrived after the headers: a receive phase of exactly 0 ms.
  if (exchange.timings?.receive === 0) return true;
  // The stored representation's length (Content-Length on a 304 describes it, RFC 9110 §8.6).
  const length = headerValue(exchange.responseHeaders, 'content-length');
  if (length !== undefined && Number(length.trim()) === wire) return true;
  // The size of the recorded content, which on a 304 is the cached copy.
  return exchange.size === wire;
}

export default defineRule({
  id: 'http/no-body-on-304',
  group: 'core',
  severity: 'error',
  description: 'A 304 Not Modified response has no body: the client reuses the copy it already holds.',
  source: { label: 'RFC 9110 §15.4.5', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.4.5' },
  check({ exchange }) {
    if (exchange.status !== 304) return [];
    // Content-Length is allowed here: it describes the stored representation, not this message.
    const wire = exchange.wireBodySize;
    if (wire === undefined || wire <= 0 || explainedAway(exchange, wire)) return [];
    return [
      {
        message: `304 Not Modified to ${exchange.method} came with ${wire} body bytes on the wire; a 304 ends after its headers`,
      },
    ];
  },
});
