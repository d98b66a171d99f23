import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Exchange } from '../../src/core/exchange/types';
import { readHarBytes } from '../../src/core/har/entry-reader';
import { decodeComponent, splitUrl } from '../../src/core/export/query';
import { isSecretHeaderName, isSecretMemberName, isSecretParamName } from '../../src/core/secrets/names';
import { findJwts, findSecrets } from '../../src/core/secrets/patterns';
import { CORPUS_DIR, ROOT } from './realworld';

/*
 * The trust audit of redaction (what we export, copy or store must hold no secret): for each
 * exchange of a real capture, every value that is known to be a secret, and where it was found.
 * "Known" comes first from the product's own detectors and name lists (src/core/secrets: value
 * patterns, JWTs, credential header/parameter/member names) — so the audit can only be as blind
 * as the product where they agree — and then from a few independent generic checks that do not
 * share the product's vocabulary: every Cookie / Set-Cookie value, `Bearer`/`Basic` credentials,
 * and long high-entropy values under any name that says token, session, key, auth, sig, secret,
 * pass or cred. The generic checks are what find the product's blind spots.
 */

export interface KnownSecret {
  value: string;
  /** Where in the original exchange, e.g. "request header X-Foo" or "response body member token". */
  place: string;
  /** Which detector said so, e.g. "pattern github-token", "header name", "generic entropy". */
  kind: string;
}

/** Placeholders real captures were already scrubbed with: they are no secret to keep. */
const PLACEHOLDER =
  /^(?:\[?redacted\]?|x+|\*+|•+|<[^>]*>|\{\{[^}]*\}\}|\$\{[^}]*\}|true|false|null|undefined)$/i;

/** Too short to search for without matching unrelated text ("1", "en", "abc"). */
const MIN_LENGTH = 6;

function usable(value: string): boolean {
  const v = value.trim();
  return v.length >= MIN_LENGTH && !PLACEHOLDER.test(v) && !v.includes('REDACTED');
}

/** Shannon entropy in bits per character. */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/**
 * The independent generic check: a long token (no spaces, 16+ characters, letters and digits,
 * 3.5+ bits per character) is a credential by its look, whatever the vocabulary says.
 */
export function looksLikeToken(value: string): boolean {
  const v = value.trim();
  return (
    v.length >= 16 &&
    !/\s/.test(v) &&
    /[A-Za-z]/.test(v) &&
    /\d/.test(v) &&
    entropy(v) >= 3.5 &&
    // A URL or a date is not a token, whatever its entropy.
    !/^[a-z][a-z0-9+.-]*:\/\//i.test(v) &&
    !/^\d{4}-\d\d-\d\d/.test(v)
  );
}

/** Names that generically say "credential", independent of src/core/secrets/names.ts. */
export const GENERIC_NAME = /token|session|key|auth|sig|secret|pass|cred/i;

/**
 * Cookies whose value re-appearing elsewhere is a leak: those with a session-like name. The
 * Cookie and Set-Cookie headers go whole in every export, but pages and ad servers copy tracking
 * ids into beacon URLs and cookie-sync redirects on purpose (walmart's `vtc`/`bstc` as a
 * Location's `partner_uid`, `ServedBy=beacon-a101` as X-Served-By, `_kuid_`, `TDID`, `tuuid`,
 * `MS_USER`, Akamai's `_abck` in its sensor post): an identifier the page publishes itself, not a
 * credential escaping, and hiding every copy would need a cross-entry search no export does.
 */
const SESSION_COOKIE = /sess|sid|auth|token|login|jwt|csrf|xsrf|remember|secret|key/i;

/**
 * Headers whose names contain a generic credential word without holding one: `:authority` is
 * the host; `Sec-WebSocket-Key` is a handshake nonce (RFC 6455 §4.1: it proves the server read
 * the handshake, it authorises nothing) and `Sec-WebSocket-Accept` is derived from it.
 */
const NOT_CREDENTIAL_HEADERS = /^(?::authority|sec-websocket-(?:key|accept))$/;

