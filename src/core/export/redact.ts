import type { Header } from '../exchange/types';
import { findSecrets } from '../rules/security/secret-patterns';
import { DEFAULT_REDACTED_HEADERS, DEFAULT_REDACTED_QUERY, type Settings } from '../settings/schema';
import { decodeComponent, joinUrl, splitUrl } from './query';

export const REDACTED = '[REDACTED]';

/** Credentials in these headers are never exported, whatever the user configured. */
export const ALWAYS_REDACTED_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
];

/**
 * JSON members whose value is a credential. Narrower than the query-parameter list on purpose:
 * names such as "code" or "key" are credentials in a URL but ordinary data in a JSON body.
 */
export const SECRET_JSON_MEMBERS: readonly string[] = [
  'password',
  'passwd',
  'secret',
  'client_secret',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'api_key',
  'apikey',
  'private_key',
];

export type RedactionNames = Settings['redaction'];

export interface RedactOptions {
  /** Replace credentials with "[REDACTED]". Defaults to true: exports are safe unless asked otherwise. */
  redact?: boolean;
  /** Which header and query-parameter names count as credentials; defaults to the settings defaults. */
  redaction?: { headers: readonly string[]; queryParams: readonly string[] };
}

/** The effective name lists: the settings (or their defaults) plus the headers that are always redacted. */
export function redactionNames(opts: RedactOptions = {}): { headers: string[]; queryParams: string[] } {
  const r = opts.redaction ?? { headers: DEFAULT_REDACTED_HEADERS, queryParams: DEFAULT_REDACTED_QUERY };
  const lower = (xs: readonly string[]) => xs.map((x) => x.trim().toLowerCase()).filter((x) => x !== '');
  return {
    headers: [...new Set([...ALWAYS_REDACTED_HEADERS, ...lower(r.headers)])],
    queryParams: [...new Set(lower(r.queryParams))],
  };
}

const nameSet = (names: readonly string[]) => new Set(names.map((n) => n.toLowerCase()));

/** Headers whose value is a URL that may carry a token in its query (a redirect to an OAuth callback, say). */
const URL_HEADERS = new Set(['location', 'content-location', 'referer', 'link']);

/**
 * Header values whose name is listed (case-insensitively, RFC 9110 §5.1) become "[REDACTED]";
 * credential-shaped text in the others does too, and with `queryNames` so do token parameters
 * inside URL-valued headers such as Location and Referer.
 */
export function redactHeaders(
  headers: readonly Header[],
  names: readonly string[],
  queryNames: readonly string[] = [],
): Header[] {
  const wanted = nameSet(names);
  return headers.map((h) => {
    const name = h.name.toLowerCase();
    if (wanted.has(name)) return { name: h.name, value: REDACTED };
    const value = URL_HEADERS.has(name) && queryNames.length > 0 ? redactUrl(h.value, queryNames) : h.value;
    return { name: h.name, value: redactBodySecrets(value) };
  });
}

/** Redacts the values of listed parameters in a `name=value&…` string, leaving every other byte as it was. */
export function redactParams(query: string, names: readonly string[]): string {
  const wanted = nameSet(names);
  let changed = false;
  const pieces = query.split('&').map((piece) => {
    const eq = piece.indexOf('=');
    if (eq < 0) return piece;
    const name = decodeComponent(piece.slice(0, eq)).toLowerCase();
    const value = piece.slice(eq + 1);
    if (wanted.has(name) || findSecrets(decodeComponent(value), 1).length > 0) {
      changed = true;
      return `${piece.slice(0, eq)}=${REDACTED}`;
    }
    return piece;
  });
  return changed ? pieces.join('&') : query;
}

const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*)@/i;

/**
 * Redacts listed query parameters (names compare case-insensitively), parameters in a
 * `#access_token=…` style fragment (OAuth implicit flow), and the password of `user:pass@host`.
 */
export function redactUrl(url: string, queryNames: readonly string[]): string {
  const parts = splitUrl(url);
  const m = USERINFO.exec(parts.base);
  if (m && m[2]!.includes(':')) {
    const user = m[2]!.slice(0, m[2]!.indexOf(':'));
    parts.base = `${m[1]}${user}:${REDACTED}@${parts.base.slice(m[0].length)}`;
  }
  if (parts.query !== null) parts.query = redactParams(parts.query, queryNames);
  if (parts.fragment !== null && parts.fragment.includes('='))
    parts.fragment = redactParams(parts.fragment, queryNames);
  return joinUrl(parts);
}

/** How far past a PEM header to look for its END line before giving up. */
const PEM_SPAN_CAP = 64 * 1024;
/**
 * Base64 lines of a PEM block, also when written inside a JSON string ("\n" escapes). Lines are
 * joined by exactly one line break, so a blank line or prose ends the match; the separator is
 * mandatory between runs, which keeps the pattern unambiguous (no backtracking blow-up).
 */
