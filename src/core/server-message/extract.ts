import { member, type JsonValue, isJsonObject as isObject } from '../json/walk';
import { clip } from '../text/clip';

/**
 * What the server said about an error, in its own words: the message members of a response
 * body (Problem Details `title`/`detail`/`errors[]`, `error` as a string or an object,
 * `error_description`, `message`, validation lists with pointers or fields, GraphQL
 * `errors[].message`). Read in the analysis worker from the JSON the engine already parsed, so
 * the panel's Overview never parses a body. Every string is untrusted: it is clipped here and
 * rendered as text only.
 */
export interface ServerMessage {
  /** Which convention the members follow, for the heading ("Problem Details", "GraphQL errors"…). */
  kind: 'problem' | 'graphql' | 'oauth' | 'json' | 'text';
  title?: string;
  detail?: string;
  /** A list of errors (validation failures, GraphQL errors), each with where it points when said. */
  items: ServerMessageItem[];
  /** Items the body lists beyond those kept. */
  more: number;
}

export interface ServerMessageItem {
  text: string;
  /** A JSON Pointer, a field name or a GraphQL path, as the server wrote it. */
  where?: string;
}

/** Caps: the Overview shows a message, not the body; the body tab has the rest. */
export const SERVER_MESSAGE_LIMITS = { items: 20, text: 500, where: 120, plainText: 500 } as const;

const KIND_LABEL: Record<ServerMessage['kind'], string> = {
  problem: 'Problem Details',
  graphql: 'GraphQL errors',
  oauth: 'OAuth error',
  json: 'Error members of the body',
  text: 'Response text',
};

/** The heading's "(from …)" part, one home for the words. */
export function serverMessageSource(kind: ServerMessage['kind']): string {
  return KIND_LABEL[kind];
}

function text(v: JsonValue | undefined, max: number = SERVER_MESSAGE_LIMITS.text): string | undefined {
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? undefined : clip(t, max);
  }
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** A path given as an array (`["body","email"]`, GraphQL `["user",0,"name"]`) or as text. */
function whereOf(v: JsonValue | undefined): string | undefined {
  if (Array.isArray(v)) {
    const parts: string[] = [];
    for (let i = 0; i < v.length && i < 20; i++) {
      const p = v[i];
      if (typeof p === 'string' || typeof p === 'number') parts.push(String(p));
    }
    return parts.length > 0 ? clip(parts.join('.'), SERVER_MESSAGE_LIMITS.where) : undefined;
  }
  return text(v, SERVER_MESSAGE_LIMITS.where);
}

const MESSAGE_KEYS = ['message', 'detail', 'msg', 'title', 'description', 'error_description', 'error'];
const WHERE_KEYS = ['pointer', 'field', 'path', 'loc', 'param', 'parameter', 'property', 'name', 'key'];

function itemOf(v: JsonValue): ServerMessageItem | undefined {
  if (!isObject(v)) {
    const t = text(v);
    return t ? { text: t } : undefined;
  }
  let said: string | undefined;
  for (const k of MESSAGE_KEYS) {
    const m = member(v, k);
    said = isObject(m) ? text(member(m, 'message')) : text(m);
    if (said) break;
  }
  // JSON:API keeps the pointer under `source`.
  const source = member(v, 'source');
  let where = isObject(source)
    ? (whereOf(member(source, 'pointer')) ?? whereOf(member(source, 'parameter')))
    : undefined;
  for (let i = 0; where === undefined && i < WHERE_KEYS.length; i++)
    where = whereOf(member(v, WHERE_KEYS[i]!));
  if (!said) {
    const code = text(member(v, 'code'));
    if (!code) return undefined;
    said = code;
  }
  return where !== undefined && where !== said ? { text: said, where } : { text: said };
}

/** `errors` as a list, or as a map of field → message(s) (Rails, Laravel, Django REST). */
function collect(v: JsonValue | undefined, into: ServerMessage): void {
  const cap = SERVER_MESSAGE_LIMITS.items;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      if (into.items.length >= cap) {
        into.more += v.length - i;
        return;
      }
      const item = itemOf(v[i]!);
      if (item) into.items.push(item);
    }
    return;
  }
  if (!isObject(v)) return;
  for (const field in v) {
    if (!Object.hasOwn(v, field)) continue;
    const said = v[field]!;
    const list = Array.isArray(said) ? said : [said];
    for (let i = 0; i < list.length; i++) {
      if (into.items.length >= cap) {
        into.more++;
        continue;
      }
      const item = itemOf(list[i]!);
      if (item)
        into.items.push({ text: item.text, where: item.where ?? clip(field, SERVER_MESSAGE_LIMITS.where) });
    }
    // A map with thousands of fields: count on without reading them.
    if (into.more > 1_000) return;
  }
}

