import type { Exchange } from './types';

/**
 * How far a failed request got: the one home for "did any response arrive" (rules that read
 * response headers must not read their absence as the server's answer) and "did the request
 * reach the server" (session rules: nothing to back off from, nothing done twice).
 */

/**
 * True when any part of a response was recorded: a status, the status the server sent before
 * the browser failed the request (`serverStatus`: CORS, an aborted download), or response
 * headers. A connection-level failure (net::ERR_CONNECTION_REFUSED, ERR_NAME_NOT_RESOLVED,
 * ERR_CONNECTION_RESET, ERR_TIMED_OUT, ERR_ADDRESS_UNREACHABLE, ERR_INTERNET_DISCONNECTED…)
 * is recorded as status 0 with no response headers: no server answered, so no header is
 * missing from an answer.
 */
export function responseArrived(ex: Pick<Exchange, 'status' | 'serverStatus' | 'responseHeaders'>): boolean {
  return ex.status !== 0 || ex.serverStatus !== undefined || ex.responseHeaders.length > 0;
}

/**
 * Failures where the request never reached the server (no connection, no name, blocked by the
 * browser) or that the page itself cancelled.
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