const PEM_BODY =
  /^(?:\r?\n|(?:\\r)?\\n)?[A-Za-z0-9+/=]*(?:(?:\r?\n|(?:\\r)?\\n)[A-Za-z0-9+/=]+)*(?:\r?\n|(?:\\r)?\\n)?/;

/**
 * Where the next `-----END ` line is, searched for at most once per position: a text of many PEM
 * headers without END lines would otherwise be rescanned to its end once per header (quadratic:
 * 14.6 s for 1 MB). The search only moves forward, so the total work stays linear.
 */
function endFinder(text: string): (from: number) => number {
  let found = -2; // not searched yet
  return (from) => {
    if (found === -1 || found >= from) return found;
    found = text.indexOf('-----END ', from);
    return found;
  };
}

const END_LABEL = /^[A-Z0-9 ]{1,100}-----/;

/** The end of a PEM block that starts at `start`: its END line, or failing that the run of base64 after the header. */
function pemEnd(text: string, start: number, headerEnd: number, nextEnd: (from: number) => number): number {
  const endAt = nextEnd(headerEnd);
  if (endAt >= 0 && endAt - start < PEM_SPAN_CAP) {
    // The END line's label and closing dashes, read in a bounded window: an END line that never
    // closes must not cost a scan per header.
    const close = END_LABEL.exec(text.slice(endAt + 9, endAt + 120));
    if (close) return endAt + 9 + close[0].length;
  }
  const rest = PEM_BODY.exec(text.slice(headerEnd, headerEnd + PEM_SPAN_CAP));
  return headerEnd + (rest ? rest[0].length : 0);
}

/**
 * Replaces every credential-shaped span (see secret-patterns.ts) with "[REDACTED]". A PEM private
 * key is redacted through its END line, not just its header, since the key is what follows.
 */
export function redactBodySecrets(text: string): string {
  const found = findSecrets(text);
  if (found.length === 0) return text;
  const nextEnd = endFinder(text);
  let out = '';
  let last = 0;
  for (const s of found) {
    if (s.index < last) continue;
    const end =
      s.kind === 'private-key' ? pemEnd(text, s.index, s.index + s.length, nextEnd) : s.index + s.length;
    out += text.slice(last, s.index) + REDACTED;
    last = end;
  }
  return out + text.slice(last);
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Index just past the string token that opens at `i` (a `"`). */
function stringEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 0x5c) j += 2;
    else if (c === 0x22) return j + 1;
    else j++;
  }
  return text.length;
}

/** Index just past the JSON value that starts at `i`; containers are skipped by counting brackets, not by recursing. */
function valueEnd(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return stringEnd(text, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    let j = i;
    while (j < text.length) {
      const d = text[j];
      if (d === '"') {
        j = stringEnd(text, j);
        continue;
      }
      if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
      j++;
    }
    return text.length;
  }
  let j = i;
  while (j < text.length && !',}]'.includes(text[j]!) && !isSpace(text.charCodeAt(j))) j++;
  return j;
}

function decodeKey(token: string): string {
  try {
    const v: unknown = JSON.parse(token);
    return typeof v === 'string' ? v : token;
  } catch {
    return token;
  }
}

/**
 * Replaces the values of JSON members with a listed name by "[REDACTED]", at any depth, in one
 * linear pass over the text. The rest of the document keeps its exact formatting.
 */
export function redactJsonMembers(text: string, names: readonly string[]): string {
  const wanted = nameSet(names);
  let out = '';
  let last = 0;
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) !== 0x22) {
      i++;
      continue;
    }
    const end = stringEnd(text, i);
    const colon = skipSpace(text, end);
    if (text[colon] === ':' && wanted.has(decodeKey(text.slice(i, end)).toLowerCase())) {
      const start = skipSpace(text, colon + 1);
      const stop = valueEnd(text, start);
      out += text.slice(last, start) + JSON.stringify(REDACTED);
      last = stop;
      i = stop;
      continue;
    }
    i = end;
  }
  return last === 0 ? text : out + text.slice(last);
}

const FORM = 'application/x-www-form-urlencoded';

function looksLikeJson(mimeType: string, text: string): boolean {
  const mt = (mimeType.split(';')[0] ?? '').trim().toLowerCase();
  if (mt === 'application/json' || mt.endsWith('+json')) return true;
  const first = text.trimStart()[0];
  return (mt === '' || mt.startsWith('text/plain')) && (first === '{' || first === '[');
}

/**
 * Redacts a request or response body: form fields by the query-parameter names, JSON members
 * that hold credentials, then any credential-shaped text anywhere.
 */
export function redactBody(text: string, mimeType: string, queryNames: readonly string[]): string {
  let out = text;
  const mt = (mimeType.split(';')[0] ?? '').trim().toLowerCase();
  if (mt === FORM) out = redactParams(out, queryNames);
  else if (looksLikeJson(mimeType, out)) out = redactJsonMembers(out, SECRET_JSON_MEMBERS);
  return redactBodySecrets(out);
}
