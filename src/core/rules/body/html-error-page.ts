import { scriptResourceType } from '../../exchange/api-call';
import { statusFamily } from '../../exchange/family';
import { headerValue, listMembers } from '../../exchange/headers';
import { carriesContent, isHtmlMediaType, isJsonMediaType, mediaTypeOf } from '../../exchange/media';
import type { Exchange } from '../../exchange/types';
import { defineRule, type Report } from '../types';
import { withArticle } from '../../text/article';

/** How much of a body is searched for the start of an HTML page. */
const HTML_HEAD = 1024;

interface AcceptView {
  /** The first JSON type the client accepts. */
  json?: string;
  html: boolean;
  /** The client's most preferred range (highest q, earliest on a tie) is a JSON type. */
  prefersJson: boolean;
}

function qOf(params: string[]): number {
  const q = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
  if (q === undefined) return 1;
  const n = Number(q.slice(2));
  return Number.isFinite(n) ? n : 1;
}

/** Media ranges of the request's Accept that the client actually accepts (q > 0, RFC 9110 §12.5.1). */
function readAccept(ex: Exchange): AcceptView {
  const view: AcceptView = { html: false, prefersJson: false };
  let bestQ = 0;
  for (const range of listMembers(headerValue(ex.requestHeaders, 'accept'))) {
    const [typePart, ...params] = range.split(';');
    const q = qOf(params);
    if (q <= 0) continue;
    const type = mediaTypeOf(typePart);
    if (isJsonMediaType(type) && view.json === undefined) view.json = type;
    if (isHtmlMediaType(type)) view.html = true;
    if (q > bestQ) {
      bestQ = q;
      view.prefersJson = isJsonMediaType(type);
    }
  }
  return view;
}

/** Why we believe a script, not a person, made this request — or undefined. */
function apiCallReason(ex: Exchange, accept: AcceptView): string | undefined {
  if (accept.json !== undefined) return `a request that accepts ${accept.json}`;
  // Some libraries (htmx, Turbo) fetch HTML fragments on purpose; they say so in Accept.
  if (accept.html) return undefined;
  if (scriptResourceType(ex) === true) return withArticle(`${ex.resourceType?.toLowerCase()} request`);
  return undefined;
}

/** A whole HTML page (doctype or `<html>` near the start), not a fragment; unknown bodies pass. */
function looksLikeHtmlDocument(ex: Exchange): boolean {
  if (ex.body.kind !== 'text') return true;
  const head = ex.body.text.slice(0, HTML_HEAD);
  return /^[\s\ufeff]*</.test(head) && /<!doctype\s+html|<html[\s>]/i.test(head);
}

/** A path naming an HTML file: `/views/form-83b6.html`, `/tpl/row.htm`. */
const HTML_FILE = /\.(?:html?|xhtml)$/i;

function namesHtmlFile(url: string): boolean {
  try {
    return HTML_FILE.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/**
 * A 2xx HTML page to a script that asked for JSON only: a session-expired login page, an SSO
 * wall or an SPA's index.html fallback, reported as success. Only fetch/XHR count, never a
 * navigation, and only when Accept prefers JSON and does not list HTML at all.
 */
function authWall(exchange: Exchange, mediaType: string): Report[] {
  if (scriptResourceType(exchange) !== true) return [];
  const type = exchange.resourceType?.toLowerCase();
  const accept = readAccept(exchange);
  if (!accept.prefersJson || accept.html || accept.json === undefined) return [];
  // A script that fetches a file named .html asked for HTML by name: Angular and AngularJS load
  // templates by XHR with their default Accept ("application/json, text/plain, */*"). A body we
  // saw is judged (a template fragment passes, a whole login page does not); one we did not see
  // is no evidence of a wall at such a URL.
  if (exchange.body.kind === 'unknown' && namesHtmlFile(exchange.url)) return [];
  if (!looksLikeHtmlDocument(exchange)) return [];
  return [
    {
      message: `${exchange.status} to ${withArticle(`${type} request`)} that asks for ${accept.json} came back as an HTML page (${mediaType}) — often a login page after the session expired, or an SPA fallback`,
    },
  ];
}

export default defineRule({
  id: 'body/html-error-page',
  group: 'core',
  severity: 'warning',
  // Works from headers alone; with a body it also checks the HTML label is not a mislabelled JSON body.
  headerOnly: true,
  description: 'An API error should come back in a machine-readable format, not as an HTML error page.',
  source: { label: 'RFC 9457 §1', url: 'https://www.rfc-editor.org/rfc/rfc9457#section-1' },
  check({ exchange, mediaType, json }): Report[] {
    const family = statusFamily(exchange.status);
    if (!isHtmlMediaType(mediaType) || !carriesContent(exchange)) return [];
    // A JSON body merely labelled text/html is body/content-type-mismatch's finding.
    if (json.kind === 'ok') return [];
    if (family === '2xx') return authWall(exchange, mediaType);
    if (family !== '4xx' && family !== '5xx') return [];
    const reason = apiCallReason(exchange, readAccept(exchange));
    if (reason === undefined) return [];
    return [
      {
        message: `${exchange.status} to ${reason} came back as an HTML page (${mediaType}), which a client cannot parse`,
      },
    ];
  },
});
