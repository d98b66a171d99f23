import type { CatalogueEntry } from '../types';
import { registered, retry, rfc9110 } from './define';

const FOLLOW = 'Follow the redirect instead; asking the old URL again gives the same answer.';

export const REDIRECTION: CatalogueEntry[] = [
  registered(300, rfc9110('15.4.1'), {
    summary: 'Several representations exist; pick one (Location may name a preferred one).',
    meaning:
      'The target has more than one representation and the server leaves the choice to the client. There is no standard list format; a Location header may name the favourite.',
    causes: ['Content negotiation left to the client', 'A document offered in several formats or languages'],
    action: 'Choose an option from the body, or follow Location when present.',
    retry: retry('never', 'Request the representation you chose instead.'),
    headers: ['Location', 'Vary'],
  }),
  registered(301, rfc9110('15.4.2'), {
    summary: 'Moved for good; use the URL in Location from now on.',
    meaning:
      'The resource has a new permanent URL. Clients should update stored links. Browsers may turn a POST into a GET when following it, which is why 308 exists.',
    causes: [
      'Site or API paths restructured',
      'HTTP to HTTPS, or apex to www, redirects',
      'Trailing-slash normalisation',
    ],
    action: 'Follow Location and update the URL you call; servers should send 308 for non-GET requests.',
    retry: retry('never', FOLLOW),
    headers: ['Location'],
  }),
  registered(302, rfc9110('15.4.3'), {
    summary: 'Temporarily at another URL; keep using the original one.',
    meaning:
      'The resource is, for now, under the URL in Location. Clients historically switch POST to GET when following it; 307 keeps the method.',
    causes: [
      'Login redirects',
      'Load-balancing or A/B test redirects',
      'Post/Redirect/Get done with 302 instead of 303',
    ],
    action:
      'Follow Location this time but keep the original URL; servers should use 307 if the method must be kept.',
    retry: retry('never', FOLLOW),
    headers: ['Location'],
  }),
  registered(303, rfc9110('15.4.4'), {
    summary: 'The answer is elsewhere: GET the URL in Location.',
    meaning:
      'The server points to another resource that describes the result, for example a status page after a POST. The follow-up request is a GET (or a HEAD, if the original was one).',
    causes: [
      'Post/Redirect/Get after a form submission',
      'A finished asynchronous job pointing at its result',
    ],
    action: 'Send a GET to the Location URL.',
    retry: retry('never', FOLLOW),
    headers: ['Location'],
  }),
  registered(304, rfc9110('15.4.5'), {
    summary: 'Your cached copy is still valid; no body is sent.',
    meaning:
      'A conditional GET or HEAD (If-None-Match or If-Modified-Since) found the resource unchanged, so the client should reuse its stored response.',
    causes: [
      'A browser revalidating a cached resource',
      'A client sending If-None-Match with the current ETag',
    ],
    action: 'Use the cached response and refresh its stored headers from this one.',
    retry: retry('never', 'Nothing failed: the cached copy is the answer.'),
    headers: ['ETag', 'Cache-Control', 'Last-Modified'],
  }),
  registered(305, rfc9110('15.4.6'), {
    summary: 'Deprecated: asked the client to repeat the request through a proxy.',
    meaning:
      'Early HTTP/1.1 used it to send clients through the proxy named in Location. It was deprecated for security reasons and clients ignore it.',
    causes: ['A very old server or appliance', 'Misconfigured proxy software'],
    action:
      'Do not act on it; configure proxies on the client side and report the response to the server owner.',
    retry: retry('never', 'Clients must not follow it; resending changes nothing.'),
    headers: ['Location'],
  }),
  registered(306, rfc9110('15.4.7'), {
    summary: 'Reserved; once "Switch Proxy", now unused and never sent by a correct server.',
    meaning:
      'The code appeared in a draft and is kept reserved so it is never reassigned. A server that sends it is misbehaving.',
    causes: ['A buggy or test server', 'An error mapped to the wrong number'],
    action: 'Handle it like 300, as RFC 9110 asks for codes a client does not understand, and report it.',
    retry: retry('never', 'The server should not send this code at all.'),
    headers: ['Location'],
  }),
  registered(307, rfc9110('15.4.8'), {
    summary: 'Temporarily elsewhere; repeat the same method and body at Location.',
    meaning:
      'Like 302 but the client must not change the method: a POST stays a POST. The original URL stays the one to use later. Chrome also shows 307 for its internal HSTS upgrade.',
    causes: [
      'Chrome upgrading http:// to https:// because of HSTS',
      'Maintenance or failover routing',
      'Load-balancer redirects',
    ],
    action: 'Resend the same request to Location; keep the original URL for next time.',
    retry: retry('never', FOLLOW),
    headers: ['Location'],
  }),
  registered(308, rfc9110('15.4.9'), {
    summary: 'Moved for good; repeat the same method and body at Location.',
    meaning: 'Like 301 but the method and body must be kept. Stored links should be updated to the new URL.',
    causes: ['An API path moved permanently', 'HTTPS or canonical-host redirects that must keep POST bodies'],
    action: 'Resend the request to Location and update your configuration to the new URL.',
    retry: retry('never', FOLLOW),
    headers: ['Location'],
  }),
];
