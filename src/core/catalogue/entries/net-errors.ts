import { statusFamily } from '../../exchange/family';
import type { CatalogueEntry } from '../types';
import { netError, retry } from './define';

const CERT_NEVER = retry(
  'never',
  'The certificate problem has to be fixed first; never click through it in code.',
);

/** Status 0: what browsers and HAR files record when there was no HTTP response at all. */
export const FAILED_REQUEST: CatalogueEntry = {
  code: 0,
  reason: 'No Response',
  formerNames: [],
  family: statusFamily(0),
  registry: 'browser',
  origin: 'Browsers',
  summary: 'No HTTP response at all: the request failed, was blocked or was cancelled.',
  meaning:
    "Browsers record status 0 when there is no response to report: the connection failed, the request was blocked (CORS, an extension, mixed content) or it was cancelled. In HAR files `_error` holds Chrome's net::ERR_* reason.",
  causes: [
    'A CORS failure (the response is withheld from the page)',
    'Connection refused, DNS or TLS failure',
    'Blocked by an extension, or cancelled by navigation',
    'The device is offline',
  ],
  action: 'Look up the net::ERR_* reason (HAR _error or the DevTools console) and follow its entry.',
  retry: retry(
    'if-idempotent',
    'Depends on the reason: network glitches are worth retrying, CORS and blocking are not.',
  ),
  headers: ['Access-Control-Allow-Origin'],
  specUrl: 'https://fetch.spec.whatwg.org/#concept-network-error',
  profiles: {},
};

