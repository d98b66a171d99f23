import type { CatalogueEntry } from '../types';
import { registered, retry, rfc, rfc9110 } from './define';

export const SERVER_ERRORS: CatalogueEntry[] = [
  registered(500, rfc9110('15.6.1'), {
    summary: 'The server hit an unexpected condition; the fault is on its side.',
    meaning:
      'A generic server failure with no more specific code. The request may or may not have taken effect before it failed.',
    causes: [
      'An unhandled exception or bug',
      'A dependency error (such as the database) not mapped to a better code',
      'Misconfiguration after a deployment',
    ],
    action: 'Retry later with backoff; if it persists, report it with the time and any request id.',
    retry: retry(
      'with-backoff',
      'Often transient; be careful resending non-idempotent requests that may have run.',
    ),
    headers: [],
  }),
  registered(501, rfc9110('15.6.2'), {
    summary: 'The server does not support the functionality (often the method) required.',
    meaning:
      'The server does not recognise the request method, or cannot support it for any resource. Unlike 405, it is a server-wide limitation.',
    causes: [
      'A method the server does not implement (e.g. PATCH)',
      'An endpoint planned but not built yet',
      'A proxy lacking a feature the request needs',
    ],
    action: 'Use a supported method or feature; retrying will not help.',
    retry: retry('never', 'The capability is missing, not temporarily unavailable.'),
    headers: [],
    profiles: { envelope: 'The requested HTTP operation is not implemented yet.' },
  }),
  registered(502, rfc9110('15.6.3'), {
    summary: 'A gateway or proxy got an invalid response from the upstream server.',
    meaning:
      'A server acting as gateway or proxy reached out to the upstream it needs and got back something invalid, or nothing it could use.',
    causes: [
      'The upstream app crashed or closed the connection',
      'Proxy pointed at the wrong port or protocol',
      'Upstream response headers too large or malformed',
      'Upstream instances restarting during a deployment',
    ],
    action: "Retry with backoff; server owners should check the upstream's health and the proxy logs.",
    retry: retry('with-backoff', 'Usually transient; wait before retrying.'),
    headers: ['Via', 'Server'],
    profiles: {
      envelope: 'A backend service (such as the data store) failed; the API is unavailable for now.',
    },
  }),
  registered(503, rfc9110('15.6.4'), {
    summary: 'Temporarily unable to handle requests (overload or maintenance).',
    meaning:
      'The server cannot handle the request right now because of overload or maintenance, which should clear after a while. Retry-After may say how long.',
    causes: [
      'Planned maintenance',
      'Overload, or autoscaling not keeping up',
      'No healthy backend behind a load balancer',
      'An open circuit breaker',
    ],
    action: 'Wait as Retry-After says (or back off) and retry.',
    retry: retry('after-retry-after', 'Honour Retry-After; without it, back off exponentially.'),
    headers: ['Retry-After'],
    profiles: { envelope: 'Down for maintenance; try again later.' },
  }),
  registered(504, rfc9110('15.6.5'), {
    summary: 'A gateway or proxy timed out waiting for the upstream server.',
    meaning:
      'The gateway did not get a timely answer from the upstream it needed. The upstream may still be working on the request and may complete it.',
    causes: [
      'A slow query or long handler above the proxy timeout',
      'Upstream overloaded or stuck',
      'Network trouble between proxy and upstream',
    ],
    action: 'Retry idempotent requests with backoff; move slow operations to an asynchronous (202) pattern.',
    retry: retry(
      'if-idempotent',
      'The upstream may have finished the work; only repeat requests that are safe to repeat.',
    ),
    headers: ['Via'],
  }),
  registered(505, rfc9110('15.6.6'), {
    summary: 'The server refuses the HTTP major version the request used.',
    meaning: 'The server does not support, or will not support, the major HTTP version of the request.',
    causes: [
      'A client speaking a version the server lacks',
      'A garbled request line that looks like another version',
    ],
    action: 'Use a version the server supports, usually HTTP/1.1.',
    retry: retry('after-fixing-request', 'Retry with a supported HTTP version.'),
    headers: [],
  }),
  registered(506, rfc(2295, '8.1'), {
    summary: 'Server misconfiguration: the chosen variant negotiates again, forming a loop.',
    meaning:
      'Transparent content negotiation found that the variant it selected is itself set up to negotiate, so no final representation can be picked.',
    causes: [
      'A content-negotiation type map pointing back at itself',
      'Variant lists that include the negotiable resource',
    ],
    action: "Nothing to change on the client; the server's negotiation setup must be fixed.",
    retry: retry('never', 'The configuration is broken until the server owner fixes it.'),
    headers: ['Alternates', 'TCN'],
  }),
  registered(507, rfc(4918, '11.5'), {
    summary: 'The server has no room left to store what the request needs.',
    meaning:
      'The method could not be performed because the server cannot store the representation needed to complete it. In principle the condition is temporary.',
    causes: ['Disk or quota full on the server', 'User storage quota exceeded (WebDAV, file sync)'],
    action: 'Free space or raise the quota, then retry.',
    retry: retry('with-backoff', 'Retry only after space has been freed.'),
    headers: [],
  }),
  registered(508, rfc(5842, '7.2'), {
    summary: 'The server stopped an infinite loop while processing the request.',
    meaning:
      'The server ended an operation because it ran into an infinite loop, typically while walking WebDAV collections with Depth: infinity. Some shared hosts reuse it for "resource limit reached".',
    causes: ['WebDAV bindings forming a cycle', 'A shared-hosting account hitting its process or CPU limits'],
    action: 'Avoid Depth: infinity on looped collections; on shared hosting, check the account limits.',
    retry: retry('never', 'The loop is in the data or setup; repeating hits it again.'),
    headers: ['Depth'],
  }),
  registered(510, rfc(2774, '7'), {
    summary: 'Obsolete: the server wanted an HTTP extension declaration the request lacked.',
    meaning:
      'From the experimental HTTP Extension Framework: the request did not declare a mandatory extension. The registry marks the code obsoleted.',
    causes: ['A legacy server using RFC 2774', 'A server misusing the code for a generic error'],
    action: 'Treat it as a generic 500 and tell the server owner to use a current code.',
    retry: retry('never', 'Nothing a client can add will satisfy an obsolete framework.'),
    headers: ['Man', 'Opt'],
  }),
  registered(511, rfc(6585, '6'), {
    summary: 'The network (a captive portal) wants you to sign in before going further.',
    meaning:
      'Sent by an intercepting proxy on networks that gate access, such as hotel or airport Wi-Fi, not by the server you were trying to reach.',
    causes: ['A captive portal on public Wi-Fi', 'A corporate network that requires sign-in'],
    action: 'Open a page in a browser, complete the network sign-in, then retry.',
    retry: retry('after-reauthenticating', 'Retry after signing in to the network.'),
    headers: [],
  }),
];
