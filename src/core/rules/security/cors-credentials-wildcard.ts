import { hasHeader, headerValues, requestHeadersRecorded } from '../../exchange/headers';
import { urlOrigin } from '../../exchange/url';
import { Recent } from '../shared/recent';
import { defineSessionRule, NO_REPORTS, type SessionReport } from '../types';

/**
 * The response headers the rule reads. The session view (core/session/view.ts) keeps them, and
 * the request's headers whole, so `--jobs` judges what one thread does.
 */
export const CORS_CREDENTIAL_HEADERS: readonly string[] = [
  'Access-Control-Allow-Credentials',
  'Access-Control-Allow-Origin',
];

/** Findings that hold on every response that sends them: one shared list each, nothing kept. */
const WILDCARD: readonly SessionReport[] = Object.freeze([
  {
    message:
      'Access-Control-Allow-Origin: * with Access-Control-Allow-Credentials: true: browsers refuse credentialed reads, and the usual "fix" of echoing any Origin opens the API to every site',
    related: [],
  },
]);
const NULL_ORIGIN: readonly SessionReport[] = Object.freeze([
  {
    message:
      'Access-Control-Allow-Origin: null with Access-Control-Allow-Credentials: true: any site can send Origin: null from a sandboxed iframe or data: URL and read credentialed responses',
    related: [],
  },
]);

/**
 * A session rule for one of its findings. The warnings hold on each response that sends the
 * pair (a credentialed cross-origin read refused; `null` granted to any site) and stay on every
 * one. The info for `*` on a request that sent no `Origin` is a fact about the server, not about
 * that exchange: nothing was refused, and what to check is the server's answer to a real
 * cross-origin call. httpbin sends the pair on every answer, so it repeated on each response of
 * an origin (10 times on httpolice_http2bin-edge.har); it is reported on the first response of
 * each origin, and not again while the session remembers it (the window: 5 minutes of capture
 * time after the report, 1,000 origins; core/session/window.ts). Its id stays in security/:
 * settings and reports that name it keep working.
 */
export default defineSessionRule({
  id: 'security/cors-credentials-wildcard',
  kind: 'session',
  group: 'core',
  severity: 'warning',
  otherSeverities: [
    { severity: 'info', when: 'for `*` on a request that sent no `Origin`, once per origin' },
  ],
  headerOnly: true,
  description:
    'Access-Control-Allow-Origin: * or null must not be combined with Access-Control-Allow-Credentials: true (for a request without Origin: info, once per origin).',
  source: {
    label: 'Fetch: CORS protocol and credentials',
    url: 'https://fetch.spec.whatwg.org/#cors-protocol-and-credentials',
  },
  options: [],
  start(_options, window) {
    /** The origins whose Origin-less answer was reported (no time: reported once per session, as the message says). */
    const reported = new Recent<true>(window);
    return {
      push({ exchange, muted }) {
        const h = exchange.responseHeaders;
        // Nearly every response lacks the header: one lookup, nothing allocated, and out.
        if (!hasHeader(h, 'access-control-allow-credentials')) return NO_REPORTS;
        const credentials = headerValues(h, 'access-control-allow-credentials').some(
          (v) => v.trim().toLowerCase() === 'true',
        );
        if (!credentials) return NO_REPORTS;
        const origins = headerValues(h, 'access-control-allow-origin').map((v) => v.trim());
        if (origins.includes('*')) {
          // Without an Origin the request was not a cross-origin read (a same-origin call, a
          // navigation, a no-cors script load): no browser refused anything, and the answer to a
          // real cross-origin call may differ (httpbin echoes the Origin with credentials). The
          // pair is still a sign to check, once per server, not a refusal this exchange shows.
          if (requestHeadersRecorded(exchange) && !hasHeader(exchange.requestHeaders, 'origin')) {
            const origin = urlOrigin(exchange.url) ?? exchange.url;
            if (reported.get(origin, NaN)) return NO_REPORTS;
            // Switched off here by a profile: not said, so the next response outside its scope says it.
            if (muted?.()) return NO_REPORTS;
            reported.set(origin, true, NaN);
            return [
              {
                message: `Access-Control-Allow-Origin: * with Allow-Credentials: true on a request that sent no Origin, so no browser refused anything here; check what the server answers a cross-origin request with credentials: if it echoes any Origin, every site can read its responses as the user (reported once for ${origin})`,
                severity: 'info',
                related: [],
              },
            ];
          }
          return WILDCARD;
        }
        // Browsers compare the origin byte for byte, so only lower-case "null" matches the opaque
        // origin that sandboxed iframes, data: URLs and file: pages send as `Origin: null`.
        if (origins.includes('null')) return NULL_ORIGIN;
        return NO_REPORTS;
      },
    };
  },
});
