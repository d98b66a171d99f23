import { OBSOLETE_CODES } from '../../catalogue/reason-phrases';
import { defineRule } from '../types';

export default defineRule({
  id: 'http/status-obsolete',
  group: 'core',
  severity: 'info',
  headerOnly: true,
  description:
    'The status code is registered but marked deprecated, unused or obsoleted; pick a current code.',
  source: { label: 'RFC 9110 §15', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15' },
  check({ exchange }) {
    const obsolete = OBSOLETE_CODES.get(exchange.status);
    return obsolete === undefined ? [] : [{ message: obsolete.why }];
  },
});
