import type { CatalogueEntry } from '../types';
import { registered, retry, rfc, rfc9110 } from './define';

const FIX = 'Sending it again unchanged fails the same way.';

/** 421–451. */
export const CLIENT_ERRORS_B: CatalogueEntry[] = [
  registered(421, rfc9110('15.5.20'), {
    summary: 'This server cannot answer for the host in the request (a reused connection went astray).',
    meaning:
      "The request reached a server that is not set up to answer for the URL's scheme and host, often because an HTTP/2 connection was reused for another host name.",
    causes: [
      'HTTP/2 connection coalescing onto a server that does not serve that host',
      'TLS SNI and Host header naming different hosts',
      'CDN or proxy routing mix-up',
    ],
    action: 'Retry on a fresh connection; server owners should align certificates, SNI and virtual hosts.',
    retry: retry(
      'on-new-connection',
      'RFC 9110 lets clients retry on a new connection whatever the method; no wait is needed.',
    ),
    headers: ['Host'],
  }),
  registered(422, rfc9110('15.5.21'), {
    summary: 'Well-formed request, but its content fails validation or business rules.',
    meaning:
      'The server understands the media type and the syntax is fine, yet it cannot carry out the instructions, for example because a field holds a value of the right type but not an allowed one.',
    causes: [
      'Field validation failures (required, range, format)',
      'A business rule violated (e.g. an end date before the start date)',
      'The body refers to something that does not exist',
    ],
    action: 'Read the validation errors in the body, fix the fields they name and send again.',
    retry: retry('after-fixing-request', FIX),
    headers: ['Content-Type'],
    profiles: {
      problem:
        'Well-formed but fails business validation; each failure is a problem-shaped item (title, detail) in `errors`.',
    },
  }),
  registered(423, rfc(4918, '11.3'), {
    summary: 'The resource is locked (WebDAV) and cannot be changed right now.',
    meaning:
      'The source or destination of the method is locked and the request did not include a matching lock token.',
    causes: [
      'Another client holds a WebDAV lock',
      'A stale lock left behind after a crash',
      'A document open for editing elsewhere',
    ],
    action: 'Wait for the lock to be released, or send the lock token in an If header if the lock is yours.',
    retry: retry('with-backoff', 'Retry later, once the lock is gone.'),
    headers: ['Lock-Token', 'If'],
  }),
  registered(424, rfc(4918, '11.4'), {
    summary: 'Not done because another action it depended on failed.',
    meaning:
      'The method could not be applied because a related action in the same request failed, for example one property in a PROPPATCH.',
    causes: [
      'One failing part of a WebDAV PROPPATCH aborting the rest',
      'Transactional batch APIs rolling back every item',
    ],
    action:
      'Find the part that failed (usually listed in the same body with its own status), fix it and resend.',
    retry: retry('after-fixing-request', 'Resend once the failing part is fixed.'),
    headers: ['Content-Type'],
  }),
  registered(425, rfc(8470, '5.2'), {
    summary: 'The server will not risk processing a request sent in TLS early data (0-RTT).',
    meaning:
      'The request arrived in TLS 1.3 early data, which an attacker could replay, so the server declined to process it.',
    causes: [
      'A non-idempotent request sent during 0-RTT resumption',
      'A CDN policy rejecting early data on some paths',
    ],
    action: 'Send it again after the TLS handshake completes; browsers do this automatically.',
    retry: retry('after-fixing-request', 'Resend without early data; the request was not processed.'),
    headers: ['Early-Data'],
  }),
  registered(426, rfc9110('15.5.22'), {
    summary: 'Refused over this protocol; switch to the one named in Upgrade.',
    meaning:
      'The server will only process the request after the client moves to another protocol, which it names in the Upgrade header.',
    causes: [
      'Plain HTTP/1.x where TLS or HTTP/2 is required',
      'A WebSocket endpoint called with a plain GET',
    ],
    action: 'Switch to the protocol named in Upgrade and retry.',
    retry: retry('after-fixing-request', FIX),
    headers: ['Upgrade', 'Connection'],
  }),
  registered(428, rfc(6585, '3'), {
    summary: 'The server insists on a conditional request (If-Match) to prevent lost updates.',
    meaning:
      'The origin requires the request to be conditional so that a client cannot overwrite changes it has not seen.',
    causes: ['A PUT or PATCH sent without If-Match', 'An API that enforces optimistic concurrency'],
    action: 'GET the resource, then resend the change with If-Match set to its ETag.',
    retry: retry('after-fixing-request', 'Resend with a precondition.'),
    headers: ['If-Match', 'ETag'],
  }),
  registered(429, rfc(6585, '4'), {
    summary: 'Rate limited: too many requests in a given time; slow down.',
    meaning:
      'The client sent more requests than the server allows in a period. The response may say how long to wait in Retry-After or rate-limit headers.',
    causes: [
      'A burst of requests over the quota',
      'Many clients sharing one key or IP address',
      'A retry loop without backoff',
    ],
    action: 'Wait as long as Retry-After or the rate-limit headers say, then retry; throttle your calls.',
    retry: retry('after-retry-after', 'Honour Retry-After; without it, back off exponentially with jitter.'),
    headers: ['Retry-After', 'RateLimit', 'RateLimit-Policy', 'X-RateLimit-Reset'],
  }),
  registered(431, rfc(6585, '5'), {
    summary: 'The request headers, taken together or one of them, are too large.',
    meaning:
      'The server refuses the request because its header section, or a single header field, is over its size limits.',
    causes: [
      'Too many or too large cookies for the domain',
      'A huge Authorization token (e.g. a JWT with many claims)',
      'Proxies appending the same headers repeatedly',
    ],
    action: 'Clear or trim cookies, shorten tokens, or drop headers that are not needed.',
    retry: retry('after-fixing-request', FIX),
    headers: ['Cookie', 'Authorization'],
  }),
  registered(451, rfc(7725, '3'), {
    summary: 'Blocked for legal reasons, such as a court order or sanctions.',
    meaning:
      'The server refuses access because of a legal demand. A Link header with rel="blocked-by" may identify who is carrying out the block (an ISP or host, say), not the authority that ordered it.',
    causes: [
      'A government or court-ordered block',
      'Geo-restriction for licensing or sanctions',
      'A takedown notice',
    ],
    action: 'Read the body for the reason; nothing in the request can fix it.',
    retry: retry('never', 'The block is legal, not technical.'),
    headers: ['Link'],
  }),
];
