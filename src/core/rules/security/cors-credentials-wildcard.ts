import { hasHeader, headerValues, requestHeadersRecorded } from '../../exchange/headers';
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
      // Without an Origin the request was not a cross-origin read (a same-origin call, a
      // navigation, a no-cors script load): no browser refused anything, and the answer to a
      // real cross-origin call may differ (httpbin echoes the Origin with credentials). The pair
      // is still a sign to check, not a refusal this exchange shows.
      if (requestHeadersRecorded(exchange) && !hasHeader(exchange.requestHeaders, 'origin')) {
        return [
          {
            message:
              'Access-Control-Allow-Origin: * with Access-Control-Allow-Credentials: true, on a request that sent no Origin, so no browser refused anything here; check what the server answers a cross-origin request with credentials: echoing any Origin with Allow-Credentials: true lets every site read its responses as the user',
            severity: 'info',
          },
        ];
      }
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
