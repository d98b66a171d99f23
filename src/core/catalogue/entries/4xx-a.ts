import type { CatalogueEntry } from '../types';
import { registered, retry, rfc9110 } from './define';

const FIX = 'Sending it again unchanged fails the same way.';
const TOKEN_401 =
  'The token is missing, expired, signed by the key of another environment, or revoked. Obtain a new token and retry.';

/** 400–418. */
export const CLIENT_ERRORS_A: CatalogueEntry[] = [
  registered(400, rfc9110('15.5.1'), {
    summary: 'The server will not process a malformed or invalid request.',
    meaning:
      "Something in the request is wrong on the client's side: syntax, framing, parameters or body. It should not be repeated without changes.",
    causes: [
      'Malformed JSON, or a body that does not match its Content-Type',
      'Missing or invalid query parameters',
      'An unknown route on some APIs',
      'Oversized cookies or headers on servers without a dedicated code',
    ],
    action: 'Read the error body, fix the request and send it again.',
    retry: retry('after-fixing-request', FIX),
    headers: ['Content-Type'],
    profiles: {
      envelope:
        'Malformed syntax, a bad query, an unknown route or invalid JSON parameters; `errors` in the body should say what was malformed.',
      problem:
        'A problem+json body with title and detail; validation failures are listed in `errors`, each item itself problem-shaped.',
    },
  }),
  registered(401, rfc9110('15.5.2'), {
    summary: 'No valid credentials: authenticate (see WWW-Authenticate) and try again.',
    meaning:
      'The request lacks valid authentication for this resource. The server must say which scheme it accepts in WWW-Authenticate; if credentials were sent, they were refused.',
    causes: [
      'No Authorization header or session cookie sent',
      'Expired or revoked token',
      'Token issued for another environment, audience or issuer',
      'Wrong scheme, such as Basic where Bearer is expected',
    ],
    action:
      'Get fresh credentials (refresh the token or sign in again) and resend with a correct Authorization header.',
    retry: retry(
      'after-reauthenticating',
      'Retry once with new credentials; the same token will be refused again.',
    ),
    headers: ['WWW-Authenticate', 'Authorization'],
    profiles: { envelope: TOKEN_401, problem: TOKEN_401 },
  }),
  registered(402, rfc9110('15.5.3'), {
    summary: 'Reserved for payments; services use it for billing, plan or quota problems.',
    meaning:
      'The registry reserves the code for future use, but many services send it when the account must pay, upgrade or top up before the request is allowed.',
    causes: [
      'Subscription expired or a payment failed',
      'A paid feature called on a free plan',
      'A usage quota is used up',
    ],
    action: "Check the account's billing or plan; the body usually explains what is needed.",
    retry: retry('never', 'Retrying cannot help until the account problem is solved.'),
    headers: [],
  }),
  registered(403, rfc9110('15.5.4'), {
    summary: 'Understood but refused: this identity is not allowed to do this.',
    meaning:
      'The server understood the request and refuses it. Authenticating again as the same identity will not change the answer.',
    causes: [
      'Missing role, permission or OAuth scope',
      'IP allow-list, WAF or geo block',
      'Failed CSRF check',
      'The resource belongs to another account',
    ],
    action: 'Check the permissions or scopes of this identity; ask for access or use an account that has it.',
    retry: retry('never', 'The same credentials get the same refusal.'),
    headers: ['WWW-Authenticate'],
    profiles: {
      envelope: 'Authentication failed or the Application ID is invalid.',
      problem: 'The credentials are valid but do not carry the permissions this request needs.',
    },
  }),
  registered(404, rfc9110('15.5.5'), {
    summary: 'Nothing at this URL, or the server will not admit that there is.',
    meaning:
      'The origin has no current representation for the target, or hides one it will not disclose. It does not say whether the absence is temporary.',
    causes: [
      'Wrong path, id or API version in the URL',
      'The resource was deleted or never created',
      'A resource the caller is not allowed to know about',
      'A route missing after a deployment',
    ],
    action: 'Check the URL and ids; list the collection to see whether the resource exists.',
    retry: retry('never', 'Only worth retrying if the resource is still being created elsewhere.'),
    headers: [],
  }),
  registered(405, rfc9110('15.5.6'), {
    summary: 'The URL exists but not for this method; Allow lists the methods it takes.',
    meaning:
      'The target resource does not support the request method. The server must send an Allow header listing the methods it does support.',
    causes: [
      'POST to a read-only URL, or GET to an action endpoint',
      'No route defined for PUT, PATCH or DELETE',
      'A CORS preflight OPTIONS the server does not handle',
      'HEAD refused on a URL that serves GET (servers must answer HEAD as GET without the body)',
    ],
    action: 'Use one of the methods in Allow, or the right URL for the operation.',
    retry: retry('after-fixing-request', FIX),
    headers: ['Allow'],
  }),
  registered(406, rfc9110('15.5.7'), {
    summary: 'No representation matches the Accept headers the client sent.',
    meaning:
      'Content negotiation failed: the server has nothing in the media type, language or encoding the request demands, and refuses rather than sending a default.',
    causes: [
      'Accept lists only types the API does not produce',
      'A client library sends an unusual Accept by default',
      'Accept-Language or Accept-Encoding too narrow',
    ],
    action: 'Widen Accept (add application/json or */*) and send again.',
    retry: retry('after-fixing-request', FIX),
    headers: ['Accept', 'Vary'],
    profiles: { envelope: 'Only application/json is served: ask for it in Accept (or accept */*).' },
  }),
  registered(407, rfc9110('15.5.8'), {
    summary: 'A proxy on the way wants credentials (see Proxy-Authenticate).',
    meaning:
      'Like 401, but the challenge comes from a proxy between client and server. The proxy names its scheme in Proxy-Authenticate; credentials go in Proxy-Authorization.',
    causes: [
      'A corporate proxy that requires sign-in',
      'Proxy credentials missing or expired in the client settings',
    ],
    action: 'Configure proxy credentials in the client or operating system and retry.',
    retry: retry('after-reauthenticating', 'Retry once proxy credentials are set.'),
    headers: ['Proxy-Authenticate', 'Proxy-Authorization'],
  }),
  registered(408, rfc9110('15.5.9'), {
    summary: 'The server gave up waiting for the client to finish sending the request.',
    meaning:
      'The server did not receive a complete request in the time it was willing to wait, and closes the connection. It often hits idle keep-alive connections.',
    causes: [
      'A slow or stalled upload',
      'A connection opened early and never used (preconnect)',
      'A network stall between client and server',
    ],
    action: 'Resend on a new connection; if it repeats, look at upload speed and proxies.',
    retry: retry(
      'with-backoff',
      'The request was never processed, so resending is safe; browsers do it themselves.',
    ),
    headers: ['Connection'],
  }),
  registered(409, rfc9110('15.5.10'), {
    summary: 'The request conflicts with the current state of the resource.',
    meaning:
      "The server cannot complete the request because of the target's current state, such as an edit conflict or a uniqueness rule. The body should explain it.",
    causes: [
      'Concurrent edits (version mismatch)',
      'A unique name or id already exists',
      'The state forbids the change (e.g. deleting something in use)',
    ],
    action: 'Fetch the current state, resolve the conflict and send again.',
    retry: retry('after-fixing-request', 'It will conflict again unless the request or the state changes.'),
    headers: ['ETag'],
    profiles: {
      envelope: "The resource's state does not allow the request (for example, the disk is blocked).",
      problem: 'The request conflicts with another request.',
    },
  }),
  registered(410, rfc9110('15.5.11'), {
    summary: 'Removed on purpose and for good; there is no forwarding address.',
    meaning:
      'The resource existed and the server knows it is permanently gone. Clients should drop their links to it.',
    causes: ['An API version that was switched off', 'Deleted content, or an expired one-time link'],
    action: 'Stop calling this URL; move to the replacement API or resource.',
    retry: retry('never', 'It will not come back.'),
    headers: ['Sunset', 'Link'],
  }),
  registered(411, rfc9110('15.5.12'), {
    summary: 'The server demands a Content-Length for the request body.',
    meaning:
      'The server refuses a request that does not declare its body length, typically a chunked or empty POST.',
    causes: [
      'A chunked upload to a server that does not accept chunking',
      'A POST without a body and without Content-Length: 0',
    ],
    action: 'Send Content-Length (0 for an empty body) and retry.',
    retry: retry('after-fixing-request', FIX),
    headers: ['Content-Length', 'Transfer-Encoding'],
  }),
  registered(412, rfc9110('15.5.13'), {
    summary: 'A condition in the request headers (If-Match, If-Unmodified-Since…) was false.',
    meaning:
      'A conditional request failed: the resource no longer matches what the client expected, so the method was not applied. This prevents lost updates.',
    causes: [
      'A stale If-Match ETag because someone else changed the resource',
      'If-Unmodified-Since older than the last change',
    ],
    action: 'GET the resource again, reapply your change to the fresh copy and resend with the new ETag.',
    retry: retry('after-fixing-request', 'Retry with a condition that matches the current version.'),
    headers: ['If-Match', 'If-Unmodified-Since', 'ETag'],
    profiles: {
      envelope:
        'A resource this one depends on is not in an acceptable state (for example, deleting a VM whose disks are blocked); deal with that resource first.',
    },
  }),
  registered(413, rfc9110('15.5.14'), {
    summary: 'The request body is larger than the server will accept.',
    meaning:
      'The server refuses the request because its content is over a limit. If the limit is temporary it should say when to retry with Retry-After.',
    causes: [
      'An upload over the server, proxy or gateway limit (e.g. nginx client_max_body_size)',
      'Base64-encoded files inflating a JSON body',
      'Serverless platform payload limits',
    ],
    action: "Shrink or split the body, or use the API's mechanism for large uploads.",
    retry: retry('after-fixing-request', 'Retry only with a smaller body, or after Retry-After when given.'),
    headers: ['Content-Length', 'Retry-After'],
    profiles: { problem: "The body is over the API's limits; reduce it." },
  }),
  registered(414, rfc9110('15.5.15'), {
    summary: 'The request URL is longer than the server will handle.',
    meaning:
      'The target URI is longer than the server is willing to interpret. Servers and proxies often cap URLs at a few kilobytes.',
    causes: [
      'Long filters or id lists in the query string',
      'A redirect loop that keeps appending parameters',
      'Data that belongs in a request body sent in the URL',
    ],
    action: 'Move the data into a request body (e.g. POST a search) or shorten the query.',
    retry: retry('after-fixing-request', FIX),
    headers: [],
  }),
  registered(415, rfc9110('15.5.16'), {
    summary: "The server does not accept the body's format (Content-Type or Content-Encoding).",
    meaning:
      'The request content is in a media type or coding this method does not support on this resource. The server should say what it accepts: Accept for media types, Accept-Encoding for codings (and Accept-Patch for PATCH documents).',
    causes: [
      'JSON sent without Content-Type: application/json',
      'A form or multipart body sent to a JSON-only endpoint',
      'A compressed request body the server cannot decode',
    ],
    action: 'Send the body in a supported format with the matching Content-Type.',
    retry: retry('after-fixing-request', FIX),
    headers: ['Content-Type', 'Accept', 'Accept-Encoding', 'Accept-Patch'],
  }),
  registered(416, rfc9110('15.5.17'), {
    summary: 'The requested byte range lies outside the representation.',
    meaning:
      'None of the ranges in the Range header overlap the current content, for example bytes past the end of a file. The server should state the full length as Content-Range: bytes */length.',
    causes: [
      'Resuming a download of a file that has since changed',
      'Off-by-one range arithmetic',
      'A partial file on disk larger than the new version',
      'Too many small or overlapping ranges in one request, which a server may refuse',
    ],
    action: 'Read the length in Content-Range, then ask for a valid range or the whole resource.',
    retry: retry('after-fixing-request', FIX),
    headers: ['Content-Range', 'Range'],
    profiles: { envelope: 'A wrong pagination request: that page or range does not exist.' },
  }),
  registered(417, rfc9110('15.5.18'), {
    summary: 'The server cannot meet the Expect header (usually 100-continue).',
    meaning:
      "The server, or a proxy on the way, cannot satisfy the expectation in the request's Expect header.",
    causes: ['Expect: 100-continue through a proxy that does not support it', 'An unknown Expect value'],
    action: 'Send the request again without the Expect header.',
    retry: retry('after-fixing-request', FIX),
    headers: ['Expect'],
    profiles: { envelope: 'Used as a generic application error; the body says what actually went wrong.' },
  }),
  registered(418, rfc9110('15.5.19'), {
    summary: 'Reserved after the "I\'m a teapot" joke RFC; sometimes sent to turn clients away.',
    meaning:
      "RFC 2324, an April Fools' spec, had a teapot answer 418 when asked to brew coffee. The code is reserved so it is never assigned; some sites send it to block bots.",
    causes: ['An easter egg in a framework or site', 'Bot or scraper blocking', 'A test endpoint'],
    action: 'Handle it as a generic 400; if unexpected, ask the site owner why the request is refused.',
    retry: retry('never', 'A deliberate refusal; repeating it does not help.'),
    headers: [],
  }),
];
