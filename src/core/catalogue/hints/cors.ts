import { isCorsPreflight } from '../../exchange/api-call';
/**
 * Why the browser's CORS check refused a response, read from the headers the exchange
 * recorded (Fetch standard, "CORS check" and "CORS-preflight fetch"). Only what the headers
 * prove is said: no Origin on the request means the page's origin is unknown, so nothing is
 * claimed about a mismatch.
 */

import { hasHeader, headerValues, listMembers } from '../../exchange/headers';
import { responseArrived } from '../../exchange/outcome';
import type { Exchange } from '../../exchange/types';
import { netErrorName } from '../index';
import { shownValue } from './text';
import { firstFew } from '../../text/first-few';

/** Methods a preflight never has to allow (Fetch: CORS-safelisted methods). */
const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);

/** How many refused header names a hint lists. */
const MAX_NAMED = 5;

/** Which part of the CORS check a cause is about. */
export type CorsCauseKind =
  | 'allow-origin-missing'
  | 'allow-origin-list'
  | 'wildcard-with-credentials'
  | 'origin-mismatch'
  | 'credentials-not-allowed'
  | 'preflight-status'
  | 'preflight-method'
  | 'preflight-headers';

export interface CorsCause {
  kind: CorsCauseKind;
  text: string;
}

function one(ex: Exchange, name: string, from: 'request' | 'response'): string | undefined {
  const values = headerValues(from === 'request' ? ex.requestHeaders : ex.responseHeaders, name);
  return values.length === 0 ? undefined : values.join(', ').trim();
}

/** What the request sent that makes it a request "with credentials", when the headers show it. */
function credentialsSent(ex: Exchange): string | undefined {
  if (hasHeader(ex.requestHeaders, 'cookie')) return 'Cookie';
  if (hasHeader(ex.requestHeaders, 'authorization')) return 'Authorization';
  return undefined;
}

/**
 * The Access-Control-Allow-Origin check, shared by a response and its preflight. A preflight's
 * answer is never handed to the page: what a failed check withholds there is the request itself.
 */
function originCauses(ex: Exchange, credentials: string | undefined, preflight = false): CorsCause[] {
  const origin = one(ex, 'origin', 'request');
  const allow = one(ex, 'access-control-allow-origin', 'response');
  const at = origin ? ` at ${shownValue(origin, 80)}` : '';
  if (allow === undefined) {
    return [
      {
        kind: 'allow-origin-missing',
        text: preflight
          ? `The preflight's answer has no Access-Control-Allow-Origin header, so the browser did not send the request the page${at} asked for.`
          : `The response has no Access-Control-Allow-Origin header, so the browser withheld it from the page${at}.`,
      },
    ];
  }
  if (headerValues(ex.responseHeaders, 'access-control-allow-origin').length > 1 || allow.includes(',')) {
    return [
      {
        kind: 'allow-origin-list',
        text: `Access-Control-Allow-Origin lists more than one origin ("${shownValue(allow, 80)}"); browsers accept exactly one origin or "*".`,
      },
    ];
  }
  if (allow === '*') {
    return credentials
      ? [
          {
            kind: 'wildcard-with-credentials',
            text: `Access-Control-Allow-Origin: * does not cover a request with credentials (it sent ${credentials}); the server must echo the page's origin${origin ? ` (${shownValue(origin, 80)})` : ''} instead.`,
          },
        ]
      : [];
  }
  if (origin !== undefined && allow !== origin) {
    return [
      {
        kind: 'origin-mismatch',
        text: `Access-Control-Allow-Origin is "${shownValue(allow, 80)}", but the request came from "${shownValue(origin, 80)}"; the two must match exactly.`,
      },
    ];
  }
  return [];
}

