import { defineRule } from '../types';
import { contentOnBodiless } from './content-on-bodiless';
import { listOf } from '../../text/list';

export default defineRule({
  id: 'http/no-body-on-205',
  group: 'core',
  // RFC 9110 §15.3.6 is a MUST NOT, as for 204 (http/no-body-on-204 is an error too).
  severity: 'error',
  description:
    'A 205 Reset Content response must not carry content: it tells the client to reset the form or view that sent the request, with nothing to show (Content-Length: 0 is the expected way to say so).',
  source: { label: 'RFC 9110 §15.3.6', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.3.6' },
  check({ exchange }) {
    if (exchange.status !== 205) return [];
    const found = contentOnBodiless(exchange);
    if (found.length === 0) return [];
    return [
      {
        message: `205 Reset Content to ${exchange.method} came with ${listOf(found)}; a server must not send content in a 205: send Content-Length: 0, or answer 200 OK if the client needs the body`,
      },
    ];
  },
});
