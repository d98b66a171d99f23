import { headerValues } from '../../exchange/headers';
import { defineRule } from '../types';

export default defineRule({
  id: 'security/cors-credentials-wildcard',
  group: 'core',
  severity: 'warning',
  headerOnly: true,
  description:
    'Access-Control-Allow-Origin: * cannot be combined with Access-Control-Allow-Credentials: true.',
  source: { label: 'Fetch §3.2.5', url: 'https://fetch.spec.whatwg.org/#cors-protocol-and-credentials' },
  check({ exchange }) {
    const h = exchange.responseHeaders;
    const wildcard = headerValues(h, 'access-control-allow-origin').some((v) => v.trim() === '*');
    const credentials = headerValues(h, 'access-control-allow-credentials').some(
      (v) => v.trim().toLowerCase() === 'true',
    );
    if (!wildcard || !credentials) return [];
    return [
      {
        message:
          'Access-Control-Allow-Origin: * with Access-Control-Allow-Credentials: true: browsers refuse credentialed reads, and the usual "fix" of echoing any Origin opens the API to every site',
      },
    ];
  },
});
