/**
 * Resend and edit-and-resend (issue #19): the editable copy of a captured request, its checks,
 * and the plain request the page's own `fetch` will make. Pure; the panel edits a draft and a
 * port in src/adapters/chrome sends it from the inspected page.
 */
import type { Exchange } from '../exchange/types';
import { headerValue } from '../exchange/headers';
import { findJsonSyntaxError } from '../json/syntax';

/**
 * Request headers a page's `fetch` may not set (Fetch standard, "forbidden request-header"):
 * the browser drops them silently, so the editor shows them as such instead. User-Agent left
 * the list in the standard, but Chromium still ignores it from fetch.
 */
export const FORBIDDEN_REQUEST_HEADERS: ReadonlySet<string> = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'via',
]);

/** Why the page cannot send this header, or null when it can. */
export function unsendableHeaderReason(name: string): string | null {
  const n = name.toLowerCase();
  if (n.startsWith(':')) return 'an HTTP/2 pseudo-header: the browser writes it from the method and URL';
  if (n === 'cookie')
    return 'the browser sends the page’s cookies itself (see “Send cookies”); a page cannot set Cookie';
  if (n === 'content-length') return 'the browser computes it from the body';
  if (FORBIDDEN_REQUEST_HEADERS.has(n) || n.startsWith('proxy-') || n.startsWith('sec-'))
    return 'a forbidden request header: only the browser sets it';
  return null;
}

/** Methods whose repetition may do the thing twice (RFC 9110 §9.2.2): resend asks first. */
export function isNonIdempotent(method: string): boolean {
  const m = method.toUpperCase();
  return m === 'POST' || m === 'PATCH';
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const CONTROL = /[\0\r\n]/;

export interface DraftHeader {
  name: string;
  value: string;
  /** Unticked headers stay in the editor but are not sent. */
  enabled: boolean;
}

/** Where the draft's body came from. */
export type DraftBodySource = 'captured' | 'none' | 'not-captured';

export interface ResendDraft {
  method: string;
  url: string;
  headers: DraftHeader[];
  body: string;
  bodySource: DraftBodySource;
  /** `credentials: 'include'`: send the page's cookies also to another origin. */
  sendCookies: boolean;
}

const BODYLESS = new Set(['GET', 'HEAD']);

/** The editable copy of a captured request. */
export function draftFrom(ex: Exchange): ResendDraft {
  const method = ex.method.toUpperCase();
  const captured = ex.requestBody !== undefined;
  const declared = Number(headerValue(ex.requestHeaders, 'content-length') ?? '0');
  // A body the page sent but DevTools did not record (a stream, a large upload, an imported HAR
  // without postData): say so instead of resending an empty one as if it were the original.
  const bodySource: DraftBodySource = captured
    ? 'captured'
    : declared > 0 || (!BODYLESS.has(method) && method !== 'DELETE' && method !== 'OPTIONS')
      ? 'not-captured'
      : 'none';
  return {
    method,
    url: ex.url,
    headers: ex.requestHeaders.map((h) => ({
      name: h.name,
      value: h.value,
      enabled: unsendableHeaderReason(h.name) === null,
    })),
    body: ex.requestBody?.text ?? '',
    bodySource,
    sendCookies: headerValue(ex.requestHeaders, 'cookie') !== undefined,
  };
}

export type DraftField = 'method' | 'url' | 'headers' | 'body';

export interface DraftProblem {
  field: DraftField;
  /** The header's row, for a header problem. */
  index?: number;
  message: string;
}

/** Whether the body is declared JSON (Content-Type …/json or …+json among the sent headers). */
export function draftIsJson(draft: ResendDraft): boolean {
  const ct = draft.headers.find((h) => h.enabled && h.name.toLowerCase() === 'content-type');
  return ct !== undefined && /^[^;]*(\/json|\+json)\s*(;|$)/i.test(ct.value.trim());
}

/** The JSON syntax problem of a JSON body, with line and column, or null. */
export function jsonSyntaxProblem(text: string): string | null {
  if (text.trim() === '') return null;
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    const at = findJsonSyntaxError(text);
    if (!at) return `Not valid JSON: ${String((e as Error).message)}`;
    return `Not valid JSON at line ${at.line}, column ${at.column}: ${at.message}.`;
  }
}

/** Everything that would make the page's fetch throw, or send what the user did not mean. */
export function checkDraft(draft: ResendDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!TOKEN.test(draft.method))
    problems.push({ field: 'method', message: 'A method is one word, e.g. POST.' });
  else if (['CONNECT', 'TRACE', 'TRACK'].includes(draft.method.toUpperCase()))
    problems.push({ field: 'method', message: `${draft.method} cannot be sent with fetch.` });
  let url: URL | null = null;
  try {
    url = new URL(draft.url);
  } catch {
    problems.push({ field: 'url', message: 'Not a complete URL (it needs http:// or https:// and a host).' });
  }
  if (url && url.protocol !== 'http:' && url.protocol !== 'https:')
    problems.push({ field: 'url', message: `Only http and https URLs can be resent, not ${url.protocol}` });
  if (url && (url.username || url.password))
    problems.push({ field: 'url', message: 'fetch refuses URLs with a user name or password in them.' });
  draft.headers.forEach((h, index) => {
    if (!h.enabled) return;
    if (!TOKEN.test(h.name))
      problems.push({ field: 'headers', index, message: `“${h.name}” is not a valid header name.` });
    else if (CONTROL.test(h.value))
      problems.push({ field: 'headers', index, message: `${h.name}: a value cannot hold line breaks.` });
  });
  if (BODYLESS.has(draft.method.toUpperCase()) && draft.body !== '')
    problems.push({
      field: 'body',
      message: `A ${draft.method.toUpperCase()} request cannot carry a body in fetch.`,
    });
  if (draftIsJson(draft)) {
    const syntax = jsonSyntaxProblem(draft.body);
    if (syntax) problems.push({ field: 'body', message: syntax });
  }
  return problems;
}

/** What the page's fetch gets: plain, structured-cloneable data (serialised into the page with JSON.stringify). */
export interface PageRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body?: string;
  credentials: 'same-origin' | 'include';
  timeoutMs: number;
}

export const RESEND_TIMEOUT_MS = 30_000;

export function pageRequestFrom(draft: ResendDraft, timeoutMs = RESEND_TIMEOUT_MS): PageRequest {
  const method = draft.method.toUpperCase();
  return {
    method,
    url: draft.url,
    // Unsendable headers are never handed to fetch: the editor shows them as not sent.
    headers: draft.headers
      .filter((h) => h.enabled && unsendableHeaderReason(h.name) === null)
      .map((h) => [h.name, h.value]),
    ...(BODYLESS.has(method) || draft.body === '' ? {} : { body: draft.body }),
    credentials: draft.sendCookies ? 'include' : 'same-origin',
    timeoutMs,
  };
}

/** A fresh Idempotency-Key header (draft-ietf-httpapi-idempotency-key-header), added before the others. */
export function withIdempotencyKey(draft: ResendDraft, key: string): ResendDraft {
  const rest = draft.headers.filter((h) => h.name.toLowerCase() !== 'idempotency-key');
  return { ...draft, headers: [{ name: 'Idempotency-Key', value: key, enabled: true }, ...rest] };
}
