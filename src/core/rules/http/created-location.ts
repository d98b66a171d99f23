import { hasHeader } from '../../exchange/headers';
import { defineRule } from '../types';

export default defineRule({
  id: 'http/created-location',
  group: 'core',
  severity: 'warning',
  headerOnly: true,
  description: 'A 201 Created should say where the new resource is with a Location header.',
  source: { label: 'RFC 9110 §15.3.2', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.3.2' },
  check({ exchange }) {
    if (exchange.status !== 201 || hasHeader(exchange.responseHeaders, 'location')) return [];
    return [{ message: `201 Created to ${exchange.method} has no Location header naming the new resource` }];
  },
});
