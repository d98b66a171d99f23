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

/** True for calls made by script, or when the recorder did not say what made the call. */
export function scriptCall(ex: Pick<Exchange, 'resourceType'>): boolean {
  return ex.resourceType === undefined || SCRIPT_CALLS.has(ex.resourceType.toLowerCase());
}

/** FNV-1a over a string's UTF-16 units: tells identical bodies apart from changed ones without keeping them. */
export function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
