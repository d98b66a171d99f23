import { statusFamily } from '../../exchange/family';
import { headerValue, listMembers } from '../../exchange/headers';
import { carriesContent, isJsonMediaType, mediaTypeOf } from '../../exchange/media';
import type { Exchange } from '../../exchange/types';
import { defineRule } from '../types';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const API_RESOURCE_TYPES = new Set(['fetch', 'xhr', 'xmlhttprequest']);

interface AcceptView {
  json?: string;
  html: boolean;
}

/** Media ranges of the request's Accept that the client actually accepts (q > 0, RFC 9110 §12.5.1). */
function readAccept(ex: Exchange): AcceptView {
  const view: AcceptView = { html: false };
  for (const range of listMembers(headerValue(ex.requestHeaders, 'accept'))) {
    const [typePart, ...params] = range.split(';');
    const q = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    if (q !== undefined && Number(q.slice(2)) === 0) continue;
    const type = mediaTypeOf(typePart);
    if (isJsonMediaType(type) && view.json === undefined) view.json = type;
    if (HTML_TYPES.has(type)) view.html = true;
  }
  return view;
}

/** Why we believe a script, not a person, made this request — or undefined. */
function apiCallReason(ex: Exchange, accept: AcceptView): string | undefined {
  if (accept.json !== undefined) return `a request that accepts ${accept.json}`;
  // Some libraries (htmx, Turbo) fetch HTML fragments on purpose; they say so in Accept.
  if (accept.html) return undefined;
  const type = ex.resourceType?.toLowerCase();
  if (type !== undefined && API_RESOURCE_TYPES.has(type)) return `a ${type} request`;
  return undefined;
}

export default defineRule({
  id: 'body/html-error-page',
  group: 'core',
  severity: 'warning',
  // Works from headers alone; with a body it also checks the HTML label is not a mislabelled JSON body.
  headerOnly: true,
  description: 'An API error should come back in a machine-readable format, not as an HTML error page.',
  source: { label: 'RFC 9457 §1', url: 'https://www.rfc-editor.org/rfc/rfc9457#section-1' },
  check({ exchange, mediaType, json }) {
    const family = statusFamily(exchange.status);
    if ((family !== '4xx' && family !== '5xx') || !HTML_TYPES.has(mediaType) || !carriesContent(exchange))
      return [];
    // A JSON body merely labelled text/html is body/content-type-mismatch's finding.
    if (json.kind === 'ok') return [];
    const reason = apiCallReason(exchange, readAccept(exchange));
    if (reason === undefined) return [];
    return [
      {
        message: `${exchange.status} to ${reason} came back as an HTML page (${mediaType}), which a client cannot parse`,
      },
    ];
  },
});
