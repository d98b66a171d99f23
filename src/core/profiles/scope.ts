import { headerValue } from '../exchange/headers';
import { isJsonMediaType, mediaTypeOf, responseMediaType } from '../exchange/media';
import type { Exchange } from '../exchange/types';
import type { ProfileScope } from './types';

/** Resource types that are API calls: what a page's script asked for with fetch() or XMLHttpRequest. */
const API_RESOURCE_TYPES: ReadonlySet<string> = new Set(['fetch', 'xhr']);

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
export function isApiMediaType(mediaType: string): boolean {
  if (mediaType === 'application/manifest+json') return false;
  return (isJsonMediaType(mediaType) && mediaType.startsWith('application/')) || isXmlMediaType(mediaType);
}

function pathOf(url: string): { scheme: string; host: string; path: string; query: string } | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?/i.exec(url);
  if (!m) return undefined;
  return { scheme: m[1]!.toLowerCase(), host: m[2]!.toLowerCase(), path: m[3] || '/', query: m[4] ?? '' };
}

/**
 * Traffic that is never an API's own call, whatever its resource type says: WebSocket and
 * socket.io/engine.io transport (its long-polling runs over XHR), source maps and web-app
 * manifests (DevTools and the browser fetch them), beacons.
 */
function transportOrTooling(ex: Exchange): string | undefined {
  const url = pathOf(ex.url);
  if (!url) return undefined;
  if (url.scheme === 'ws' || url.scheme === 'wss' || ex.status === 101) return 'a WebSocket connection';
  if (/^websocket$/i.test(headerValue(ex.requestHeaders, 'upgrade') ?? '')) return 'a WebSocket connection';
  const path = url.path.toLowerCase();
  if (path.includes('/socket.io/') || path.includes('/engine.io/') || /[?&]EIO=\d/.test(url.query)) {
    return 'socket.io/engine.io transport';
  }
  if (path.endsWith('.map')) return 'a source map';
  if (path.endsWith('.webmanifest') || path.endsWith('/manifest.json')) return 'a web-app manifest';
  if (responseMediaType(ex) === 'application/manifest+json') return 'a web-app manifest';
  return undefined;
}

/** Whether a request's own headers say it wants or sends JSON/XML (Accept lists it first, or the request body is). */
function requestSaysApi(ex: Exchange): boolean {
  if (isApiMediaType(mediaTypeOf(headerValue(ex.requestHeaders, 'content-type')))) return true;
  const accept = headerValue(ex.requestHeaders, 'accept') ?? '';
  // Old WebKit navigations send `Accept: application/xml,application/xhtml+xml,text/html;…`:
  // a request that accepts HTML is a page load, whatever it lists first.
  if (/\btext\/html\b/i.test(accept)) return false;
  return isApiMediaType(mediaTypeOf(accept));
}

/**
 * Why an exchange is not an API call, or undefined when it is one. With a resource type
 * (Chrome, chrome-har, Playwright) only fetch and XHR count; without one (Firefox, Charles,
 * curl-made HARs) a JSON or XML media type on the response or the request decides.
 */
export function notApiCallReason(ex: Exchange): string | undefined {
  const tooling = transportOrTooling(ex);
  if (tooling) return `it is ${tooling}`;
  const type = ex.resourceType?.toLowerCase();
  if (type) return API_RESOURCE_TYPES.has(type) ? undefined : `it is a ${type} request, not fetch/XHR`;
  if (isApiMediaType(responseMediaType(ex)) || requestSaysApi(ex)) return undefined;
  return 'it is not fetch/XHR and carries no JSON or XML';
}

export function isApiCall(ex: Exchange): boolean {
  return notApiCallReason(ex) === undefined;
}

/**
 * Glob match where `*` stands for any run of characters (none included). Iterative with one
 * back-tracking point, so it is linear in practice and never explodes on hostile input.
 */
