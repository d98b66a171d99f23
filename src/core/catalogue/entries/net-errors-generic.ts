import type { CatalogueEntry } from '../types';
import { netError, retry } from './define';
/** Chromium net errors -1 to -99: generic failures, cancellations and blocking. */
export const GENERIC_NET_ERRORS: CatalogueEntry[] = [
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
];
