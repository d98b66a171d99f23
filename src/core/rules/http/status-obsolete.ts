import { explainStatus } from '../../catalogue';
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
    if (obsolete === undefined) return [];
    // The message cites the code's own section (305: §15.4.6), so the finding links it too: the
    // catalogue entry's, one home for where each code is defined.
    const entry = explainStatus(exchange.status);
    return [{ message: obsolete.why, source: { label: entry.origin, url: entry.specUrl } }];
  },
});
