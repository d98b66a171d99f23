import { headerValues } from '../../exchange/headers';
import { defineRule } from '../types';

export default defineRule({
  id: 'http/proxy-auth-challenge',
  group: 'core',
  severity: 'error',
  headerOnly: true,
  description: 'A 407 Proxy Authentication Required must carry a Proxy-Authenticate challenge.',
  source: { label: 'RFC 9110 §15.5.8', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.8' },
  check({ exchange }) {
    if (exchange.status !== 407) return [];
    const values = headerValues(exchange.responseHeaders, 'proxy-authenticate');
    if (values.some((v) => v.trim() !== '')) return [];
    const what = values.length > 0 ? 'an empty Proxy-Authenticate header' : 'no Proxy-Authenticate header';
    return [
      {
        message: `407 Proxy Authentication Required has ${what}, so the client cannot tell how to log in to the proxy`,
      },
    ];
  },
});
