import { defineRule } from '../types';

// Only body bytes that crossed the wire (HAR `response.bodySize`) count. Recorded content is no
// evidence: a recorder or DevTools may fill a HEAD entry's `content.text` from the cache or
// from the matching GET, although a response to HEAD ends after its headers (RFC 9112 §6.3).

export default defineRule({
  id: 'http/no-body-on-head',
  group: 'core',
  severity: 'error',
  description: 'A response to HEAD carries no body, even though its headers describe one.',
  source: { label: 'RFC 9110 §9.3.2', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-9.3.2' },
  check({ exchange }) {
    if (exchange.status === 0 || exchange.method.toUpperCase() !== 'HEAD') return [];
    // Content-Length on a HEAD response is expected: it is the size a GET would have returned.
    const wire = exchange.wireBodySize;
    if (wire === undefined || wire === 0) return [];
    return [
      {
        message: `${exchange.status} response to HEAD came with ${wire} body bytes on the wire; HEAD responses end after the headers`,
      },
    ];
  },
});
