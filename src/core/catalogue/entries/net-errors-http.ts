import type { CatalogueEntry } from '../types';
import { netError, retry } from './define';
/** Chromium net errors -300 and up: HTTP-level and cache failures. */
export const HTTP_NET_ERRORS: CatalogueEntry[] = [
  netError('TOO_MANY_REDIRECTS', -310, 'Too Many Redirects', {
    summary: 'Redirect loop: more than 20 redirects in a row.',
    meaning: 'Chromium gave up following redirects after its limit of 20, which nearly always means a loop.',
    causes: [
      'An HTTP/HTTPS loop between a CDN and the origin',
      'A login redirect loop caused by a cookie that is not kept',
      'www and apex rules redirecting to each other',
    ],
    action: 'Trace the Location chain in DevTools and break the loop.',
    retry: retry('after-fixing-request', 'It loops again until the redirect rules change.'),
    headers: ['Location', 'Set-Cookie'],
  }),
  netError('UNSAFE_PORT', -312, 'Unsafe Port', {
    summary: 'The browser refuses to connect to this port (reserved for other protocols).',
    meaning:
      'Chromium blocks ports used by other services (such as SMTP on 25) so web pages cannot be used to attack them.',
    causes: ['A URL using a blocked port such as 25, 6000 or 6667', 'A dev server started on a blocked port'],
    action: 'Serve the site on another port.',
    retry: retry('never', 'The port is always blocked.'),
    headers: [],
  }),
  netError('INVALID_RESPONSE', -320, 'Invalid Response', {
    summary: "The server's response could not be parsed as valid HTTP.",
    meaning: 'Something answered, but what came back was not a usable HTTP response.',
    causes: ['A malformed status line or headers', 'A non-HTTP service on that port', 'A server bug'],
    action: 'Inspect the raw response (e.g. with curl -v) and fix the server.',
    retry: retry('with-backoff', 'Only helps if the fault is intermittent.'),
    headers: [],
  }),
  netError('EMPTY_RESPONSE', -324, 'Empty Response', {
    summary: 'The server closed the connection without sending any data.',
    meaning:
      'The connection was accepted and the request sent, but the server closed it without a single byte of response.',
    causes: [
      'An nginx `return 444` or similar drop rule',
      'The server crashed handling the request',
      'Plain HTTP sent to a TLS port',
    ],
    action: 'Check server logs for the request; look for drop rules or crashes.',
    retry: retry('if-idempotent', 'The server may have processed it; only repeat safe requests.'),
    headers: [],
  }),
  netError('HTTP2_PROTOCOL_ERROR', -337, 'HTTP/2 Protocol Error', {
    summary: 'The HTTP/2 stream broke because of a protocol violation.',
    meaning:
      'The server or a proxy sent something HTTP/2 does not allow, or reset the stream with a protocol error.',
    causes: [
      'An invalid header (e.g. upper-case or connection-specific) from the server or a proxy',
      'A proxy hitting buffer or disk limits while streaming',
      'A middlebox or antivirus interfering',
    ],
    action: 'Check proxy and server logs for the stream error; test over HTTP/1.1 to narrow it down.',
    retry: retry('if-idempotent', 'The server may have processed it; only repeat safe requests.'),
    headers: [],
  }),
  netError('CONTENT_LENGTH_MISMATCH', -354, 'Content Length Mismatch', {
    summary: 'The body ended before the length promised by Content-Length.',
    meaning:
      'The connection closed after fewer bytes than Content-Length announced, so the body is truncated.',
    causes: [
      'A server or proxy timeout cutting the transfer',
      'A full proxy temp disk (e.g. nginx buffering)',
      'A wrong Content-Length after compression',
    ],
    action: 'Check proxy buffering and timeouts, and how Content-Length is computed.',
    retry: retry('if-idempotent', 'The server may have processed it; only repeat safe requests.'),
    headers: ['Content-Length', 'Content-Encoding'],
  }),
  netError('QUIC_PROTOCOL_ERROR', -356, 'QUIC Protocol Error', {
    summary: 'The HTTP/3 (QUIC) connection failed, often on a network that interferes with UDP.',
    meaning: 'Chromium hit an error on the QUIC connection used for HTTP/3.',
    causes: [
      'A firewall or VPN interfering with UDP 443',
      'A server or CDN QUIC bug',
      'A middlebox dropping large UDP packets',
    ],
    action: 'Retry; if it repeats, test with QUIC disabled and check the Alt-Svc advertisement.',
    retry: retry('if-idempotent', 'Chromium often falls back to TCP; only repeat safe requests yourself.'),
    headers: ['Alt-Svc'],
  }),
  netError('CACHE_MISS', -400, 'Cache Miss', {
    summary: 'The needed cache entry was missing (often going back to a POST result).',
    meaning:
      "Chromium was told to serve the request from the HTTP cache only and found nothing, typically on back/forward to a page that came from a form POST, or with cache mode 'only-if-cached'.",
    causes: [
      'Back or forward to a POST result page',
      "fetch with cache: 'only-if-cached'",
      'Offline with no cached copy',
    ],
    action: 'Reload deliberately (confirming the form resubmission) or fetch from the network.',
    retry: retry('never', 'Do not resubmit automatically; a POST would run twice.'),
    headers: ['Cache-Control'],
  }),
];