export const NET_ERRORS: CatalogueEntry[] = [
  netError('FAILED', -2, 'Failed', {
    summary: 'Generic failure; for fetch/XHR it is usually a CORS check that blocked the response.',
    meaning:
      "Chromium's catch-all error. For fetch and XHR it mostly means the CORS check failed (the console names the missing header) or a service worker failed the request.",
    causes: [
      'Missing or wrong Access-Control-Allow-Origin',
      'A failed or redirected CORS preflight (OPTIONS)',
      'A service worker answering with an error',
    ],
    action: 'Read the console message; for CORS the server must send the right Access-Control-* headers.',
    retry: retry('after-fixing-request', 'A CORS failure repeats until the server headers change.'),
    headers: ['Access-Control-Allow-Origin', 'Access-Control-Allow-Headers', 'Access-Control-Allow-Methods'],
  }),
  netError('ABORTED', -3, 'Aborted', {
    summary: 'Cancelled on the client side (navigation, AbortController, superseded request).',
    meaning:
      'The browser or the page itself cancelled the request before it completed. Nothing went wrong on the server.',
    causes: [
      'The page navigated or reloaded mid-request',
      'AbortController.abort() or a superseded request',
      'A response handled as a download instead of a page',
    ],
    action: 'Usually harmless; check that your code cancels only what it means to.',
    retry: retry('never', 'It was cancelled on purpose.'),
    headers: [],
  }),
  netError('TIMED_OUT', -7, 'Timed Out', {
    summary: 'An operation on an established connection timed out.',
    meaning:
      'The connection existed, but the server stopped answering for longer than Chromium was willing to wait.',
    causes: [
      'The server stopped responding mid-request',
      'A network path dropping packets',
      'A very slow upstream',
    ],
    action: 'Retry; if it repeats, look at server latency and the network path.',
    retry: retry('if-idempotent', 'The server may have processed it; only repeat safe requests.'),
    headers: [],
  }),
  netError('INSUFFICIENT_RESOURCES', -12, 'Insufficient Resources', {
    summary: 'The browser ran out of resources (too many parallel requests or memory).',
    meaning:
      'Chromium refused to start or continue the request because it was short of sockets, memory or other resources.',
    causes: ['A page firing thousands of requests at once', 'A request loop', 'Memory pressure in the tab'],
    action: 'Throttle concurrent requests and look for loops.',
    retry: retry('with-backoff', 'Retry after the burst has drained.'),
    headers: [],
  }),
  netError('BLOCKED_BY_CLIENT', -20, 'Blocked by Client', {
    summary: 'Blocked inside the browser, usually by an ad or privacy blocker.',
    meaning:
      'An extension or browser policy cancelled the request before it was sent. The server never saw it.',
    causes: [
      'An ad blocker matching the URL (e.g. /ads/ or analytics)',
      'An enterprise policy or another extension',
    ],
    action: 'Test without extensions; rename endpoints that look like trackers.',
    retry: retry('never', 'The blocker will block it again.'),
    headers: [],
  }),
  netError('NETWORK_CHANGED', -21, 'Network Changed', {
    summary: 'The network changed mid-request (Wi-Fi switch, VPN on or off).',
    meaning:
      "The device's network configuration changed while the request was in flight, so Chromium dropped it.",
    causes: [
      'Switching Wi-Fi or mobile networks',
      'A VPN connecting or disconnecting',
      'An IP address change',
    ],
    action: 'Retry once the connection is stable.',
    retry: retry('if-idempotent', 'The request may have reached the server; only repeat safe requests.'),
    headers: [],
  }),
  netError('BLOCKED_BY_RESPONSE', -27, 'Blocked by Response', {
    summary: "The response's own headers forbid its use here (CORP, COEP, framing).",
    meaning:
      'Chromium received the response but discarded it because headers such as Cross-Origin-Resource-Policy, Cross-Origin-Embedder-Policy or X-Frame-Options forbid this use.',
    causes: [
      'Cross-Origin-Resource-Policy: same-origin on a cross-origin resource',
      'A COEP require-corp page embedding a resource without CORP',
      'A page framed against X-Frame-Options or frame-ancestors',
    ],
    action: "Adjust the resource's CORP or framing headers, or load it another way.",
    retry: retry('after-fixing-request', 'Blocked every time until the headers change.'),
    headers: [
      'Cross-Origin-Resource-Policy',
      'Cross-Origin-Embedder-Policy',
      'X-Frame-Options',
      'Content-Security-Policy',
    ],
  }),
  netError('BLOCKED_BY_ORB', -32, 'Blocked by ORB', {
    summary: 'Opaque Response Blocking hid a cross-origin no-cors response.',
    meaning:
      "Chromium's Opaque Response Blocking (the successor of CORB) drops cross-origin no-cors responses that look like data, such as JSON or HTML, rather than images, media or scripts.",
    causes: [
      'An <img> or <script> pointing at a JSON or HTML URL',
      'A script or image served with the wrong Content-Type',
      'An error page served in place of the real resource',
    ],
    action: 'Serve the correct Content-Type, or fetch data with CORS instead of no-cors.',
    retry: retry('after-fixing-request', 'Blocked every time until the response or the request changes.'),
    headers: ['Content-Type', 'X-Content-Type-Options'],
  }),
  netError('CONNECTION_CLOSED', -100, 'Connection Closed', {
    summary: 'The server closed the connection (TCP FIN) without a complete response.',
    meaning: 'The connection was closed in an orderly way, but before a full response arrived.',
    causes: [
      'The server crashed or restarted',
      'A keep-alive connection closed just as it was reused',
      'A proxy idle timeout',
    ],
    action: 'Retry; if it repeats, check server logs for crashes or timeouts.',
    retry: retry('if-idempotent', 'The server may have processed it; only repeat safe requests.'),
    headers: [],
  }),
  netError('CONNECTION_RESET', -101, 'Connection Reset', {
    summary: 'The connection was reset (TCP RST) mid-exchange.',
    meaning: 'The other side, or something in between, aborted the connection abruptly.',
    causes: [
      'The server process was killed',
      'A firewall or middlebox resetting connections',
      'TLS inspection or antivirus interference',
    ],
    action: 'Retry; if it repeats, check firewalls, proxies and the server process.',
    retry: retry('if-idempotent', 'The server may have processed it; only repeat safe requests.'),
    headers: [],
  }),
  netError('CONNECTION_REFUSED', -102, 'Connection Refused', {
    summary: 'Nothing is listening: the host refused the TCP connection.',
    meaning: 'The host answered the connection attempt with a refusal, so nothing was sent.',
    causes: [
      'The server is not running, or listens on another port',
      'A local dev server that was stopped',
      'A firewall rejecting the port',
    ],
    action: 'Check the host, the port and that the server is up.',
    retry: retry('with-backoff', 'Safe to retry once the server is up; the request was never sent.'),
    headers: [],
  }),
  netError('NAME_NOT_RESOLVED', -105, 'Name Not Resolved', {
    summary: 'DNS lookup failed: the host name does not resolve.',
    meaning: 'Chromium could not turn the host name into an IP address.',
    causes: [
      'A typo in the host name',
      'A DNS record missing or not yet propagated',
      'An internal host name used outside the VPN',
    ],
    action: 'Check the host name and its DNS records.',
    retry: retry('after-fixing-request', 'Retrying the same name fails until DNS changes.'),
    headers: [],
  }),
  netError('INTERNET_DISCONNECTED', -106, 'Internet Disconnected', {
    summary: 'The device is offline.',
    meaning: 'Chromium knows there is no network connection, so it did not even try.',
    causes: ['Wi-Fi or cable disconnected', 'DevTools network throttling set to Offline'],
    action: 'Reconnect (or switch DevTools throttling off Offline) and retry.',
    retry: retry('with-backoff', 'Retry when back online.'),
    headers: [],
  }),
  netError('SSL_PROTOCOL_ERROR', -107, 'SSL Protocol Error', {
    summary: 'The TLS handshake broke: the server spoke invalid or unexpected TLS.',
    meaning:
      'Chromium could not establish a secure connection because the TLS exchange was malformed or unexpected.',
    causes: [
      'Plain HTTP served on an https:// port',
      'A broken TLS setup on the server or proxy',
      'A middlebox interfering',
    ],
    action: "Check the server's TLS listener and configuration (e.g. with openssl s_client).",
    retry: retry('never', 'A configuration problem; retrying does not help.'),
    headers: [],
  }),
  netError('ADDRESS_UNREACHABLE', -109, 'Address Unreachable', {
    summary: 'There is no route to the IP address.',
    meaning: 'The network reported that the destination address cannot be reached from here.',
    causes: [
      'A host on a network you are not connected to (VPN off)',
      'A routing or firewall problem',
      'An IPv6 address without IPv6 connectivity',
    ],
    action: 'Check VPN and routing, and whether the address is right.',
    retry: retry('with-backoff', 'Retry after the network path is fixed.'),
    headers: [],
  }),
  netError('SSL_VERSION_OR_CIPHER_MISMATCH', -113, 'SSL Version or Cipher Mismatch', {
    summary: 'Client and server share no TLS version or cipher suite.',
    meaning:
      'The handshake failed because the server offers only TLS versions or ciphers Chromium no longer accepts.',
    causes: [
      'A server offering only TLS 1.0/1.1 or weak ciphers',
      'No certificate configured for this host name on a CDN',
    ],
    action: 'Enable TLS 1.2 or 1.3 with modern ciphers on the server.',
    retry: retry('never', 'A configuration problem; retrying does not help.'),
    headers: [],
  }),
  netError('CONNECTION_TIMED_OUT', -118, 'Connection Timed Out', {
    summary: 'The TCP connection attempt got no answer in time.',
    meaning: 'Chromium tried to connect but heard nothing back, so no request was sent.',
    causes: [
      'Host down, or a firewall silently dropping packets',
      'A wrong IP address',
      'An overloaded server not accepting connections',
    ],
    action: 'Check that the host is up and reachable on that port.',
    retry: retry('with-backoff', 'Safe to retry; the request was never sent.'),
    headers: [],
  }),
  netError('CERT_COMMON_NAME_INVALID', -200, 'Certificate Name Mismatch', {
    summary: 'The certificate does not cover the host name in the URL.',
    meaning: "The server's certificate is valid for other names, not the one in the URL.",
    causes: [
      'A certificate issued for another name (www versus apex)',
      'Access by IP address or internal alias',
      'A captive portal intercepting HTTPS',
    ],
    action: 'Use the name the certificate covers, or reissue it to include this one.',
    retry: CERT_NEVER,
    headers: [],
  }),
  netError('CERT_DATE_INVALID', -201, 'Certificate Date Invalid', {
    summary: 'The certificate has expired or is not valid yet (or the device clock is wrong).',
    meaning: "By the device's clock, the server certificate is outside its validity period.",
    causes: [
      'The certificate expired (renewal failed)',
      'A wrong device clock',
      'An old certificate still deployed on one server',
    ],
    action: 'Renew and deploy the certificate, or correct the device clock.',
    retry: CERT_NEVER,
    headers: [],
  }),
  netError('CERT_AUTHORITY_INVALID', -202, 'Certificate Authority Invalid', {
    summary: 'The certificate is not signed by a trusted authority (self-signed or chain missing).',
    meaning: "Chromium could not chain the server's certificate to a root it trusts.",
    causes: [
      'A self-signed or private-CA certificate',
      'A missing intermediate certificate',
      'TLS interception by a proxy or antivirus',
    ],
    action: 'Serve the full chain from a public CA, or install the private CA on the client.',
    retry: CERT_NEVER,
    headers: [],
  }),
  netError('CERT_REVOKED', -206, 'Certificate Revoked', {
    summary: 'The certificate was revoked by its issuer.',
    meaning: 'The issuing authority withdrew the server certificate before its expiry date.',
    causes: ['Key compromise or mis-issuance', 'An old certificate still deployed after replacement'],
    action: 'Deploy a new certificate on the server.',
    retry: CERT_NEVER,
    headers: [],
  }),
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
