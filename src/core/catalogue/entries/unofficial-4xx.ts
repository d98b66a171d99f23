import type { CatalogueEntry } from '../types';
import { retry, vendor } from './define';

const ALB_DOCS =
  'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html#load-balancer-http-error-codes';
const NGINX_SSL_ERRORS = 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#errors';
const NGINX_CODES = 'https://github.com/nginx/nginx/blob/master/src/http/ngx_http_request.h';

/** Unregistered 4xx codes that vendors send or log. */
export const UNOFFICIAL_4XX: CatalogueEntry[] = [
  vendor(
    419,
    'https://laravel.com/docs/csrf',
    {
      summary: 'Laravel: the CSRF token or the session expired before the form was sent.',
      meaning:
        'Laravel answers 419 when the CSRF token of a state-changing request is missing or no longer matches the session, usually because the session expired. Some ASP.NET apps have used 419 for an authentication timeout.',
      causes: [
        'The session expired while the page was open',
        'An AJAX call without the X-CSRF-TOKEN or X-XSRF-TOKEN header',
        'Cookies blocked, so the session is not kept',
      ],
      action: 'Reload the page to get a fresh token; send the CSRF token with AJAX requests.',
      retry: retry('after-reauthenticating', 'Retry with a fresh session and token.'),
      headers: ['X-CSRF-TOKEN', 'X-XSRF-TOKEN', 'Set-Cookie'],
    },
    ['Authentication Timeout'],
  ),
  vendor(420, 'https://web.archive.org/web/2013/https://dev.twitter.com/docs/error-codes-responses', {
    summary: "Twitter's old API: rate limited on search or streaming; back off.",
    meaning:
      "Twitter's v1 Search and Streaming APIs used 420 to say the client was being rate limited, before 429 was registered.",
    causes: ['Too many reconnects to the streaming API', 'Search rate limit exceeded'],
    action: 'Back off exponentially before reconnecting; handle it like 429.',
    retry: retry('with-backoff', 'Wait longer after each 420; quick reconnects extend the penalty.'),
    headers: ['X-RateLimit-Reset'],
  }),
  vendor(
    440,
    'https://learn.microsoft.com/en-us/troubleshoot/developer/webapps/iis/health-diagnostic-performance/http-status-code',
    {
      summary: 'Microsoft IIS / Exchange: the login session timed out; sign in again.',
      meaning:
        "IIS-hosted applications, notably Outlook Web App, send 440 when the client's session has expired and it has to sign in again.",
      causes: [
        'An Outlook Web App or Exchange session expired',
        'An idle timeout on an IIS forms-authentication session',
      ],
      action: 'Sign in again and repeat the request.',
      retry: retry('after-reauthenticating', 'Retry after signing in.'),
      headers: ['Set-Cookie'],
    },
  ),
  vendor(
    444,
    'https://nginx.org/en/docs/http/ngx_http_rewrite_module.html#return',
    {
      summary: 'nginx closed the connection without sending anything (logged as 444).',
      meaning:
        'An nginx rule can `return 444` to drop a request without any reply. The code only shows in nginx logs; the client sees a closed connection (ERR_EMPTY_RESPONSE in Chrome).',
      causes: [
        'A rule dropping bots, unknown hosts or unwanted user agents',
        'The default server block catching requests with an unexpected Host',
        'Block lists or abuse protection',
      ],
      action:
        'Check that the Host and the request look legitimate; server owners should review their return 444 rules.',
      retry: retry('never', 'The server drops such requests on purpose.'),
      headers: ['Host'],
    },
    ['Connection Closed Without Response'],
  ),
  vendor(
    449,
    'https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-wdv/83ecf19f-e0f8-4706-aae5-ba618f52f100',
    {
      summary: 'Microsoft: resend the request with the extra information the server asks for.',
      meaning:
        'A Microsoft extension (WebDAV, Exchange ActiveSync) saying the request lacked information. The client should repeat it with what the server names, e.g. an Ms-Echo-Reply header.',
      causes: [
        'A Microsoft WebDAV server asking the client to echo a value',
        'Exchange ActiveSync asking the device to provision again',
      ],
      action: 'Repeat the request with the information the response asks for.',
      retry: retry('after-fixing-request', 'Retry once the missing information is added.'),
      headers: ['Ms-Echo-Request', 'Ms-Echo-Reply'],
    },
  ),
  vendor(460, ALB_DOCS, {
    summary: 'AWS ALB: the client hung up before the load balancer answered (seen in logs).',
    meaning:
      'An Application Load Balancer logs 460 when the client closed the connection before the idle timeout elapsed and before a response was ready. The client never receives it.',
    causes: [
      "Client timeout shorter than the backend's processing time",
      'The user navigated away or the app cancelled the request',
      'A mobile network drop',
    ],
    action: 'Raise the client timeout above the backend latency, or speed up or decouple the slow endpoint.',
    retry: retry(
      'if-idempotent',
      'The target may have processed it; only repeat requests that are safe to repeat.',
    ),
    headers: [],
  }),
  vendor(463, ALB_DOCS, {
    summary: 'AWS ALB: X-Forwarded-For listed more than 30 IP addresses.',
    meaning:
      'The load balancer rejects requests whose X-Forwarded-For header carries more than 30 addresses, which usually points to a proxy loop.',
    causes: ['A proxy chain or loop appending to X-Forwarded-For', 'A client forging a long X-Forwarded-For'],
    action: 'Find the hop that keeps appending and reset X-Forwarded-For at the edge.',
    retry: retry('after-fixing-request', 'The same header is rejected every time.'),
    headers: ['X-Forwarded-For'],
  }),
  vendor(464, ALB_DOCS, {
    summary: 'AWS ALB: request protocol incompatible with the target group (HTTP/1.1, HTTP/2, gRPC).',
    meaning:
      'The load balancer got a request in a protocol version the target group cannot take, such as HTTP/1.1 sent to a gRPC or HTTP/2 target group.',
    causes: [
      'A gRPC target group receiving HTTP/1.1 requests',
      'An HTTP/2 target group reached by an HTTP/1 client',
    ],
    action: "Use the protocol the target group expects, or change the target group's protocol version.",
    retry: retry('after-fixing-request', 'Resend with a compatible protocol.'),
    headers: [],
  }),
  vendor(494, NGINX_CODES, {
    summary: 'nginx: a request header or cookie did not fit large_client_header_buffers.',
    meaning:
      'nginx uses 494 internally when a request line or header is too big for its buffers. It appears in logs and error_page rules; clients usually see a 400 "Request Header Or Cookie Too Large" page.',
    causes: ['Too many or too large cookies', 'A very long Authorization or Referer header'],
    action: 'Trim cookies or headers; server owners can raise large_client_header_buffers.',
    retry: retry('after-fixing-request', 'Retry with smaller headers.'),
    headers: ['Cookie'],
  }),
  vendor(495, NGINX_SSL_ERRORS, {
    summary: 'nginx: the client certificate presented failed verification.',
    meaning:
      'With client-certificate checks enabled, nginx uses 495 when the certificate the client sent is invalid. Without a matching error_page the client sees a 400 page.',
    causes: [
      'Client certificate expired or issued by an untrusted CA',
      'The server trusts a different CA chain',
    ],
    action: 'Present a valid client certificate issued by a CA the server trusts.',
    retry: retry('after-fixing-request', 'Retry with a valid certificate.'),
    headers: [],
  }),
  vendor(496, NGINX_SSL_ERRORS, {
    summary: 'nginx: a client certificate is required but none was sent.',
    meaning:
      'nginx demands a client certificate for this server and the client did not present one. Without a matching error_page the client sees a 400 page.',
    causes: ['Client not configured with a certificate', 'The user dismissed the browser certificate picker'],
    action: 'Configure the client to present its certificate.',
    retry: retry('after-fixing-request', 'Retry with a certificate.'),
    headers: [],
  }),
  vendor(497, NGINX_SSL_ERRORS, {
    summary: 'nginx: a plain HTTP request arrived on the HTTPS port.',
    meaning:
      'nginx flags requests that spoke plain HTTP to a port expecting TLS. Sites often map error_page 497 to a redirect to https.',
    causes: [
      'An http:// URL with the HTTPS port (e.g. http://host:443)',
      'A proxy forwarding plain HTTP to the TLS listener',
    ],
    action: 'Use https:// for that port.',
    retry: retry('after-fixing-request', 'Retry over HTTPS.'),
    headers: [],
  }),
  vendor(498, 'https://enterprise.arcgis.com/en/server/latest/administer/linux/acquiring-arcgis-tokens.htm', {
    summary: 'ArcGIS: the token is expired or invalid (often inside a 200 JSON body).',
    meaning:
      'Esri ArcGIS services use 498 for an expired or otherwise invalid token; many endpoints put the code in a JSON error object while the HTTP status stays 200.',
    causes: [
      'An expired ArcGIS token',
      'A token issued for another referer or IP address',
      'A token revoked after a password change',
    ],
    action: 'Generate a new token and repeat the request.',
    retry: retry('after-reauthenticating', 'Retry with a new token.'),
    headers: ['Referer'],
  }),
  vendor(499, NGINX_CODES, {
    summary: 'nginx: the client closed the connection before the response was sent (logs only).',
    meaning:
      'nginx logs 499 when the client disconnects while the request is still being processed or proxied; Cloudflare reports it too. The client never sees it.',
    causes: [
      'Client timeout shorter than the upstream latency',
      'The user cancelled or navigated away (net::ERR_ABORTED in Chrome)',
      'Health checks with a short timeout',
    ],
    action: 'Find out why the upstream is slow, or raise the client timeout.',
    retry: retry('if-idempotent', 'The upstream may have finished the work; only repeat safe requests.'),
    headers: [],
  }),
];
