import { isJsonMediaType, responseMediaType } from '../../exchange/media';
import type { Exchange } from '../../exchange/types';

/** Bodies larger than this are classed by media type and first characters only, not parsed (error bodies are small). */
const MAX_PARSE = 16 * 1024;

/** Members that name an error envelope, most telling first. */
const ERROR_MEMBERS = ['errors', 'error', 'fault', 'detail', 'message', 'msg', 'code', 'status'];

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function jsonShape(text: string): string {
  if (text.length > MAX_PARSE) return 'JSON';
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return 'malformed JSON';
  }
  if (Array.isArray(doc)) return 'a JSON array';
  if (typeof doc !== 'object' || doc === null) return 'a bare JSON value';
  const o = doc as Record<string, unknown>;
  // Problem Details members with another media type: the same format, mislabelled (problem/* rules say so).
  if (own(o, 'title') && (own(o, 'type') || own(o, 'status'))) return 'problem details';
  for (const k of ERROR_MEMBERS) {
    if (!own(o, k)) continue;
    const v = o[k];
    const kind = Array.isArray(v) ? '[…]' : typeof v === 'object' && v !== null ? '{…}' : typeof v;
    return `JSON {"${k}": ${kind}}`;
  }
  // Validation errors keyed by field (`{"email": ["…"]}`, Django REST framework's and Rails'
  // way): one format whatever the fields are called.
  const values = Object.values(o);
  if (values.length > 0 && values.every((v) => Array.isArray(v) && v.every((m) => typeof m === 'string')))
    return 'JSON {"<field>": [messages]}';
  const keys = Object.keys(o).slice(0, 3);
  return keys.length === 0 ? 'an empty JSON object' : `JSON {${keys.map((k) => `"${k}"`).join(', ')}}`;
}

/** How much of an error body's start `errorFormat` reads when it does not parse it. */
const HEAD = 200;

/** Whether `errorFormat` reads the body as JSON: by its media type, or its first character. */
function readsAsJson(media: string, head: string): boolean {
  return isJsonMediaType(media) || head.startsWith('{') || head.startsWith('[');
}

/**
 * What of an error body `errorFormat` reads, for the session view (core/session/view.ts), which
 * carries error answers across threads: the whole of a JSON body it parses (up to MAX_PARSE),
 * else its first characters, which give the same format. A 500 page of a few hundred KB then
 * crosses as 200 characters.
 */
export function errorFormatText(ex: Exchange, text: string): string {
  if (text.length <= HEAD) return text;
  const head = text.slice(0, HEAD).trimStart().toLowerCase();
  return readsAsJson(responseMediaType(ex), head) ? text : text.slice(0, HEAD);
}

/**
 * The format an error answer is written in: problem+json, HTML, plain text, XML or a JSON shape
 * (by the member that carries the error). Undefined when there is nothing to class: no body, or
 * one that was not captured.
 */
export function errorFormat(ex: Exchange): string | undefined {
  if (ex.body.kind !== 'text') return undefined;
  const text = ex.body.text;
  const head = text.slice(0, HEAD).trimStart().toLowerCase();
  if (head === '') return undefined;
  const media = responseMediaType(ex);
  if (media === 'application/problem+json') return 'problem+json';
  if (media === 'application/problem+xml') return 'problem+xml';
  if (media === 'text/html' || head.startsWith('<!doctype html') || head.startsWith('<html')) return 'HTML';
  if (readsAsJson(media, head)) return jsonShape(text);
  if (media.endsWith('xml') || head.startsWith('<?xml')) return 'XML';
  return 'plain text';
}
