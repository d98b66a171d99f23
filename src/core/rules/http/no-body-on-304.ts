import { defineRule } from '../types';

// Only body bytes that crossed the wire (HAR `response.bodySize`) count. Recorded content is no
// evidence: Chrome's HAR export and DevTools' getContent() put the cached copy's body in
// `content.text` of a 304, although a 304 ends after its headers on the wire (RFC 9112 §6.3).

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
    if (wire === undefined || wire === 0) return [];
    return [
      {
        message: `304 Not Modified to ${exchange.method} came with ${wire} body bytes on the wire; a 304 ends after its headers`,
      },
    ];
  },
});
