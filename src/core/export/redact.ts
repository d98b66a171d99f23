import { headerValue } from '../exchange/headers';
import type { Exchange, Header } from '../exchange/types';
import { isSecretHeaderName, isSecretMemberName, isSecretParamName, normaliseName } from '../secrets/names';
import { REDACTED, redactNamedValues, redactSecretValues } from '../secrets/redact-text';
import { pathParams, type PathParam } from '../secrets/url-path';
import { DEFAULT_REDACTED_HEADERS, DEFAULT_REDACTED_QUERY, type Settings } from '../settings/schema';
import { decodeComponent, fragmentParams, joinUrl, paramPiece, splitUrl } from './query';
import { redactJsonMembersWhere } from './redact-json';

export { REDACTED };

/*
 * Export redaction: what leaves the panel or the CLI (HAR, cURL, fetch, reports) is cut here.
 * What counts as a credential is not decided here but in src/core/secrets — the names
 * (names.ts) and value shapes (patterns.ts) the secret rules use — so whatever the rules can
 * find, an export hides. The user's lists from the options page add names on top; they cannot
 * take built-in ones away (to keep everything, export with "include secrets").
 */

export type RedactionNames = Settings['redaction'];

/** The user's lists; `bodyMembers` may be missing in settings written before it existed. */
export interface RedactionLists {
  headers: readonly string[];
  queryParams: readonly string[];
  bodyMembers?: readonly string[];
}

export interface RedactOptions {
  /** Replace credentials with "[REDACTED]". Defaults to true: exports are safe unless asked otherwise. */
  redact?: boolean;
  /** Names the user added to the built-in vocabulary; defaults to the settings defaults. */
  redaction?: RedactionLists;
}

/** Which names are credentials where: the built-in vocabulary plus the user's names. */
export interface Redactor {
  header(name: string): boolean;
  param(name: string): boolean;
  member(name: string): boolean;
}

const normalisedSet = (xs: readonly string[] = []) =>
  new Set(xs.map((x) => normaliseName(x.trim())).filter((x) => x !== ''));

/** A Redactor for the user's lists (or the settings defaults). */
export function redactor(lists?: RedactionLists): Redactor {
  const r = lists ?? { headers: DEFAULT_REDACTED_HEADERS, queryParams: DEFAULT_REDACTED_QUERY };
  const headers = normalisedSet(r.headers);
  const params = normalisedSet(r.queryParams);
  const members = normalisedSet(r.bodyMembers);
  return {
    header: (n) => isSecretHeaderName(n) || headers.has(normaliseName(n)),
    param: (n) => isSecretParamName(n) || params.has(normaliseName(n)) || members.has(normaliseName(n)),
    member: (n) => isSecretMemberName(n) || members.has(normaliseName(n)),
  };
}

/** Whatever carries the user's lists: the settings, a lint plan, an export or comparison job. */
export interface RedactionHolder {
  readonly redaction?: RedactionLists;
}

/**
 * The Redactor for the user's settings (or anything else carrying their lists): all three lists,
 * headers, query parameters and body members, on top of the built-in vocabulary; the settings
 * defaults when it carries none. The one way a surface turns its settings into redaction, so
 * what it stores or shows hides what its exports hide (the stored tab summary and the monitor
 * once read the query parameters alone, the comparison none).
 */
export function settingsRedactor(holder: RedactionHolder): Redactor {
  return redactor(holder.redaction);
}

/** Whether two settings redact alike (the same lists, in the same order). */
export function sameRedaction(a: RedactionHolder, b: RedactionHolder): boolean {
  return JSON.stringify(a.redaction) === JSON.stringify(b.redaction);
}

/** Extra query-parameter names (the older call shape) or a Redactor. */
export type RedactorLike = Redactor | readonly string[];

/** A Redactor from either call shape; none means the built-in vocabulary alone. */
export function asRedactor(r: RedactorLike | undefined): Redactor {
  if (r === undefined) return redactor({ headers: [], queryParams: [] });
  return Array.isArray(r) ? redactor({ headers: [], queryParams: r as readonly string[] }) : (r as Redactor);
}