export function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (star !== -1) {
      p = star + 1;
      t = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

export interface UrlPattern {
  scheme: string;
  host: string;
  /** True when the host pattern names a port; otherwise any port matches. */
  hasPort: boolean;
  path: string;
}

/** Parses `scheme://host[:port]/path`, `*` allowed in each part. Undefined when it is not one. */
export function parseUrlPattern(pattern: string): UrlPattern | undefined {
  const m = /^(\*|https?):\/\/([^/?#\s]+)(\/[^?#\s]*)?$/i.exec(pattern.trim());
  if (!m) return undefined;
  const host = m[2]!.toLowerCase();
  if (!/^[a-z0-9.*\-[\]:]+$/.test(host)) return undefined;
  const hasPort = /:(\d+|\*)$/.test(host) && !host.endsWith(']');
  return { scheme: m[1]!.toLowerCase(), host, hasPort, path: m[3] ?? '/' };
}

/** Why a URL pattern is invalid, for validation messages; undefined when it is fine. */
export function urlPatternProblem(pattern: string): string | undefined {
  return parseUrlPattern(pattern)
    ? undefined
    : `${JSON.stringify(pattern)} is not a URL pattern like "https://api.example.com/v2/*" (scheme http, https or *, a host with * wildcards, an optional path prefix)`;
}

function matchesPattern(p: UrlPattern, url: { scheme: string; host: string; path: string }): boolean {
  if (p.scheme !== '*' && p.scheme !== url.scheme) return false;
  const host = p.hasPort ? url.host : url.host.replace(/:\d+$/, '');
  if (!globMatch(p.host, host)) return false;
  // The path is a prefix: "/v2/" and "/v2/*" cover everything below; "/v2" covers /v2 and /v2/… but not /v20.
  if (p.path.endsWith('*')) return globMatch(p.path, url.path);
  if (p.path.endsWith('/')) return globMatch(`${p.path}*`, url.path);
  return globMatch(p.path, url.path) || globMatch(`${p.path}/*`, url.path);
}

/** A scope compiled once, asked per exchange. */
export interface CompiledScope {
  /** Undefined when the exchange is in scope; otherwise why not, for the Overview. */
  outOfScope(ex: Exchange): string | undefined;
}

export function compileScope(scope: ProfileScope | undefined): CompiledScope {
  const patterns = (scope?.urls ?? []).map(parseUrlPattern).filter((p): p is UrlPattern => p !== undefined);
  const methods = scope?.methods?.map((m) => m.toUpperCase());
  const apiOnly = scope?.apiCallsOnly !== false;
  const anyUrl = scope?.urls === undefined || scope.urls.length === 0;
  return {
    outOfScope(ex) {
      if (apiOnly) {
        const why = notApiCallReason(ex);
        if (why) return why;
      }
      if (methods && !methods.includes(ex.method.toUpperCase()))
        return `its method ${ex.method} is not in scope`;
      if (!anyUrl) {
        const url = pathOf(ex.url);
        if (!url || !patterns.some((p) => matchesPattern(p, url))) return 'its URL is outside the scope';
      }
      return undefined;
    },
  };
}

/** "Applies to …": a scope in words, for the options page and the panel's Profiles control. */
export function describeScope(scope: ProfileScope | undefined): string {
  const urls = scope?.urls?.length ? scope.urls.join(', ') : 'any host';
  const methods = scope?.methods?.length ? ` (${scope.methods.join(', ')})` : '';
  const kind = scope?.apiCallsOnly === false ? 'every request' : 'API calls';
  return `${kind} to ${urls}${methods}`;
}

/** The scope that enables a profile for one origin, as the panel's "this host" button does. */
export function hostPattern(url: string): string | undefined {
  const u = pathOf(url);
  if (!u || (u.scheme !== 'http' && u.scheme !== 'https')) return undefined;
  return `${u.scheme}://${u.host}/*`;
}
