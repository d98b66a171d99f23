import { headerValue } from './headers';
import { isJsonMediaType, mediaTypeOf, responseMediaType } from './media';
import type { Exchange } from './types';
import { isJsonObject as isRecord } from '../json/walk';

/**
 * What makes a request a GraphQL request (GraphQL over HTTP,
 * https://graphql.github.io/graphql-over-http/draft/): the one home of that test. The graphql
 * rules read operations from it (graphql/get-query) and profile scopes exempt GraphQL requests
 * from REST conventions with it (exchange/spec-defined.ts). It runs on every exchange a profile
 * is asked about, so it reads at most a bounded prefix of anything, and parses no large body.
 */

/** The GraphQL-over-HTTP response media type (§Body): no REST convention serves it. */
export const GRAPHQL_RESPONSE_MEDIA_TYPE = 'application/graphql-response+json';

/** The request type whose body is the document itself (older servers take it; the spec's drafts dropped it). */
const GRAPHQL_DOCUMENT_MEDIA_TYPE = 'application/graphql';

/** How much of a document is read to find its first definition. */
const SCAN_CHARS = 4096;

/**
 * Longer request bodies and URLs are not parsed: a GraphQL request is a document of a few KB
 * and its variables (GitHub's and Saleor's are under 2 KB); larger ones are uploads or bulk
 * data, and a body parsed for every exchange must stay cheap. Such a request is still known by
 * its media types (an Accept or a response of application/graphql-response+json).
 */
export const MAX_GRAPHQL_REQUEST_CHARS = 65_536;

export type OperationType = 'query' | 'mutation' | 'subscription' | 'fragment';

/** Index past GraphQL's ignored tokens (white space, commas, the BOM, `#` comments) from `i`. */
function skipIgnored(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 0x23 /* # */) {
      const nl = s.indexOf('\n', i);
      i = nl === -1 ? s.length : nl + 1;
    } else if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2c || c === 0xfeff) i++;
    else break;
  }
  return i;
}

const NAME = /[_A-Za-z][_0-9A-Za-z]*/y;

/** The GraphQL Name at `i`, or undefined. */
function nameAt(s: string, i: number): string | undefined {
  NAME.lastIndex = i;
  return NAME.exec(s)?.[0];
}

/**
 * The first definition's type when `document` starts like a GraphQL document, else undefined:
 * `{ field … }` (the query shorthand), `query|mutation|subscription [Name]` followed by
 * variables, directives or a selection set, or `fragment Name on Type`. Strict on purpose: a
 * search text (`query=red shoes`, `query=mutation`) or a JSON filter (`{"status": "open"}`)
 * reads as no document, so a REST call carrying a `query` is never taken for GraphQL.
 */
export function operationType(document: string): OperationType | undefined {
  const s = document.length > SCAN_CHARS ? document.slice(0, SCAN_CHARS) : document;
  let i = skipIgnored(s, 0);
  if (s[i] === '{') {
    // A selection set opens with a field (a Name, maybe an alias) or a spread (`...`).
    i = skipIgnored(s, i + 1);
    return nameAt(s, i) !== undefined || s.startsWith('...', i) ? 'query' : undefined;
  }
  const keyword = nameAt(s, i);
  if (keyword === 'query' || keyword === 'mutation' || keyword === 'subscription') {
    i = skipIgnored(s, i + keyword.length);
    const name = nameAt(s, i);
    if (name !== undefined) i = skipIgnored(s, i + name.length);
    const next = s[i];
    return next === '{' || next === '(' || next === '@' ? keyword : undefined;
  }
  if (keyword === 'fragment') {
    i = skipIgnored(s, i + keyword.length);
    const name = nameAt(s, i);
    if (name === undefined || name === 'on') return undefined;
    i = skipIgnored(s, i + name.length);
    if (nameAt(s, i) !== 'on') return undefined;
    return nameAt(s, skipIgnored(s, i + 2)) !== undefined ? 'fragment' : undefined;
  }
  return undefined;
}

/** A URL's query parameter, or undefined (absent, or the URL too long to read). */
export function urlParam(url: string, name: string): string | undefined {
  const q = url.indexOf('?');
  if (q === -1 || url.length > MAX_GRAPHQL_REQUEST_CHARS) return undefined;
  try {
    return new URLSearchParams(url.slice(q + 1).split('#')[0]).get(name) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Apollo's automatic persisted query: `extensions.persistedQuery.sha256Hash`, sent instead of (or with) the document. */
function persistedQuery(extensions: unknown): boolean {
  return (
    isRecord(extensions) &&
    isRecord(extensions.persistedQuery) &&
    typeof extensions.persistedQuery.sha256Hash === 'string'
  );
}

/** One GraphQL-over-HTTP request parameters object: a `query` that is a document, or a persisted query. */
function isOperation(v: unknown): boolean {
  if (!isRecord(v)) return false;
  if (typeof v.query === 'string' && v.query !== '') return operationType(v.query) !== undefined;
  // The hash alone (the document may be absent, null or empty until the server asks for it).
  return (v.query === undefined || v.query === null || v.query === '') && persistedQuery(v.extensions);
}

function parseSmall(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A POST body: a JSON parameters object (or a batch of them), or an application/graphql document. */
function graphqlBody(body: Exchange['requestBody']): boolean {
  if (!body || body.text.length > MAX_GRAPHQL_REQUEST_CHARS) return false;
  const type = mediaTypeOf(body.mimeType);
  if (type === GRAPHQL_DOCUMENT_MEDIA_TYPE) return operationType(body.text) !== undefined;
  const text = body.text;
  // Most bodies are no GraphQL request: two substring tests before any parse.
  if (!text.includes('"query"') && !text.includes('"persistedQuery"')) return false;
  // JSON, or unlabelled: a string body fetch() sends without a Content-Type is text/plain.
  if (!isJsonMediaType(type) && type !== '' && type !== 'text/plain') return false;
  const v = parseSmall(text);
  // A batch (Apollo, graphql-http): an array of parameters objects.
  if (Array.isArray(v)) return v.length > 0 && v.every(isOperation);
  return isOperation(v);
}

/** A GET: `?query=<document>`, or an automatic persisted query in `?extensions=`. */
function graphqlGet(url: string): boolean {
  if (!url.includes('query=') && !url.includes('extensions=')) return false;
  const document = urlParam(url, 'query');
  if (document !== undefined) return operationType(document) !== undefined;
  const extensions = urlParam(url, 'extensions');
  return extensions !== undefined && persistedQuery(parseSmall(extensions));
}

/**
 * Whether this is a GraphQL request, answered as GraphQL over HTTP says: its response is
 * application/graphql-response+json, its Accept asks for that type, a GET carries a document
 * (or a persisted query) in its URL, or a POST body is a GraphQL request (a JSON object whose
 * `query` is a document, or a persisted query; a batch of them; an application/graphql document).
 * Not a request that merely has a `query` member: an object (Elasticsearch), a search text or a
 * JSON filter is not a document.
 */
export function isGraphqlRequest(
  ex: Exchange,
  /** The response's media type, when the caller has read it already (the engine's rule context). */
  mediaType: string = responseMediaType(ex),
): boolean {
  if (mediaType === GRAPHQL_RESPONSE_MEDIA_TYPE) return true;
  const accept = headerValue(ex.requestHeaders, 'accept');
  if (accept !== undefined && accept.toLowerCase().includes(GRAPHQL_RESPONSE_MEDIA_TYPE)) return true;
  const method = ex.method.toUpperCase();
  if (method === 'POST') return graphqlBody(ex.requestBody);
  if (method === 'GET') return graphqlGet(ex.url);
  return false;
}