/** Headers whose value is a URL that may carry a token in its query (a redirect to an OAuth callback, say). */
export const URL_HEADERS: ReadonlySet<string> = new Set([
  'location',
  'content-location',
  'referer',
  'link',
  ':path',
]);

/**
 * Credential headers (by name: the vocabulary and the user's list) become "[REDACTED]" whole.
 * In every other header, URLs (Location, Referer, HTTP/2's `:path`…) lose their credential
 * parameters and path secrets, and any credential-shaped or named value goes too (`X-Auth:
 * Bearer …`, `X-Debug: key=ghp_…`).
 */
export function redactHeaders(headers: readonly Header[], r?: RedactorLike): Header[] {
  const red = asRedactor(r);
  return headers.map((h) => {
    const name = h.name.toLowerCase();
    if (red.header(name)) return { name: h.name, value: REDACTED };
    const value = URL_HEADERS.has(name) ? redactUrl(h.value, red) : h.value;
    return { name: h.name, value: redactText(value, red) };
  });
}

/** Credential shapes and named credentials in a free text (a header value, a non-JSON body). */
function redactText(text: string, red: Redactor): string {
  return redactNamedValues(redactSecretValues(text), (n, inUrl) => (inUrl ? red.param(n) : red.member(n)));
}

/** Whether a value has a credential's shape. */
function hasSecretShape(value: string): boolean {
  return redactSecretValues(value) !== value;
}

/**
 * Redacts the values of credential parameters in a `name=value&…` string (by name, or by a
 * value that has a credential's shape), leaving every other byte as it was.
 */
export function redactParams(query: string, r?: RedactorLike): string {
  const red = asRedactor(r);
  let changed = false;
  const pieces = query.split('&').map((piece) => {
    const p = paramPiece(piece);
    if (!p || p.value === '') return piece;
    if (red.param(p.name) || hasSecretShape(decodeComponent(p.value))) {
      changed = true;
      return `${piece.slice(0, p.eq)}=${REDACTED}`;
    }
    return piece;
  });
  return changed ? pieces.join('&') : query;
}

const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*)@/i;

/**
 * The `;name=value` path parameters (`;jsessionid=…`, found by url-path.ts) that are credentials
 * by the parameter vocabulary: what redactUrl hides, and what known-values.ts then hunts for.
 */
export function credentialPathParams(path: string, red: Redactor): PathParam[] {
  return pathParams(path).filter((p) => p.length > 0 && red.param(decodeComponent(p.name)));
}

function redactPathParams(path: string, red: Redactor): string {
  let out = '';
  let last = 0;
  for (const p of credentialPathParams(path, red)) {
    out += path.slice(last, p.index) + REDACTED;
    last = p.index + p.length;
  }
  return last === 0 ? path : out + path.slice(last);
}

/**
 * Redacts a URL (or a path-and-query reference such as HTTP/2's `:path`): the password of
 * `user:pass@host`; credential-shaped path segments (`/keys/ghp_…/rotate`, `/reset/<JWT>`, a
 * Slack webhook's path, ASP.NET's cookieless `/(S(…))/`) and `;jsessionid=` path parameters;
 * credential query parameters, by name or by value; and the same in the fragment
 * (`#access_token=…`, OAuth's implicit flow).
 */
export function redactUrl(url: string, r?: RedactorLike): string {
  const red = asRedactor(r);
  const parts = splitUrl(url);
  const m = USERINFO.exec(parts.base);
  if (m && m[2]!.includes(':')) {
    const user = m[2]!.slice(0, m[2]!.indexOf(':'));
    parts.base = `${m[1]}${user}:${REDACTED}@${parts.base.slice(m[0].length)}`;
  }
  parts.base = redactPathParams(redactSecretValues(parts.base), red);
  if (parts.query !== null) parts.query = redactParams(parts.query, red);
  if (parts.fragment !== null) {
    const { route, params } = fragmentParams(parts.fragment);
    parts.fragment =
      redactSecretValues(route) +
      (params.includes('=') ? redactParams(params, red) : redactSecretValues(params));
  }
  return joinUrl(parts);
}

