import { defineRule } from '../types';

export default defineRule({
  id: 'http/no-body-on-304',
  group: 'core',
  severity: 'error',
  description: 'A 304 Not Modified response has no body: the client reuses the copy it already holds.',
  source: { label: 'RFC 9110 §15.4.5', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.4.5' },
  check({ exchange }) {
    if (exchange.status !== 304) return [];
    const body = exchange.body;
    // Content-Length is allowed here: it describes the stored representation, not this message.
    if (body.kind !== 'text' && body.kind !== 'binary') return [];
    return [
      {
        message: `304 Not Modified to ${exchange.method} came with a ${body.size}-byte body; a 304 ends after its headers`,
      },
    ];
  },
});
