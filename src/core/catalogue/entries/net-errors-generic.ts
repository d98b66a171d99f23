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
  netError('FILE_NOT_FOUND', -6, 'File Not Found', {
    summary: 'A file the request needed (an upload, a file: URL) was not found.',
    meaning:
      'Chromium could not find a file it had to read for this request: the file chosen for an upload was moved or deleted, or a file: URL points nowhere.',
    causes: [
      'A File or Blob body whose file was deleted after it was picked',
      'A file: URL to a missing path',
    ],
    action: 'Pick the file again, or fix the path.',
    retry: retry('after-fixing-request', 'The file stays missing until it is put back or chosen again.'),
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
  netError('UNEXPECTED', -9, 'Unexpected', {
    summary: "An unexpected internal error in Chromium's network stack.",
    meaning:
      'Chromium hit a state its network code did not expect. It points at a browser bug or an unusual environment, not at the server.',
    causes: ['A Chromium bug', 'Interference from security software hooking the network stack'],
    action: 'Retry; if it repeats, try another browser profile or version and report it to Chromium.',
    retry: retry('if-idempotent', 'Often does not repeat; repeat only safe requests.'),
    headers: [],
  }),
  netError('ACCESS_DENIED', -10, 'Access Denied', {
    summary: 'Permission to a local resource (not the network) was denied, e.g. a file to upload.',
    meaning:
      'The operating system refused Chromium access to something local the request needed, most often a file being uploaded.',
    causes: [
      'Uploading a file the browser process may not read',
      'A sandbox or OS policy blocking file access',
    ],
    action: "Check the file's permissions, or choose a file the browser can read.",
    retry: retry('after-fixing-request', 'Denied again until the permission changes.'),
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
  netError('OUT_OF_MEMORY', -13, 'Out of Memory', {
    summary: 'The browser could not allocate memory for the request.',
    meaning: "Chromium's network process ran out of memory while handling the request.",
    causes: [
      'A very large request or response held in memory',
      'A tab or extension leaking memory',
      'A device low on memory',
    ],
    action: 'Close other tabs, look for leaks, and stream large payloads instead of buffering them.',
    retry: retry('with-backoff', 'Retry once memory has been freed.'),
    headers: [],
  }),
  netError('UPLOAD_FILE_CHANGED', -14, 'Upload File Changed', {
    summary: 'A file being uploaded changed on disk after it was selected.',
    meaning:
      "Chromium checks that an uploaded file's modification time still matches the one seen when it was chosen; it did not, so the upload stopped.",
    causes: ['The file was edited or re-saved after selection', 'A sync tool rewrote the file mid-upload'],
    action: 'Select the file again and upload it.',
    retry: retry('after-fixing-request', 'Works once the file is chosen again.'),
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
  netError('BLOCKED_BY_ADMINISTRATOR', -22, 'Blocked by Administrator', {
    summary: "An administrator's URL block list forbids this request.",
    meaning:
      'An enterprise policy (URLBlocklist or similar) set by whoever manages the browser blocks the URL.',
    causes: ['A managed-browser URL block list', 'A school or company policy covering the host'],
    action: 'Ask the administrator, or test from an unmanaged profile.',
    retry: retry('never', 'The policy blocks it every time.'),
    headers: [],
  }),
  netError('UPLOAD_STREAM_REWIND_NOT_SUPPORTED', -25, 'Upload Stream Rewind Not Supported', {
    summary: 'The request body had to be sent again (retry or redirect) but was a one-shot stream.',
    meaning:
      'A redirect such as 307/308, or an automatic retry, needed the body a second time, but it came from a stream that cannot be read twice.',
    causes: [
      'fetch() with a ReadableStream body answered by a 307 or 308',
      'A connection retry of a streamed upload',
    ],
    action:
      'Avoid redirecting streamed uploads, or send a body that can be replayed (a Blob or ArrayBuffer).',
    retry: retry('after-fixing-request', 'A stream body fails the same way on the next redirect.'),
    headers: ['Location'],
  }),
  netError('CONTEXT_SHUT_DOWN', -26, 'Context Shut Down', {
    summary: 'The browser profile or network context was shutting down.',
    meaning:
      'The request was still running when the browser context that owned it (a profile, an extension, an incognito window) closed.',
    causes: [
      'Closing the window, profile or browser mid-request',
      'An extension or service worker being torn down',
    ],
    action: 'Nothing to fix on the server; retry from an open context.',
    retry: retry('if-idempotent', 'Repeat from a live page if it still matters.'),
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
  netError('CLEARTEXT_NOT_PERMITTED', -29, 'Cleartext Not Permitted', {
    summary: 'System policy forbids plain-HTTP requests here (Android network security config).',
    meaning:
      "The platform (chiefly Android's NetworkSecurityPolicy) disallows cleartext http: traffic to this host.",
    causes: [
      'An http: URL in an Android WebView or app that only allows HTTPS',
      'A network security config without a cleartext exception',
    ],
    action: 'Serve the resource over HTTPS.',
    retry: retry('never', 'Blocked every time over http:.'),
    headers: [],
  }),
  netError('BLOCKED_BY_CSP', -30, 'Blocked by CSP', {
    summary: "The page's Content-Security-Policy does not allow this request.",
    meaning:
      "The page's own Content-Security-Policy (connect-src, img-src, script-src…) does not list the URL, so Chromium never sent the request.",
    causes: [
      'A missing host in connect-src for fetch or XHR',
      "A CSP sent by the page's server that is stricter than the code expects",
    ],
    action: 'Add the origin to the right CSP directive on the page, or stop loading it.',
    retry: retry('after-fixing-request', "Blocked until the page's CSP changes."),
    headers: ['Content-Security-Policy'],
  }),
  netError('H2_OR_QUIC_REQUIRED', -31, 'HTTP/2 or QUIC Required', {
    summary: 'The request was only allowed over HTTP/2 or QUIC, and no such session existed.',
    meaning:
      'Chromium was told to send this request only on an HTTP/2 or HTTP/3 connection and had none to the host.',
    causes: [
      'A feature that requires multiplexed transport',
      'A server or proxy that stopped offering h2/h3',
    ],
    action: 'Make sure the server negotiates HTTP/2 (ALPN) or HTTP/3.',
    retry: retry('after-fixing-request', 'Fails until the host offers HTTP/2 or HTTP/3.'),
    headers: ['Alt-Svc'],
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
