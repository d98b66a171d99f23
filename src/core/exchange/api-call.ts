import { statusFamily } from './family';
import { headerValue } from './headers';
import { isJsonMediaType, mediaTypeOf, responseMediaType } from './media';
import type { Exchange } from './types';
import { splitUrl } from './url';
import { isWebSocket } from './websocket';

/**
 * What an "API call" is: the one definition the panel's "API only" filter and every profile's
 * scope (`apiCallsOnly`) share, so the rows a user keeps on screen are the ones profiles judge.
 */

/**
 * Resource types that are API calls: what a page's script asked for with fetch() or
 * XMLHttpRequest (`xmlhttprequest`: webRequest's name for both, kept by tools that record from it).
 */
const API_RESOURCE_TYPES: ReadonlySet<string> = new Set(['fetch', 'xhr', 'xmlhttprequest']);

/**
 * What the recorded resource type (DevTools' names) says of an exchange: true for fetch and XHR,
 * the calls a page's script makes; false for any other type (a page, a script, an image, a
 * beacon, a WebSocket, a preflight, `other`); undefined when the recorder kept none (Firefox,
 * Charles, curl-made HARs), so something else must decide.
 */
export function scriptResourceType(ex: Pick<Exchange, 'resourceType'>): boolean | undefined {
  const type = ex.resourceType?.toLowerCase();
  return type ? API_RESOURCE_TYPES.has(type) : undefined;
}

function isXmlMediaType(mediaType: string): boolean {
  if (mediaType === 'text/xml') return true;
  // XHTML is a page written in XML, not an API's answer (harviewer_cnn.har: a redirect page).
  if (mediaType === 'application/xhtml+xml') return false;
  return mediaType.startsWith('application/') && (mediaType.endsWith('/xml') || mediaType.endsWith('+xml'));
}

/**
 * JSON or XML under application/ (or text/xml): the media types an API answers in, and the only
 * ones that make a call of unknown kind an API call. image/svg+xml is XML too, but an image.
 */
function isApiMediaType(mediaType: string): boolean {
  if (mediaType === 'application/manifest+json') return false;
  return (isJsonMediaType(mediaType) && mediaType.startsWith('application/')) || isXmlMediaType(mediaType);
}

/**
 * Traffic that is never an API's own call, whatever its resource type says: WebSocket and
 * socket.io/engine.io transport (its long-polling runs over XHR), source maps and web-app
 * manifests (DevTools and the browser fetch them).
 */
function transportOrTooling(ex: Exchange): string | undefined {
  const url = splitUrl(ex.url);
  if (!url) return undefined;
  if (isWebSocket(ex)) return 'a WebSocket connection';
  // Any other protocol switch (h2c) is no API's answer either.
  if (ex.status === 101) return 'a protocol switch';
  const path = url.path.toLowerCase();
  if (path.includes('/socket.io/') || path.includes('/engine.io/') || /[?&]EIO=\d/.test(url.query)) {
    return 'socket.io/engine.io transport';
  }
  if (path.endsWith('.map')) return 'a source map';
  if (path.endsWith('.webmanifest') || path.endsWith('/manifest.json')) return 'a web-app manifest';
  if (responseMediaType(ex) === 'application/manifest+json') return 'a web-app manifest';
  return undefined;
}

/**
 * A page load: the recorded resource type is `document`, or the request accepts HTML (a
 * recorder that kept no type). Old WebKit navigations send `Accept:
 * application/xml,application/xhtml+xml,text/html;…`: a request that accepts HTML is a page
 * load, whatever it lists first. The OAuth recogniser reads a form POSTed so as an
 * authorization request, not a pushed one (catalogue/oauth/requests.ts).
 */
export function isPageLoad(ex: Pick<Exchange, 'resourceType' | 'requestHeaders'>): boolean {
  if (ex.resourceType?.toLowerCase() === 'document') return true;
  return /\btext\/html\b/i.test(headerValue(ex.requestHeaders, 'accept') ?? '');
}

/** Whether a request's own headers say it wants or sends JSON/XML (Accept lists it first, or the request body is). */
function requestSaysApi(ex: Exchange): boolean {
  if (isApiMediaType(mediaTypeOf(headerValue(ex.requestHeaders, 'content-type')))) return true;
  if (isPageLoad(ex)) return false;
  return isApiMediaType(mediaTypeOf(headerValue(ex.requestHeaders, 'accept')));
}

/**
 * Why an exchange is not an API call, or undefined when it is one. With a resource type
 * (Chrome, chrome-har, Playwright) only fetch and XHR count, so navigations, scripts, styles,
 * images, fonts, media, beacons/pings and manifests never do; without one (Firefox, Charles,
 * curl-made HARs) a JSON or XML media type on the response or the request decides. WebSocket
 * and socket.io/engine.io transport, source maps and manifests never count, whatever the kind.
 */
export function notApiCallReason(ex: Exchange): string | undefined {
  const tooling = transportOrTooling(ex);
  if (tooling) return `it is ${tooling}`;
  const type = ex.resourceType?.toLowerCase();
  if (type) return scriptResourceType(ex) ? undefined : `it is a ${type} request, not fetch/XHR`;
  if (isApiMediaType(responseMediaType(ex)) || requestSaysApi(ex)) return undefined;
  // A failed request of unknown kind whose request says nothing of what it wanted (a bare HAR
  // entry, a proxy's record) stays in: a failure is what a user came to find, and with no
  // response there is nothing a profile could misjudge. One that asked for an image or a
  // page does not.
  if (statusFamily(ex.status) === 'failed' && !headerValue(ex.requestHeaders, 'accept')) {
    if (!headerValue(ex.requestHeaders, 'content-type')) return undefined;
  }
  return 'it is not fetch/XHR and carries no JSON or XML';
}

export function isApiCall(ex: Exchange): boolean {
  return notApiCallReason(ex) === undefined;
}

/** A CORS preflight: the OPTIONS request the browser sends before a cross-origin call. */
export function isCorsPreflight(ex: Exchange): boolean {
  if (ex.resourceType?.toLowerCase() === 'preflight') return true;
  return (
    ex.method === 'OPTIONS' && headerValue(ex.requestHeaders, 'access-control-request-method') !== undefined
  );
}

/**
 * The rows the panel's "API only" toggle keeps: API calls and their CORS preflights, which a
 * user debugging a blocked call needs beside it. Profiles judge API calls only: a preflight is
 * the browser's request, not the API's own call.
 */
export function keptByApiOnly(ex: Exchange): boolean {
  return isApiCall(ex) || isCorsPreflight(ex);
}
