import { defineRule } from '../types';
import { contentOnBodiless } from './content-on-bodiless';
import { listOf } from '../../text/list';

export default defineRule({
  id: 'http/no-body-on-204',
  group: 'core',
  severity: 'error',
  description:
    'A 204 No Content response ends after its headers: no body, and no Content-Length (RFC 9110 §8.6 forbids it; 0 is tolerated).',
  source: { label: 'RFC 9110 §15.3.5', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.3.5' },
  check({ exchange }) {
    if (exchange.status !== 204) return [];
    const found = contentOnBodiless(exchange);
    if (found.length === 0) return [];
    return [
      {
        message: `204 No Content to ${exchange.method} came with ${listOf(found)}; a 204 carries no content: send it bare (no body, no Content-Length), or answer 200 OK with the body`,
      },
    ];
  },
});