/**
 * Replaces every credential-shaped span with "[REDACTED]" (see src/core/secrets/patterns.ts).
 * A PEM private key is redacted through its END line, not just its header.
 */
export const redactBodySecrets = redactSecretValues;

/**
 * Replaces the values of JSON members with a credential's name by "[REDACTED]", at any depth and
 * whatever the value (a `"credentials": {…}` object goes whole), in one linear pass over the
 * text (redact-json.ts). The rest of the document keeps its exact formatting.
 */
export function redactJsonMembers(
  text: string,
  names: readonly string[] | ((name: string) => boolean),
): string {
  if (typeof names === 'function') return redactJsonMembersWhere(text, names);
  const set = normalisedSet(names);
  return redactJsonMembersWhere(text, (n) => set.has(normaliseName(n)));
}

function mediaType(mimeType: string): string {
  return (mimeType.split(';')[0] ?? '').trim().toLowerCase();
}

/** A form body, whose fields redactBody hides by the parameter names (and known-values.ts collects). */
export function isFormBody(mimeType: string): boolean {
  return mediaType(mimeType) === 'application/x-www-form-urlencoded';
}

/** The media type a response body is redacted by: as recorded, else its Content-Type. */
export function responseMimeType(ex: Exchange): string {
  return ex.mimeType || headerValue(ex.responseHeaders, 'content-type') || '';
}

/** A body redactBody reads as JSON, hiding members by name (and known-values.ts collects their values). */
export function looksLikeJson(mimeType: string, text: string): boolean {
  const mt = mediaType(mimeType);
  if (mt === 'application/json' || mt.endsWith('+json') || mt === 'application/graphql-response+json')
    return true;
  const first = text.trimStart()[0];
  return (mt === '' || mt.startsWith('text/plain')) && (first === '{' || first === '[');
}

/**
 * multipart/form-data fields by name (`Content-Disposition: form-data; name="password"`): the
 * value is what follows the part's blank line, up to the next line break. A file part keeps its
 * content (the patterns still look inside it).
 */
const MULTIPART_FIELD =
  /(Content-Disposition:[ \t]*form-data;[^\r\n]{0,1000}?\bname="([^"\r\n]{1,200})"(?![^\r\n]*filename=)[^\r\n]{0,1000}\r?\n(?:[^\r\n]{1,1000}\r?\n){0,20}\r?\n)([^\r\n]{1,1000000})/gi;

function redactMultipart(text: string, red: Redactor): string {
  return text.replace(MULTIPART_FIELD, (m, head: string, name: string) =>
    red.param(name) ? head + REDACTED : m,
  );
}

/**
 * Redacts a request or response body of any text kind: form and multipart fields by the
 * parameter names; JSON members (GraphQL variables included) by the member names; named values
 * in any other text (XML elements, `key: value`, `key=value`, GraphQL arguments, also inside
 * JSON strings); then every credential-shaped span anywhere.
 */
export function redactBody(text: string, mimeType: string, r?: RedactorLike): string {
  const red = asRedactor(r);
  let out = redactSecretValues(text);
  const mt = mediaType(mimeType);
  if (isFormBody(mimeType)) return redactParams(out, red);
  // Selectors such as `.fa-user-secret:before` read as `name: value`; a stylesheet names no credentials.
  if (mt === 'text/css') return out;
  if (mt === 'multipart/form-data') out = redactMultipart(out, red);
  else if (looksLikeJson(mimeType, out)) out = redactJsonMembers(out, red.member);
  return redactText(out, red);
}

/** The user's lists as given, lower-cased; the built-in vocabulary is applied whatever they hold. */
export function redactionNames(opts: RedactOptions = {}): Required<RedactionLists> {
  const r = opts.redaction ?? { headers: DEFAULT_REDACTED_HEADERS, queryParams: DEFAULT_REDACTED_QUERY };
  const lower = (xs: readonly string[] = []) => [
    ...new Set(xs.map((x) => x.trim().toLowerCase()).filter((x) => x !== '')),
  ];
  return { headers: lower(r.headers), queryParams: lower(r.queryParams), bodyMembers: lower(r.bodyMembers) };
}
