import { headerValues } from '../../exchange/headers';
import { defineRule, type Report } from '../types';

export default defineRule({
  id: 'security/cors-credentials-wildcard',
  group: 'core',
  severity: 'warning',
  headerOnly: true,
  description:
    'Access-Control-Allow-Origin: * or null must not be combined with Access-Control-Allow-Credentials: true.',
  source: {
    label: 'Fetch: CORS protocol and credentials',
    url: 'https://fetch.spec.whatwg.org/#cors-protocol-and-credentials',
  },
  check({ exchange }): Report[] {
    const h = exchange.responseHeaders;
    const credentials = headerValues(h, 'access-control-allow-credentials').some(
      (v) => v.trim().toLowerCase() === 'true',
    );
    if (!credentials) return [];
    const origins = headerValues(h, 'access-control-allow-origin').map((v) => v.trim());
    if (origins.includes('*')) {
      return [
        {
          message:
            'Access-Control-Allow-Origin: * with Access-Control-Allow-Credentials: true: browsers refuse credentialed reads, and the usual "fix" of echoing any Origin opens the API to every site',
        },
      ];
    }
    // Browsers compare the origin byte for byte, so only lower-case "null" matches the opaque
    // origin that sandboxed iframes, data: URLs and file: pages send as `Origin: null`.
    if (origins.includes('null')) {
      return [
        {
          message:
            'Access-Control-Allow-Origin: null with Access-Control-Allow-Credentials: true: any site can send Origin: null from a sandboxed iframe or data: URL and read credentialed responses',
        },
      ];
    }
    return [];
  },
});