/** Every query/fragment/form `name=value` pair, decoded. */
function params(text: string): [string, string][] {
  return text
    .split('&')
    .map((piece) => {
      const eq = piece.indexOf('=');
      return eq < 0
        ? undefined
        : ([decodeComponent(piece.slice(0, eq)), decodeComponent(piece.slice(eq + 1))] as [string, string]);
    })
    .filter((p): p is [string, string] => p !== undefined);
}

function cookiePairs(header: string): [string, string][] {
  return header
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p.includes('='))
    .map((p) => [p.slice(0, p.indexOf('=')).trim(), p.slice(p.indexOf('=') + 1).trim()] as [string, string])
    .map(([n, v]) => [n, v.replace(/^"(.*)"$/, '$1')] as [string, string]);
}

const SCHEME = /\b(?:Bearer|Basic)[ \t]+([A-Za-z0-9._~+/-]{8,}=*)/g;

function jsonMembers(
  value: unknown,
  visit: (name: string, value: string, path: string) => void,
  path = '',
  depth = 0,
): void {
  if (depth > 64 || value === null || typeof value !== 'object') return;
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : Object.entries(value as Record<string, unknown>);
  for (const [k, v] of entries) {
    const p = `${path}/${k}`;
    if (typeof v === 'string') {
      if (!Array.isArray(value)) visit(k, v, p);
    } else jsonMembers(v, visit, p, depth + 1);
  }
}

function parseJson(text: string): unknown {
  const t = text.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Every value of the exchange known to be a secret, with where it sits. */
export function knownSecrets(ex: Exchange): KnownSecret[] {
  const out: KnownSecret[] = [];
  const add = (value: string, place: string, kind: string) => {
    if (usable(value)) out.push({ value: value.trim(), place, kind });
  };

  const texts: [string, string][] = [['request URL', ex.url]];
  for (const h of ex.requestHeaders) texts.push([`request header ${h.name}`, h.value]);
  for (const h of ex.responseHeaders) texts.push([`response header ${h.name}`, h.value]);
  if (ex.requestBody) texts.push(['request body', ex.requestBody.text]);
  if (ex.body.kind === 'text') texts.push(['response body', ex.body.text]);

  // The product's value detectors, and the scheme credentials, anywhere.
  for (const [place, text] of texts) {
    for (const s of findSecrets(text))
      add(text.slice(s.index, s.index + s.length), place, `pattern ${s.kind}`);
    for (const j of findJwts(text)) add(text.slice(j.index, j.index + j.length), place, 'jwt');
    // A word of prose ("Basic Authentication Failure") is not a credential.
    for (const m of text.matchAll(SCHEME))
      if (!/^[A-Z]?[a-z]+$/.test(m[1]!)) add(m[1]!, place, 'Bearer/Basic credential');
  }

  // Headers: by the product's names; every cookie value; generic names with token-like values.
  const headers = [
    ...ex.requestHeaders.map((h) => ['request', h] as const),
    ...ex.responseHeaders.map((h) => ['response', h] as const),
  ];
  for (const [side, h] of headers) {
    const place = `${side} header ${h.name}`;
    const name = h.name.toLowerCase();
    if (isSecretHeaderName(name)) add(h.value, place, 'header name');
    const cookies =
      name === 'cookie'
        ? cookiePairs(h.value)
        : name === 'set-cookie'
          ? h.value.split('\n').flatMap((line) => cookiePairs(line.split(';')[0] ?? '').slice(0, 1))
          : [];
    for (const [n, v] of cookies) if (SESSION_COOKIE.test(n)) add(v, `${place} (${n})`, 'cookie value');
    if (GENERIC_NAME.test(name) && !NOT_CREDENTIAL_HEADERS.test(name) && looksLikeToken(h.value))
      add(h.value, place, 'generic entropy');
  }

  // URL query and fragment parameters.
  const url = splitUrl(ex.url);
  for (const [where, text] of [
    ['query', url.query],
    ['fragment', url.fragment?.replace(/^[^?]*\?/, '') ?? null],
  ] as const) {
    if (text === null) continue;
    for (const [n, v] of params(text)) {
      if (isSecretParamName(n)) add(v, `request URL ${where} ${n}`, 'param name');
      else if (GENERIC_NAME.test(n) && looksLikeToken(v))
        add(v, `request URL ${where} ${n}`, 'generic entropy');
    }
  }

  // Bodies: form fields, JSON members.
  const bodies: [string, string, string][] = [];
  if (ex.requestBody) bodies.push(['request body', ex.requestBody.text, ex.requestBody.mimeType]);
  if (ex.body.kind === 'text') bodies.push(['response body', ex.body.text, ex.mimeType]);
  for (const [place, text, mime] of bodies) {
    if (/x-www-form-urlencoded/i.test(mime))
      for (const [n, v] of params(text)) {
        if (isSecretParamName(n)) add(v, `${place} field ${n}`, 'param name');
        else if (GENERIC_NAME.test(n) && looksLikeToken(v)) add(v, `${place} field ${n}`, 'generic entropy');
      }
    const json = parseJson(text);
    if (json !== undefined)
      jsonMembers(json, (n, v, path) => {
        if (isSecretMemberName(n)) add(v, `${place} member ${path}`, 'member name');
        else if (GENERIC_NAME.test(n) && looksLikeToken(v))
          add(v, `${place} member ${path}`, 'generic entropy');
      });
  }
  return out;
}

/** Every string of a JSON-like value with its path: what an output holds. */
export function stringsOf(value: unknown, path = '', out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => stringsOf(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) stringsOf(v, path === '' ? k : `${path}.${k}`, out);
  return out;
}

/** The spellings a value can take in an output: as is, percent-encoded, JSON-escaped. */
function spellings(value: string): string[] {
  const s = new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]);
  return [...s];
}

