import { headerValues } from '../../exchange/headers';
import { isWebSocket } from '../../exchange/websocket';
import { isSecretParamName, isSessionParamName, isUrlByDesign } from '../../secrets/names';
import { findJwts, findSecrets, SECRET_LABELS } from '../../secrets/patterns';
import { COOKIELESS, findCookieless, pathParams } from '../../secrets/url-path';
import { defineRule, type Report } from '../types';
import { withArticle } from '../../text/article';

/**
 * A parameter is a credential by its name (the vocabulary export redaction uses, minus the names
 * URLs carry by design: see URL_BY_DESIGN) or by its value's shape (a vendor-format key such as
 * `sk_live_…`, whatever the parameter is called). Google API keys are left out of the shapes:
 * browser keys travel in URLs by design.
 */
function isCredentialParam(name: string, value: string): boolean {
  if (isPlaceholder(value) || isPublicKey(value)) return false;
  if (isSecretParamName(name) && !isUrlByDesign(name)) return true;
  return findSecrets(value, 1).some((s) => s.kind !== 'google-api-key');
}

/** Publishable keys (Stripe `pk_…`, Mapbox `pk.…`) are meant to be seen. */
function isPublicKey(value: string): boolean {
  return /^pk[._]/.test(value.trim());
}

const MAX_LOCATION = 8192;
const MAX_FINDINGS = 5;

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Values that stand for a credential without being one: empty, templated, "null". */
function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return v === '' || /^(?:null|undefined|none|false|true)$/i.test(v) || /^[{<$[]|\{\{/.test(v);
}

/** name=value pairs of a query or fragment, decoded; names lower-cased. */
function pairs(part: string): [string, string][] {
  const out: [string, string][] = [];
  for (const item of part.split(/[&;]/)) {
    const eq = item.indexOf('=');
    if (eq <= 0) continue;
    out.push([decode(item.slice(0, eq)).trim().toLowerCase(), decode(item.slice(eq + 1))]);
  }
  return out;
}

/** The query and fragment of a URL reference; a fragment route such as `#/cb?x=1` gives its own query. */
function parts(location: string): { where: 'query string' | 'fragment'; text: string }[] {
  const hash = location.indexOf('#');
  const beforeHash = hash < 0 ? location : location.slice(0, hash);
  const out: { where: 'query string' | 'fragment'; text: string }[] = [];
  const q = beforeHash.indexOf('?');
  if (q >= 0) out.push({ where: 'query string', text: beforeHash.slice(q + 1) });
  if (hash >= 0) {
    const fragment = location.slice(hash + 1);
    const fq = fragment.indexOf('?');
    out.push({ where: 'fragment', text: fq >= 0 ? fragment.slice(fq + 1) : fragment });
  }
  return out;
}

type Where = 'query string' | 'fragment' | 'path';

/** One credential a URL carries: what to call it, where, and (for a session id) how to stop it. */
interface UrlCredential {
  where: Where;
  /** `jsessionid=`, `;jsessionid=`, or a label such as "an ASP.NET cookieless session id S(…)". */
  what: string;
  length: number;
  /** Set for a session id: the fix that keeps it out of URLs, instead of the generic advice. */
  session?: string;
  /** Why and what to do, when neither the generic advice nor a session's fits (a webhook URL). */
  why?: string;
}

/** The part of a URL reference before its query and fragment: scheme, authority and path. */
function pathOf(location: string): string {
  const end = location.search(/[?#]/);
  return end < 0 ? location : location.slice(0, end);
}

/**
 * Each credential of a URL, once per name and part: query and fragment parameters, `;name=value`
 * path parameters judged by the same names, and ASP.NET's cookieless tickets, found by the very
 * definitions export redaction hides them by (secrets/url-path.ts).
 */
function credentialsIn(url: string): UrlCredential[] {
  const out: UrlCredential[] = [];
  const seen = new Set<string>();
  const add = (key: string, c: UrlCredential): boolean => {
    if (out.length >= MAX_FINDINGS) return false;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(c);
    }
    return true;
  };
  const location = url.trim().slice(0, MAX_LOCATION);
  const path = pathOf(location);
  for (const c of findCookieless(path)) {
    const { label, setting } = COOKIELESS[c.kind];
    const session = `keep it in a cookie (${setting} in web.config)`;
    const what = `an ${label} ${c.kind}(…)`;
    if (!add(`path ${c.kind}`, { where: 'path', what, length: c.length, session })) return out;
  }
  /** Spans of the path parameters reported by name. */
  const named: [number, number][] = [];
  for (const p of pathParams(path)) {
    const name = decode(p.name).trim().toLowerCase();
    const value = path.slice(p.index, p.index + p.length);
    if (!isCredentialParam(name, decode(value))) continue;
    const session = isSessionParamName(name) ? SESSION_FIX : undefined;
    if (!add(`path ${name}`, { where: 'path', what: `;${name}=`, length: p.length, session })) return out;
    named.push([p.index, p.index + p.length]);
  }
  // Credential shapes in the path itself (a token as a path segment, a Slack webhook's path):
  // the spans export redaction hides there (secrets/redact-text.ts), unless a parameter above
  // named them already. Google API keys are left out as everywhere in this rule (browser keys
  // travel in URLs by design).
  const within = (at: number, length: number) => named.some(([a, b]) => at < b && at + length > a);
  for (const s of findSecrets(path, MAX_FINDINGS)) {
    if (s.kind === 'google-api-key' || within(s.index, s.length)) continue;
    const c: UrlCredential = { where: 'path', what: withArticle(SECRET_LABELS[s.kind]), length: s.length };
    if (s.kind === 'slack-webhook') c.why = WEBHOOK_WHY;
    if (!add(`path ${s.kind}`, c)) return out;
  }
  const jwt = findJwts(path).find((j) => !within(j.index, j.length));
  if (jwt && !add('path jwt', { where: 'path', what: 'a JWT', length: jwt.length })) return out;
  for (const { where, text } of parts(location)) {
    for (const [name, value] of pairs(text)) {
      if (!isCredentialParam(name, value)) continue;
      const session = isSessionParamName(name) ? SESSION_FIX : undefined;
      if (!add(`${where} ${name}`, { where, what: `${name}=`, length: value.length, session })) return out;
    }
  }
  return out;
}

const WHY =
  'URLs end up in browser history, server and proxy logs and Referer headers; send credentials in a header or a POST body instead';

/**
 * A browser's WebSocket cannot send a header or a body with its handshake (the constructor takes
 * only a URL and subprotocols), so the generic advice would be impossible there.
 */
const WEBSOCKET_WHY =
  "a WebSocket URL is logged like any other, and a browser's WebSocket cannot send a header or a body: put a short-lived, single-use ticket in the URL instead, or authenticate in the first message (a same-site cookie is sent with the handshake too)";

/** A session id in a URL is the session itself: whoever reads the URL can take it over. */
const SESSION_WHY =
  'a session id or ticket in a URL leaks through server and proxy logs, Referer headers, browser history and shared links, and whoever has it has the session';

/** How a servlet or PHP session stops being written into URLs. */
const SESSION_FIX =
  'keep it in a cookie only (servlet: <tracking-mode>COOKIE</tracking-mode>; PHP: session.use_only_cookies=1, session.use_trans_sid=0)';

/** A Slack webhook's URL is the credential: it cannot move to a header. */
const WEBHOOK_WHY =
  "a Slack webhook's URL is its credential: whoever sees it (in this page's traffic, logs or history) can post to the channel; call the webhook from your server, never from a page";

/**
 * "carries X (a 24-character value, not shown) in its path: why; what to do". `generic` is the
 * advice for a plain credential: WHY, or WEBSOCKET_WHY for a WebSocket's URL.
 */
function describe(c: UrlCredential, generic = WHY): string {
  const tail = c.why ?? (c.session === undefined ? generic : `${SESSION_WHY}; ${c.session}`);
  return `carries ${c.what} (${withArticle(`${c.length}-character value`)}, not shown) in its ${c.where}: ${tail}`;
}

export default defineRule({
  id: 'security/secret-in-url',
  group: 'core',
  severity: 'warning',
  headerOnly: true,
  description:
    "A request URL or a redirect's Location should not carry credentials (access_token, api_key, password, an sk_live_ key, a JWT or token as a path segment, a Slack webhook, a session id such as ;jsessionid= or ASP.NET's cookieless /(S(…))/), where history, logs and Referer headers keep them.",
  source: { label: 'CWE-598', url: 'https://cwe.mitre.org/data/definitions/598.html' },
  check({ exchange }): Report[] {
    const out: Report[] = [];
    // What the page sent: the client put the credential there.
    const found = credentialsIn(exchange.url);
    if (found.length > 0) {
      const generic = isWebSocket(exchange) ? WEBSOCKET_WHY : WHY;
      for (const c of found) out.push({ message: `Request URL ${describe(c, generic)}` });
    }
    const status = exchange.status;
    if (status < 300 || status > 399) return out;
    // What the server answered: the redirect hands the credential to the next URL.
    for (const raw of headerValues(exchange.responseHeaders, 'location')) {
      for (const c of credentialsIn(raw)) {
        if (out.length >= MAX_FINDINGS) return out;
        out.push({ message: `${status} redirect's Location ${describe(c)}` });
      }
    }
    return out.slice(0, MAX_FINDINGS);
  },
});
