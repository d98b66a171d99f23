import { defineRule } from '../types';

export default defineRule({
  id: 'http/no-body-on-head',
  group: 'core',
  severity: 'error',
  description: 'A response to HEAD carries no body, even though its headers describe one.',
  source: { label: 'RFC 9110 §9.3.2', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-9.3.2' },
  check({ exchange }) {
    if (exchange.status === 0 || exchange.method.toUpperCase() !== 'HEAD') return [];
    const body = exchange.body;
    // Content-Length on a HEAD response is expected: it is the size a GET would have returned.
    if (body.kind !== 'text' && body.kind !== 'binary') return [];
    return [
      {
        message: `${exchange.status} response to HEAD came with a ${body.size}-byte body; HEAD responses end after the headers`,
      },
    ];
  },
});
