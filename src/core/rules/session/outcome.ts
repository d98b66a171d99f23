import { headerValue } from '../../exchange/headers';
import type { Exchange } from '../../exchange/types';

/**
 * Failures where the request never reached the server (no connection, no name, blocked by the
 * browser) or that the page itself cancelled: nothing to back off from, nothing done twice.
 */
const NOT_SENT =
  /ERR_(?:ABORTED|BLOCKED_BY_CLIENT|BLOCKED_BY_RESPONSE|BLOCKED_BY_ORB|NAME_NOT_RESOLVED|CONNECTION_REFUSED|ADDRESS_UNREACHABLE|INTERNET_DISCONNECTED|CERT_|SSL_|BAD_SSL)/i;

/** True when the request was cancelled by the page or never left the browser. */
export function notSent(ex: Pick<Exchange, 'status' | 'failure'>): boolean {
  return ex.status === 0 && ex.failure !== undefined && NOT_SENT.test(ex.failure);
}

/** A 5xx, or a request that got no answer although it may have reached the server. */
export function failedAnswer(ex: Pick<Exchange, 'status' | 'failure'>): boolean {
  if (ex.status >= 500 && ex.status < 600) return true;
  return ex.status === 0 && !notSent(ex);
}

/** Chrome's resource types of calls a page's script makes; other types (documents, images) are the browser's. */
const SCRIPT_CALLS = new Set(['fetch', 'xhr']);
/** What a browser asks for when it loads a page, a frame, a stylesheet or an image itself. */
const BROWSER_ACCEPT = /^\s*(?:text\/html|application\/xhtml|image\/|text\/css)/i;

/**
 * True for calls made by script. When the recorder did not say what made the call (mitmproxy,
 * Charles, Postman), a request for a page, frame, stylesheet or image (by its `Accept`, or a
 * `Sec-Fetch-Dest` other than `empty`) is taken as the browser's own.
 */
export function scriptCall(ex: Pick<Exchange, 'resourceType' | 'requestHeaders'>): boolean {
  if (ex.resourceType !== undefined) return SCRIPT_CALLS.has(ex.resourceType.toLowerCase());
  if (BROWSER_ACCEPT.test(headerValue(ex.requestHeaders, 'accept') ?? '')) return false;
  const dest = headerValue(ex.requestHeaders, 'sec-fetch-dest');
  return dest === undefined || dest.toLowerCase() === 'empty';
}

export { fingerprint } from '../../session/fingerprint';
