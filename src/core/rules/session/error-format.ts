import { isJsonMediaType, responseMediaType } from '../../exchange/media';
import type { Exchange } from '../../exchange/types';
import { isProblemDetails } from '../shared/problem-members';

/** Bodies larger than this are classed by media type and first characters only, not parsed (error bodies are small). */
const MAX_PARSE = 16 * 1024;

/** Members that name an error envelope, most telling first. */
const ERROR_MEMBERS = ['errors', 'error', 'fault', 'detail', 'message', 'msg', 'code', 'status'];
/** Members that say little on their own: `{"code": 7, "message": …}` and `{"code": 7, "error": …}` differ. */
const WEAK_MEMBERS = new Set(['code', 'status']);

/**
 * An error answer's format: a label for messages (`HTML`, `JSON {"message": string}`), and for a
 * JSON object the error members it holds with their kinds (`message:string`, `errors:{…}`).
 */
export interface ErrorFormat {
  label: string;
  members: readonly string[];
}

const kindOf = (v: unknown): string =>
  Array.isArray(v) ? '[…]' : typeof v === 'object' && v !== null ? '{…}' : typeof v;

const labelled = (label: string): ErrorFormat => ({ label, members: [] });

/** JSON's whitespace (RFC 8259 §2): what may stand around a document. */
const isJsonSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * Whether a text that opens an object or an array fails to close it (a body cut short, as
 * recorders and servers cut them): JSON.parse would throw, and a thrown parse error (its message
 * quotes the text) cost this rule more than all its other work on a capture of cut error bodies.
 */
function unclosed(text: string): boolean {
  let start = 0;
  while (start < text.length && isJsonSpace(text.charCodeAt(start))) start++;
  let end = text.length - 1;
  while (end > start && isJsonSpace(text.charCodeAt(end))) end--;
  const open = text.charCodeAt(start);
  const close = text.charCodeAt(end);
  if (open === 0x7b) return close !== 0x7d; // { … }
  if (open === 0x5b) return close !== 0x5d; // [ … ]
  return false;
}

function jsonShape(text: string): ErrorFormat {
  if (text.length > MAX_PARSE) return labelled('JSON');
  if (unclosed(text)) return labelled('malformed JSON');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return labelled('malformed JSON');
  }
  if (Array.isArray(doc)) return labelled('a JSON array');
  if (typeof doc !== 'object' || doc === null) return labelled('a bare JSON value');
  const o = doc as Record<string, unknown>;
  // Problem Details members with another media type: the same format, mislabelled (problem/* rules say so).
  if (isProblemDetails(o)) return labelled('problem details');
  const present = ERROR_MEMBERS.filter((k) => Object.hasOwn(o, k));
  if (present.length > 0) {
    const first = present[0]!;
    return {
      label: `JSON {"${first}": ${kindOf(o[first])}}`,
      members: present.map((k) => `${k}:${kindOf(o[k])}`),
    };
  }
  // Validation errors keyed by field (`{"email": ["…"]}`, Django REST framework's and Rails'
  // way): one format whatever the fields are called.
  const values = Object.values(o);
  if (values.length > 0 && values.every((v) => Array.isArray(v) && v.every((m) => typeof m === 'string')))
    return labelled('JSON {"<field>": [messages]}');
  const keys = Object.keys(o).slice(0, 3);
  return labelled(
    keys.length === 0 ? 'an empty JSON object' : `JSON {${keys.map((k) => `"${k}"`).join(', ')}}`,
  );
}

const strong = (members: readonly string[]) =>
  members.filter((m) => !WEAK_MEMBERS.has(m.slice(0, m.indexOf(':'))));

/**
 * Whether two error answers are written in one format. Equal labels are; two JSON objects are
 * when they share an error member of the same kind, judged by the telling members (`message`,
 * `error`, `errors`…) when both have one: an API's errors differ in optional members — Laravel's
 * `{"message"}` and its validation `{"message", "errors"}`, Spring Boot's `{"error", "message"}`
 * with or without `"errors"`, NestJS's `{"message": string, "error"}` and its validation's
 * `{"message": […], "error"}` — and are still one format for the client's parser. A member whose
 * kind changes (`"message"` a string here, a list there) is not shared: the parser differs.
 */
export function sameErrorFormat(a: ErrorFormat, b: ErrorFormat): boolean {
  if (a.label === b.label) return true;
  if (a.members.length === 0 || b.members.length === 0) return false;
  const [sa, sb] = [strong(a.members), strong(b.members)];
  const [x, y] = sa.length > 0 && sb.length > 0 ? [sa, sb] : [a.members, b.members];
  return x.some((m) => y.includes(m));
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
export function errorFormat(ex: Exchange): ErrorFormat | undefined {
  if (ex.body.kind !== 'text') return undefined;
  const text = ex.body.text;
  const head = text.slice(0, HEAD).trimStart().toLowerCase();
  if (head === '') return undefined;
  const media = responseMediaType(ex);
  if (media === 'application/problem+json') return labelled('problem+json');
  if (media === 'application/problem+xml') return labelled('problem+xml');
  if (media === 'text/html' || head.startsWith('<!doctype html') || head.startsWith('<html'))
    return labelled('HTML');
  if (readsAsJson(media, head)) return jsonShape(text);
  if (media.endsWith('xml') || head.startsWith('<?xml')) return labelled('XML');
  return labelled('plain text');
}