function credentialCauses(ex: Exchange, credentials: string | undefined): CorsCause[] {
  if (!credentials) return [];
  const allow = one(ex, 'access-control-allow-credentials', 'response');
  // The Fetch standard accepts only the exact, case-sensitive value "true".
  if (allow === 'true') return [];
  const sent = allow === undefined ? 'is missing' : `is "${shownValue(allow, 40)}"`;
  const how =
    credentials === 'Cookie'
      ? 'The request carried credentials (Cookie)'
      : 'The request carried Authorization; sent with credentials (credentials: "include" or withCredentials), it';
  return [
    {
      kind: 'credentials-not-allowed',
      text: `${how} needs Access-Control-Allow-Credentials: true, which ${sent}.`,
    },
  ];
}

/** A preflight's answer must allow the method and every header the real request will send. */
function preflightCauses(ex: Exchange): CorsCause[] {
  const causes: CorsCause[] = [];
  const status = ex.serverStatus ?? ex.status;
  if (status !== 0 && (status < 200 || status > 299)) {
    causes.push({
      kind: 'preflight-status',
      text: `A preflight must be answered with a 2xx status; the server answered ${status}.`,
    });
  }
  const method = one(ex, 'access-control-request-method', 'request') ?? '';
  const methods = listMembers(one(ex, 'access-control-allow-methods', 'response'));
  // Method names compare case-sensitively; "*" allows any method (without credentials).
  if (method && !SAFELISTED_METHODS.has(method) && !methods.includes(method) && !methods.includes('*')) {
    causes.push({
      kind: 'preflight-method',
      text:
        methods.length === 0
          ? `The preflight asks to send ${shownValue(method, 20)}, and the response has no Access-Control-Allow-Methods allowing it.`
          : `The preflight asks to send ${shownValue(method, 20)}, but Access-Control-Allow-Methods allows only "${shownValue(methods.join(', '), 80)}".`,
    });
  }
  const wanted = listMembers(one(ex, 'access-control-request-headers', 'request')).map((h) =>
    h.toLowerCase(),
  );
  const allowed = new Set(
    listMembers(one(ex, 'access-control-allow-headers', 'response')).map((h) => h.toLowerCase()),
  );
  // "*" covers every header except Authorization, which must be named.
  const missing = wanted.filter((h) => !allowed.has(h) && (!allowed.has('*') || h === 'authorization'));
  if (missing.length > 0) {
    // Name a few: a hostile request can list thousands of header names.
    const named = firstFew(
      missing.slice(0, MAX_NAMED).map((h) => shownValue(h, 40)),
      MAX_NAMED,
      missing.length,
    );
    const allowList =
      allowed.size > 0
        ? ` ("${shownValue([...allowed].slice(0, 20).join(', '), 80)}")`
        : ' (the header is missing)';
    causes.push({
      kind: 'preflight-headers',
      text: `The preflight asks to send ${named}, which Access-Control-Allow-Headers does not allow${allowList}.`,
    });
  }
  return causes;
}

/**
 * The reasons the CORS check fails on this exchange, most basic first; empty when the headers
 * show none. For a preflight, also whether it allows the request it announces.
 */
export function corsCauses(ex: Exchange): CorsCause[] {
  if (isCorsPreflight(ex)) {
    // A preflight never carries credentials itself; what it must allow is in its own headers.
    return [...originCauses(ex, undefined, true), ...preflightCauses(ex)];
  }
  // Only a request that says where it came from is known to be cross-origin.
  if (!hasHeader(ex.requestHeaders, 'origin')) return [];
  const credentials = credentialsSent(ex);
  const origin = originCauses(ex, credentials);
  return origin.length > 0 ? origin : credentialCauses(ex, credentials);
}

/**
 * A request Chromium failed after the response arrived with its generic net::ERR_FAILED: how a
 * CORS-blocked fetch is recorded (the response headers kept, the page given nothing).
 */
export function blockedAfterResponse(
  ex: Pick<Exchange, 'status' | 'failure' | 'serverStatus' | 'responseHeaders'>,
): boolean {
  if (ex.status !== 0 || netErrorName(ex.failure) !== 'net::ERR_FAILED') return false;
  return responseArrived(ex);
}
