import { headerValues } from '../../exchange/headers';
import { responseHeadersAsScriptSaw } from '../../exchange/script-view';
import { defineRule } from '../types';

export default defineRule({
  id: 'http/unauthorized-challenge',
  group: 'core',
  severity: 'error',
  headerOnly: true,
  description: 'A 401 Unauthorized must carry a WWW-Authenticate challenge saying how to authenticate.',
  source: { label: 'RFC 9110 §15.5.2', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2' },
  check({ exchange }) {
    if (exchange.status !== 401) return [];
    const values = headerValues(exchange.responseHeaders, 'www-authenticate');
    if (values.some((v) => v.trim() !== '')) return [];
    // A recorder inside the page saw only the headers script may read: the challenge, if sent,
    // was never shown to it (Access-Control-Expose-Headers rarely lists WWW-Authenticate).
    if (values.length === 0 && responseHeadersAsScriptSaw(exchange)) return [];
    const what = values.length > 0 ? 'an empty WWW-Authenticate header' : 'no WWW-Authenticate header';
    return [
      {
        message: `401 Unauthorized to ${exchange.method} has ${what}; if no scheme fits, 403 is the better status`,
      },
    ];
  },
});
