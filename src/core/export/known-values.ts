import type { Exchange } from '../exchange/types';
import { REDACTED } from '../secrets/redact-text';
import { decodeComponent, fragmentParams, paramPiece, splitUrl } from './query';
import {
  credentialPathParams,
  isFormBody,
  looksLikeJson,
  responseMimeType,
  URL_HEADERS,
  type Redactor,
} from './redact';
import { redactJsonMembersWhere } from './redact-json';

/*
 * Redacted once, redacted everywhere. Redaction hides a credential where it recognises one: a
 * header by its name, a query parameter, a JSON member, a value of a known shape. The same value
 * often travels elsewhere in the capture, where nothing names it: the token a login page hands
 * out in an HTML snippet (`AUTH_HEADER:'Checkout …'`) and the later requests send as their
 * Authorization, a session id echoed in an error page. A HAR export collects the values it hides
 * by name across every exchange first, then hides each of them wherever else it appears.
 */

/** Values shorter than this are too likely to be ordinary text ("null", a short id) to hunt for. */
const MIN_TOKEN = 8;
/** A whole header value ("Checkout otherStuffz") is hunted for from this length. */
const MIN_WHOLE = 12;
/** Values longer than this are not hunted for (a cookie jar, a certificate): their parts are. */
const MAX_VALUE = 512;
/** At most this many distinct values: each is searched for in every exported text. */
const MAX_VALUES = 200;

/**
 * Whether a value looks like a credential rather than a word: long enough, and mixing at least
 * two kinds of character (lower case, upper case, digits, other). "undefined" or "12345678" are
 * not hunted for; "otherStuffz", a JWT or a hex key with letters are. The punctuation that joins
 * words, paths and times (`/ . - _ :`) is no other kind: a cookie such as `_tap_path=/rum.gif` or
 * `_tap-lrB=1522184006245:1522184006246:1` (pagexray_304-503.har) is no credential to hide in
 * every URL of a report.
 */
function tokenLike(value: string): boolean {
  if (value.length < MIN_TOKEN || value.length > MAX_VALUE || value === REDACTED) return false;
  let kinds = 0;
  if (/[a-z]/.test(value)) kinds++;
  if (/[A-Z]/.test(value)) kinds++;
  if (/[0-9]/.test(value)) kinds++;
  if (/[^a-zA-Z0-9/.\-_:]/.test(value)) kinds++;
  return kinds >= 2;
}

/** A credential header's value, and its token after an auth scheme ("Bearer eyJ…" → "eyJ…"). */
function headerParts(value: string, out: Set<string>): void {
  const v = value.trim();
  if (v.length >= MIN_WHOLE && tokenLike(v)) out.add(v);
  const space = v.indexOf(' ');
  if (space > 0) {
    const token = v.slice(space + 1).trim();
    if (tokenLike(token)) out.add(token);
  }
}

/** The values of a Cookie header ("a=1; sid=…") or the first pair of a Set-Cookie. */
function cookieParts(value: string, setCookie: boolean, out: Set<string>): void {
  const pairs = setCookie ? [value.split(';')[0] ?? ''] : value.split(';');
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const v = pair.slice(eq + 1).trim();
    if (tokenLike(v)) out.add(v);
  }
}

/** A credential value as sent and, when it differs, decoded. */
function valueParts(raw: string, out: Set<string>): void {
  if (tokenLike(raw)) out.add(raw);
  const decoded = decodeComponent(raw);
  if (decoded !== raw && tokenLike(decoded)) out.add(decoded);
}

/** The credential values of a `name=value&…` string, read as redactParams reads it (paramPiece). */
function queryParts(query: string, red: Redactor, out: Set<string>): void {
  for (const piece of query.split('&')) {
    const p = paramPiece(piece);
    if (p && red.param(p.name)) valueParts(p.value, out);
  }
}

/** The string values of the JSON members redactBody hides by name, as written and decoded. */
function memberParts(text: string, red: Redactor, out: Set<string>): void {
  redactJsonMembersWhere(text, red.member, (value) => {
    // Objects and arrays go whole where they sit; only a string is one value to hunt for.
    if (value.length < 2 || value[0] !== '"') return;
    const inner = value.slice(1, -1);
    if (tokenLike(inner)) out.add(inner);
    try {
      const decoded: unknown = JSON.parse(value);
      if (typeof decoded === 'string' && decoded !== inner && tokenLike(decoded)) out.add(decoded);
    } catch {
      // A string cut short by the body cap: its written form is all there is.
    }
  });
}

/** A request or response body's credential values: form fields and JSON members, by name. */
function bodyParts(text: string, mimeType: string, red: Redactor, out: Set<string>): void {
  if (isFormBody(mimeType)) queryParts(text, red, out);
  else if (looksLikeJson(mimeType, text)) memberParts(text, red, out);
}