/**
 * RFC 6749 §5.2's error shape: a string `error` with `error_description` or `error_uri` beside
 * it. The one test of "this body is an OAuth error" the heading and the OAuth error explanation
 * (catalogue/oauth/recognise.ts) share; a bare `error` string is any API's word.
 */
export function hasOAuthErrorShape(body: { [key: string]: JsonValue }): boolean {
  return (
    typeof member(body, 'error') === 'string' &&
    (member(body, 'error_description') !== undefined || member(body, 'error_uri') !== undefined)
  );
}

function fromObject(body: { [key: string]: JsonValue }, problemType: boolean): ServerMessage | undefined {
  const out: ServerMessage = { kind: 'json', items: [], more: 0 };
  const errors = member(body, 'errors');
  const isGraphql =
    Array.isArray(errors) &&
    (member(body, 'data') !== undefined ||
      errors.some(
        (e, i) =>
          i < 5 &&
          isObject(e) &&
          (member(e, 'locations') !== undefined || member(e, 'extensions') !== undefined),
      ));
  const problem =
    problemType || (text(member(body, 'title')) !== undefined && member(body, 'type') !== undefined);
  if (isGraphql) out.kind = 'graphql';
  else if (problem) out.kind = 'problem';
  else if (hasOAuthErrorShape(body)) out.kind = 'oauth';

  const error = member(body, 'error');
  if (isObject(error)) {
    // Google, Stripe, Microsoft style: { "error": { "code", "message", "details"/"errors" } }
    // `status` names the error when it is a word (Google's "PERMISSION_DENIED"); a number is the
    // HTTP status repeated (Spotify's {"status": 401}), which the Overview already leads with.
    const status = member(error, 'status');
    const title =
      text(member(error, 'title')) ??
      (typeof status === 'number' ? undefined : text(status)) ??
      text(member(error, 'type'));
    const detail = text(member(error, 'message')) ?? text(member(error, 'detail'));
    if (title) out.title = title;
    if (detail) out.detail = detail;
    collect(member(error, 'errors') ?? member(error, 'details'), out);
  } else {
    const title = text(member(body, 'title')) ?? text(error);
    if (title) out.title = title;
  }
  const detailMember = member(body, 'detail');
  const detail =
    out.detail ??
    text(detailMember) ??
    text(member(body, 'error_description')) ??
    text(member(body, 'message')) ??
    text(member(body, 'msg'));
  if (detail && detail !== out.title) out.detail = detail;
  if (Array.isArray(errors) || isObject(errors)) collect(errors, out);
  // FastAPI / Pydantic: { "detail": [ { "loc": [...], "msg": "..." } ] }
  else if (Array.isArray(detailMember)) collect(detailMember, out);
  return out.title || out.detail || out.items.length > 0 ? out : undefined;
}

export interface ServerMessageInput {
  status: number;
  /** The server's status when the browser failed the request after it arrived (CORS). */
  serverStatus?: number;
  mediaType: string;
  /** The parsed body, when it was JSON. */
  json?: JsonValue;
  /** The body text, when it was text (capped by the engine). */
  text?: string;
}

/**
 * The server's own words about this response, or undefined. Only where they explain a failure:
 * error statuses, Problem Details at any status, and GraphQL `errors` (served with 200). Bounded:
 * reads top-level members and the first SERVER_MESSAGE_LIMITS.items list items.
 */
export function extractServerMessage(input: ServerMessageInput): ServerMessage | undefined {
  const status = input.status === 0 ? (input.serverStatus ?? 0) : input.status;
  const failing = status >= 400;
  const problemType = input.mediaType === 'application/problem+json';
  if (input.json !== undefined) {
    if (!isObject(input.json)) return undefined;
    const said = fromObject(input.json, problemType);
    if (!said) return undefined;
    return failing || said.kind === 'problem' || (said.kind === 'graphql' && said.items.length > 0)
      ? said
      : undefined;
  }
  // A short plain-text error ("Bad Gateway", "invalid api key"): markup and long pages are not a message.
  if (failing && input.text !== undefined && input.mediaType === 'text/plain') {
    const t = input.text.trim();
    if (t !== '' && t.length <= SERVER_MESSAGE_LIMITS.plainText * 4)
      return { kind: 'text', detail: clip(t, SERVER_MESSAGE_LIMITS.plainText), items: [], more: 0 };
  }
  return undefined;
}
