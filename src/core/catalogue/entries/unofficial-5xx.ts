import type { CatalogueEntry } from '../types';
import { retry, vendor } from './define';

const CF =
  'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/';
/**
 * 509, 598 and 599 have no definer to link: no vendor publishes them (cPanel's bandwidth module
 * sends 509 undocumented) and the IANA registry leaves them unassigned, so linking it would say
 * the opposite. This list is where the conventions are recorded, with the other unofficial codes.
 */
const UNOFFICIAL_LIST = 'https://en.wikipedia.org/wiki/List_of_HTTP_status_codes#Unofficial_codes';
const CF_HEADERS = ['CF-RAY', 'Server'];

/** Unregistered 5xx codes that vendors send. */
export const UNOFFICIAL_5XX: CatalogueEntry[] = [
  vendor(509, UNOFFICIAL_LIST, {
    summary: 'Web hosting: the site has used up its bandwidth allowance for the period.',
    meaning:
      "Shared hosting (cPanel, Apache bandwidth modules) answers 509 once the account's traffic quota is exhausted. The code is not registered, and no vendor publishes a definition of it.",
    causes: [
      'A traffic spike or hotlinking exhausting the monthly quota',
      'A low bandwidth limit on the hosting plan',
    ],
    action: "Wait for the quota period to reset, or raise the plan's limit.",
    retry: retry('with-backoff', 'Nothing changes until the quota resets, often monthly.'),
    headers: [],
  }),
  vendor(520, `${CF}error-520/`, {
    summary: 'Cloudflare: the origin sent back an empty, unknown or unexpected response.',
    meaning:
      "Cloudflare's catch-all for an origin reply it could not use: empty, malformed, with headers over its limits, or a connection reset after the request was sent.",
    causes: [
      'The origin crashed or reset the connection',
      "Response headers over Cloudflare's size limit (e.g. many cookies)",
      'An empty reply or protocol violation from the origin',
    ],
    action: 'Search the origin logs for the time and the CF-RAY id; fix crashes or oversized headers.',
    retry: retry('with-backoff', 'Often transient, but a steady 520 is an origin bug.'),
    headers: CF_HEADERS,
  }),
  vendor(521, `${CF}error-521/`, {
    summary: 'Cloudflare: the origin web server refused the connection.',
    meaning:
      'Cloudflare could not open a TCP connection to the origin because the origin actively refused it.',
    causes: [
      'The origin web server is stopped',
      "A firewall blocking Cloudflare's IP ranges",
      'The wrong origin port',
    ],
    action: "Start the origin server and allow Cloudflare's IP ranges through its firewall.",
    retry: retry('with-backoff', 'Retry once the origin is back.'),
    headers: CF_HEADERS,
  }),
  vendor(522, `${CF}error-522/`, {
    summary: 'Cloudflare: the TCP connection to the origin timed out.',
    meaning:
      "Cloudflare's connection attempt to the origin, or its request on that connection, got no answer in time.",
    causes: [
      'An overloaded origin',
      'A firewall silently dropping Cloudflare traffic',
      'The wrong origin IP in DNS',
    ],
    action: "Check the origin's load, its firewall rules and the IP in the DNS record.",
    retry: retry('with-backoff', 'Retry later; repeated 522s need action on the origin.'),
    headers: CF_HEADERS,
  }),
  vendor(523, `${CF}error-523/`, {
    summary: 'Cloudflare: there is no network route to the origin.',
    meaning:
      "Cloudflare cannot reach the origin's address at all, usually because the DNS record or routing is wrong.",
    causes: [
      'The origin IP in DNS is wrong or has changed',
      "A routing problem between Cloudflare and the origin's network",
    ],
    action: 'Check the DNS record for the origin and that its IP is reachable from the internet.',
    retry: retry('with-backoff', 'Retry after the DNS or routing issue is fixed.'),
    headers: CF_HEADERS,
  }),
  vendor(524, `${CF}error-524/`, {
    summary: 'Cloudflare: connected, but the origin did not answer before the proxy read timeout.',
    meaning:
      'Cloudflare reached the origin, but no HTTP response arrived before its proxy read timeout (on the order of 100 seconds by default). The origin may still finish the work.',
    causes: ['A long-running request such as a report or export', 'An overloaded origin or a slow database'],
    action: 'Make long work asynchronous (202 and polling) or speed it up.',
    retry: retry('if-idempotent', 'The origin may have completed the work; only repeat safe requests.'),
    headers: CF_HEADERS,
  }),
  vendor(525, `${CF}error-525/`, {
    summary: 'Cloudflare: the TLS handshake with the origin failed.',
    meaning:
      'With SSL mode Full or Full (strict), Cloudflare could not complete a TLS handshake with the origin.',
    causes: [
      'No certificate or TLS listener on the origin port',
      'No shared TLS version or cipher',
      'The origin does not handle SNI',
    ],
    action: "Fix the origin's TLS setup, or change the zone's SSL mode.",
    retry: retry('never', 'A configuration problem; retrying does not help.'),
    headers: CF_HEADERS,
  }),
  vendor(526, `${CF}error-526/`, {
    summary: "Cloudflare: the origin's certificate failed validation (SSL mode Full strict).",
    meaning:
      'Cloudflare connected to the origin over TLS, but the certificate it presented could not be validated.',
    causes: [
      'An expired or self-signed origin certificate',
      'The certificate does not cover the host name',
      'An incomplete chain',
    ],
    action: 'Install a valid certificate (or a Cloudflare Origin CA certificate) on the origin.',
    retry: retry('never', 'A configuration problem; retrying does not help.'),
    headers: CF_HEADERS,
  }),
  vendor(527, `${CF}error-527/`, {
    summary: 'Cloudflare: the Railgun link to the origin failed (Railgun is retired).',
    meaning:
      "Railgun, a discontinued Cloudflare accelerator, could not connect Cloudflare's edge with the Railgun listener next to the origin.",
    causes: ['The Railgun listener is down or unreachable', 'Timeouts on the Railgun connection'],
    action: 'Check the Railgun listener, or turn Railgun off.',
    retry: retry('with-backoff', 'Retry after the listener is back.'),
    headers: CF_HEADERS,
  }),
  vendor(529, 'https://github.com/ssllabs/ssllabs-scan/blob/master/ssllabs-api-docs-v3.md', {
    summary: 'The service is overloaded right now (Qualys SSL Labs API).',
    meaning:
      "An unregistered code used by Qualys's SSL Labs API to say the service is overloaded and cannot take the request now.",
    causes: ['Too many concurrent requests or assessments', 'Platform-wide overload'],
    action: 'Slow down and retry later.',
    retry: retry('with-backoff', 'Back off for a while (minutes rather than seconds).'),
    headers: [],
  }),
  vendor(530, `${CF}error-530/`, {
    summary: 'Cloudflare: error 530 with a 1xxx Cloudflare error in the body (DNS, Tunnel…).',
    meaning:
      'Cloudflare returns 530 together with one of its 1xxx error pages; the 1xxx number in the body says what failed, such as 1016 (origin DNS error) or a disconnected Tunnel.',
    causes: [
      'The origin DNS record cannot be resolved (1016)',
      'A Cloudflare Tunnel that is not connected',
      'A zone or account configuration issue',
    ],
    action: 'Look up the 1xxx code from the body in the Cloudflare docs and fix that setting.',
    retry: retry('never', 'A configuration problem; retrying does not help.'),
    headers: CF_HEADERS,
  }),
  vendor(
    561,
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html#load-balancer-http-error-codes',
    {
      summary: 'AWS ALB: the identity provider returned an error while authenticating the user.',
      meaning:
        'With authenticate-oidc or authenticate-cognito listener rules, the load balancer answers 561 when the identity provider returns an error code during sign-in.',
      causes: [
        'IdP misconfiguration (client id, secret or callback URL)',
        'The user denied consent or failed to sign in',
      ],
      action: "Check the IdP's error and the listener's authentication settings, then sign in again.",
      retry: retry('after-reauthenticating', 'Retry after a successful sign-in.'),
      headers: ['Location', 'Set-Cookie'],
    },
  ),
  vendor(598, UNOFFICIAL_LIST, {
    summary: 'Some proxies: reading the upstream response timed out (unregistered).',
    meaning:
      "A non-standard code some HTTP proxies send when they time out while reading the upstream server's response. It is not registered, and no specification defines it.",
    causes: ['A slow upstream', 'A low read timeout on the proxy'],
    action: 'Find out why the upstream is slow, or raise the proxy read timeout.',
    retry: retry('if-idempotent', 'The upstream may have done the work; only repeat safe requests.'),
    headers: ['Via'],
  }),
  vendor(599, UNOFFICIAL_LIST, {
    summary: 'Some proxies: connecting to the upstream timed out (unregistered).',
    meaning:
      'A non-standard code some HTTP proxies send when they could not open a connection to the upstream in time. It is not registered, and no specification defines it.',
    causes: ['The upstream is down or firewalled', 'DNS resolving to a dead address'],
    action: 'Check that the upstream is up and reachable from the proxy.',
    retry: retry('with-backoff', 'Nothing reached the upstream, so retrying is safe.'),
    headers: ['Via'],
  }),
];