export interface Survivor {
  secret: KnownSecret;
  /** Where in the output the value still is. */
  at: string;
}

/**
 * An output searched as one text, and what each spelling's search found. The HAR audit asks of
 * one whole export once per exchange: joining its megabyte of strings again for each of a file's
 * 665 exchanges, and searching it again for the same cookie each sends, was seconds of a
 * 4-second test (h2o_all-status-methods.har), against 80 ms for the export itself.
 */
interface SearchedOutput {
  joined: string;
  found: Map<string, boolean>;
}

const searched = new WeakMap<readonly [string, string][], SearchedOutput>();

function holds(output: readonly [string, string][], form: string): boolean {
  let s = searched.get(output);
  if (!s) searched.set(output, (s = { joined: output.map(([, v]) => v).join('\u0000'), found: new Map() }));
  let found = s.found.get(form);
  if (found === undefined) s.found.set(form, (found = s.joined.includes(form)));
  return found;
}

/** The known secrets that an output (its strings, with paths) still holds. */
export function survivors(secrets: readonly KnownSecret[], output: readonly [string, string][]): Survivor[] {
  const seen = new Set<string>();
  const out: Survivor[] = [];
  for (const secret of secrets) {
    const forms = spellings(secret.value);
    if (!forms.some((f) => holds(output, f))) continue;
    const key = `${secret.value}\u0000${secret.place}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const at = output.find(([, s]) => forms.some((f) => s.includes(f)))?.[0] ?? '?';
    out.push({ secret, at });
  }
  return out;
}

/** Each real HAR once: test/fixtures/realworld, then ../shared/realworld's files not already there. */
export function realHars(): { name: string; path: string }[] {
  const dirs = [CORPUS_DIR, resolve(ROOT, '../shared/realworld'), resolve(ROOT, '../../shared/realworld')];
  const seen = new Set<string>();
  const out: { name: string; path: string }[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.har') || seen.has(name)) continue;
      seen.add(name);
      out.push({ name, path: resolve(dir, name) });
    }
  }
  return out;
}

export function readExchanges(path: string): Exchange[] {
  return readHarBytes(new Uint8Array(readFileSync(path))).exchanges;
}

/** One line per survivor: file, entry, where the secret was, what found it, where it survived. */
export function describeSurvivor(file: string, index: number, s: Survivor): string {
  const shown = s.secret.value.length > 24 ? `${s.secret.value.slice(0, 12)}…` : s.secret.value;
  return `${file} entry ${index}: ${s.secret.place} [${s.secret.kind}] "${shown}" survives at ${s.at}`;
}