/**
 * The values redactUrl hides by name, wherever it hides them: `;jsessionid=` path parameters,
 * credential query parameters, and the same in the fragment (`#access_token=…`, a fragment
 * route's `#/callback?token=…`), each split by the helpers redactUrl uses. Not those it hides
 * for a credential's shape: redaction finds that shape wherever the value travels, so it needs
 * no hunt.
 */
function urlParts(url: string, red: Redactor, out: Set<string>): void {
  const { base, query, fragment } = splitUrl(url);
  for (const p of credentialPathParams(base, red)) valueParts(base.slice(p.index, p.index + p.length), out);
  if (query) queryParts(query, red, out);
  if (fragment) queryParts(fragmentParams(fragment).params, red, out);
}

/**
 * The credential values the exchanges carry where redaction recognises them by name: credential
 * headers (and their tokens), cookies, credential URL parameters (in the exchange's URL and in
 * the URL headers redactHeaders reads as URLs), credential form fields and JSON members of
 * bodies. Longest first, so a whole value is hidden before a part of it.
 */
export function knownSecretValues(
  exchanges: readonly Exchange[],
  red: Redactor,
  /** Read the bodies too (the default): a report, which quotes no body, skips a pass over each. */
  bodies = true,
): string[] {
  const found = new Set<string>();
  for (const ex of exchanges) {
    for (const [headers, response] of [
      [ex.requestHeaders, false],
      [ex.responseHeaders, true],
    ] as const) {
      for (const h of headers) {
        if (typeof h.name !== 'string' || typeof h.value !== 'string') continue;
        const name = h.name.toLowerCase();
        if (name === 'cookie' || name === 'set-cookie') cookieParts(h.value, response, found);
        else if (red.header(name)) headerParts(h.value, found);
        // A redirect's Location or a Referer is redacted as a URL: an OAuth callback's token.
        else if (URL_HEADERS.has(name)) urlParts(h.value, red, found);
      }
    }
    urlParts(ex.url, red, found);
    // Bodies: a form's fields (an OAuth token request's refresh_token), a login answer's token.
    if (bodies && ex.requestBody) bodyParts(ex.requestBody.text, ex.requestBody.mimeType, red, found);
    if (bodies && ex.body.kind === 'text') bodyParts(ex.body.text, responseMimeType(ex), red, found);
    if (found.size >= MAX_VALUES) break;
  }
  return [...found].slice(0, MAX_VALUES).sort(longestFirst);
}

/** The order hideKnownValues needs: at any place the whole value wins over a part of it. */
export const longestFirst = (a: string, b: string) => b.length - a.length;

/**
 * The known values of a whole capture gathered as its exchanges go by, each exchange's
 * (reportedValues, knownSecretValues) added as it comes, under knownSecretValues' bound: at most
 * MAX_VALUES, the first found. Where a report is written after the capture is read (the CLI's
 * lint holds every entry until its file ends), each entry is then hidden by all of them: a
 * session finding quoting another entry's request, a URL repeating what an earlier entry sent
 * as its cookie.
 */
export class KnownValues {
  private readonly seen = new Set<string>();
  private list: readonly string[] = [];

  /** Adds an exchange's values; whether any was new. */
  add(values: readonly string[]): boolean {
    const before = this.seen.size;
    for (const v of values) {
      if (this.seen.size >= MAX_VALUES) break;
      this.seen.add(v);
    }
    if (this.seen.size === before) return false;
    // A new list when it grows: hideKnownValues keeps one pattern per list.
    this.list = [...this.seen].sort(longestFirst);
    return true;
  }

  /** Whether each of `values` is among them (then hiding by `values` adds nothing). */
  holdsAll(values: readonly string[]): boolean {
    return values.every((v) => this.seen.has(v));
  }

  /** Longest first, as hideKnownValues needs them; the same list until one is added. */
  get values(): readonly string[] {
    return this.list;
  }
}

/** One pattern per list of values: a single pass over each text (a loop of `includes` per value was 6 times slower). */
const patterns = new WeakMap<readonly string[], RegExp>();

function patternOf(values: readonly string[]): RegExp {
  let re = patterns.get(values);
  if (!re) {
    // Longest first (knownSecretValues sorts them): at any place the whole value wins over a part.
    re = new RegExp(values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
    patterns.set(values, re);
  }
  return re;
}

/** `text` with every copy of each known value (longest first) replaced by "[REDACTED]". */
export function hideKnownValues(text: string, values: readonly string[]): string {
  if (values.length === 0) return text;
  return text.replace(patternOf(values), REDACTED);
}
