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
 * browser before it was sent) or that the page itself cancelled.
 */
const NOT_SENT =
  /ERR_(?:ABORTED|BLOCKED_BY_CLIENT|BLOCKED_BY_CSP|BLOCKED_BY_ADMINISTRATOR|NAME_NOT_RESOLVED|CONNECTION_REFUSED|ADDRESS_UNREACHABLE|INTERNET_DISCONNECTED|CERT_|SSL_|BAD_SSL)/i;

/**
 * Failures where the server did answer and the browser withheld the answer from the page
 * because of the answer's own headers: Cross-Origin-Resource-Policy, COEP or framing
 * (net::ERR_BLOCKED_BY_RESPONSE, recorded as `…BLOCKED_BY_RESPONSE.NotSameOrigin` and the
 * like), or Opaque Response Blocking (net::ERR_BLOCKED_BY_ORB). The request was sent.
 */
const ANSWER_WITHHELD = /ERR_BLOCKED_BY_(?:RESPONSE|ORB)/i;

/** True when the request was cancelled by the page or never left the browser. */
export function notSent(ex: Pick<Exchange, 'status' | 'failure'>): boolean {
  return ex.status === 0 && ex.failure !== undefined && NOT_SENT.test(ex.failure);
}

/**
 * True when the server answered but the browser kept the answer from the page for what the
 * answer's headers say (CORP, COEP, framing, ORB): sent and processed, and blocked the same way
 * on every try until those headers or the request change.
 */
export function answerWithheld(ex: Pick<Exchange, 'status' | 'failure'>): boolean {
  return ex.status === 0 && ex.failure !== undefined && ANSWER_WITHHELD.test(ex.failure);
}

/**
 * A 5xx, or a request that reached the server, or may have, and whose answer the page did not
 * get (a timeout, a reset connection, an answer the browser withheld): the server may have done
 * the work, and the page cannot know.
 */
export function failedAnswer(ex: Pick<Exchange, 'status' | 'failure'>): boolean {
  if (ex.status >= 500 && ex.status < 600) return true;
  return ex.status === 0 && !notSent(ex);
}
