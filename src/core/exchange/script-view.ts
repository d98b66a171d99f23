import type { Exchange } from './types';

/**
 * The response header names a page's script may read from any cross-origin response, whatever
 * Access-Control-Expose-Headers says (Fetch standard, "CORS-safelisted response-header name").
 */
const SAFELISTED_RESPONSE_HEADERS = new Set([
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
]);

/**
 * True when the recorded response headers look like what a script saw, not what the server sent:
 * some were recorded and every one is CORS-safelisted, with no Date (which an origin server with
 * a clock must send, RFC 9110 §6.6.1). Recorders that hook fetch/XHR inside the page (Polly.JS's
 * browser adapters) capture this view; there a missing WWW-Authenticate or Allow proves nothing,
 * since the browser never hands those to script unless the server exposes them.
 */
export function responseHeadersAsScriptSaw(ex: Pick<Exchange, 'responseHeaders'>): boolean {
  return (
    ex.responseHeaders.length > 0 &&
    ex.responseHeaders.every((h) => SAFELISTED_RESPONSE_HEADERS.has(h.name.toLowerCase()))
  );
}
