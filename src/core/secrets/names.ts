import { DEFAULT_REDACTED_HEADERS } from '../settings/defaults';

/*
 * The one vocabulary of names that say "this value is a credential". The secret rules read it to
 * decide what to report and export redaction reads it to decide what to hide, so a name the rules
 * know can never leak from a "redacted" export (as aws_secret_access_key once did).
 *
 * Names compare normalised: lower-cased, without "_", "-", "." and spaces, so `client_secret`,
 * `clientSecret`, `Client-Secret` and `X-Amz-Signature`/`x_amz_signature` are one name each.
 * Each location has its own list because a name means different things in different places:
 * `code` or `key` is a credential in a URL but ordinary data in a JSON body.
 */

export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[_\-. ]/g, '');
}

const set = (names: readonly string[]): ReadonlySet<string> => new Set(names.map(normaliseName));

/**
 * Members holding a credential, or a hash of one, that a response never needs to return:
 * `security/secret-in-body` reports them. Exact names only: `passwordPolicy` or `private_key_id`
 * are something else.
 */
export const CREDENTIAL_MEMBER_NAMES: ReadonlySet<string> = set([
  'password',
  'passwd',
  'password_hash',
  'password_digest', // Rails has_secure_password
  'hashed_password',
  'encrypted_password', // Devise
  'aws_secret_access_key',
  'secret_access_key',
  'client_secret',
  'private_key',
]);

/** Members an OAuth token response (RFC 6749 §5.1) or a login endpoint hands out. */
export const TOKEN_MEMBER_NAMES: ReadonlySet<string> = set([
  'access_token',
  'refresh_token',
  'id_token',
  'token',
]);

/**
 * Headers whose whole value is a credential, whatever it looks like: the ones the settings'
 * redaction list starts with (which the user may extend; these are hidden whatever it says),
 * and more.
 */
const HEADER_NAME_LIST: readonly string[] = [
  ...DEFAULT_REDACTED_HEADERS,
  'x-auth',
  'x-session-token',
  'x-session-id',
  'x-vault-token',
  'private-token',
  'x-goog-api-key',
  'x-amz-security-token',
  'x-debug-token',
  'x-debug-token-link',
  'x-client-secret',
];

/**
 * Members of a body (JSON, XML, GraphQL variables, `name: value` text) whose value export
 * redaction hides: the two lists above, and more names that hold a credential in a request or
 * response without being worth a finding of their own.
 */
const MEMBER_NAMES: ReadonlySet<string> = new Set([
  ...CREDENTIAL_MEMBER_NAMES,
  ...TOKEN_MEMBER_NAMES,
  ...set([
    'pwd',
    'pw',
    'passphrase',
    'secret',
    'secret_key',
    'api_key',
    'api_token',
    'auth_token',
    'session_token',
    'session_id',
    'mfa_token',
    'credential',
    'credentials',
    'otp',
    'totp',
    'assertion',
    'client_assertion',
    'saml_response',
    'jwt',
    'private_token',
    'account_key',
    'shared_access_key',
    'x_amz_security_token',
    'security_token',
    // An API key by another name: vendors that want it in the URL (ipstack's, weatherstack's,
    // the nytimes.com userhist service in a real capture, pagexray_nytimes-wpt.har) and AWS
    // SDK configs (`access_key`); a login that hands out the key later sent as X-Auth-Key
    // (bitssa_api.har). `accessKeyId`/`access_key_id` is the key's public half and stays.
    'access_key',
    'auth_key',
    // A session id, as an Engine.IO/Socket.IO handshake hands it out (`0{"sid":"…"}`, a real
    // capture, mswjs_ws-polling.har) before every poll sends it back as `?sid=`, which exports
    // already hide. Twilio's resource `sid`s are ids and go too, but each one stays in its
    // resource's URL path.
    'sid',
  ]),
]);

/**
 * Request headers echoed as members: echo services (postman-echo.com, httpbin.org) and request
 * loggers answer with `"headers": {"cookie": "…"}`, and a redacted Cookie header must not come
 * back in the body of the very same exchange (a real capture, hrun_postman-echo.har). Only the
 * exact credential header names: the header *parts* below ("token", "secret" anywhere in the
 * name) would hide ordinary members such as `token_type` or `passwordPolicy`. Members only, not
 * URL parameters: trackers send `cookie=1` ("cookies are enabled", Snowplow in
 * pagexray_nytimes-wpt.har), which is no credential.
 */
const ECHOED_HEADER_MEMBERS: ReadonlySet<string> = set(HEADER_NAME_LIST);

/** Suffixes that make any member a credential: `newPassword`, `resetToken`, `stripeSecret`, `googleApiKey`. */
const MEMBER_SUFFIXES = [
  'password',
  'passwd',
  'secret',
  'token',
  'apikey',
  'privatekey',
  'secretkey',
  'accesskey',
  'authkey',
];

/** Names that end like a credential but are paging cursors, not secrets. */
const NOT_SECRETS: ReadonlySet<string> = set([
  'next_token',
  'page_token',
  'next_page_token',
  'prev_page_token',
  'previous_page_token',
  'continuation_token',
  'sync_token',
  'cursor_token',
  'max_token',
  'max_tokens',
  'total_tokens',
]);

/** A body member (JSON, XML, GraphQL variable, `name: value` text) whose value is a credential. */
export function isSecretMemberName(name: string): boolean {
  return ECHOED_HEADER_MEMBERS.has(normaliseName(name)) || isCredentialName(name);
}

/** The member vocabulary without the echoed header names: what a URL parameter is judged by too. */
function isCredentialName(name: string): boolean {
  const n = normaliseName(name);
  if (MEMBER_NAMES.has(n)) return true;
  if (NOT_SECRETS.has(n) || n.length > 64) return false;
  // `new_password1`, `new_password2`: a numbered copy is the same kind of member.
  const stem = n.replace(/\d+$/, '');
  return MEMBER_SUFFIXES.some((s) => stem.endsWith(s));
}

/**
 * `sigh`: the signature Google appends to a URL it hands out to be fetched as is: ad pings and
 * click URLs (googleads.g.doubleclick.net `/pagead/adview?ai=…&sigh=…`, a real capture,
 * pagexray_nytimes-wpt.har; VAST Impression and Error URLs), YouTube thumbnails and storyboards
 * (i.ytimg.com `…&sigh=…`, which clients such as NewPipe and Grayjay append to the "unsigned"
 * URL from the storyboard spec's signature field). Like `sig` it authorises the one URL it signs,
 * so whoever holds it can replay that URL (a view or click counted again, an image fetched):
 * exports hide it, and, carried by design, it is no finding (URL_BY_DESIGN). Not a suffix: names
 * ending in "sigh" are not signatures by any convention we know.
 */
const GOOGLE_URL_SIGNATURE = 'sigh';

/**
 * Parameters that carry a server session's id when a site tracks sessions through its URLs rather
 * than a cookie: the servlet container's `;jsessionid=` path parameter (URL rewriting), PHP's
 * `PHPSESSID` (session.use_trans_sid). Credentials like any other parameter here; the set exists so
 * `security/secret-in-url` can say what the value is and how to stop the URL carrying it.
 */
const SESSION_PARAM_NAMES: ReadonlySet<string> = set(['jsessionid', 'phpsessid']);

/** A parameter whose value is a session id handed out through URL rewriting. */
export function isSessionParamName(name: string): boolean {
  return SESSION_PARAM_NAMES.has(normaliseName(name));
}

/**
 * Query, fragment, form-urlencoded and multipart field names whose value is a credential. Wider
 * than the member list: in a URL `code` (OAuth), `key`, `sig`, `signature` and pre-signed URLs'
 * `X-Amz-Signature` are credentials.
 */
const PARAM_NAMES: ReadonlySet<string> = set([
  'key',
  'code',
  'sig',
  'signature',
  GOOGLE_URL_SIGNATURE,
  'session',
  'sid',
  'auth',
  'x_amz_signature',
  'x_amz_credential',
  'x_goog_signature',
  'x_goog_credential',
  ...SESSION_PARAM_NAMES,
]);

/**
 * Parameters that are credentials in a URL but are handed out in URLs by design, so a request or
 * redirect carrying them is no finding (`security/secret-in-url`), though exports still hide them:
 * - `code`: the OAuth authorization code is one-time, short-lived and meant to travel in the
 *   redirect back to the client (RFC 6749 §4.1.2);
 * - `sig`, `signature`, pre-signed URLs' signatures: they sign that one URL, and redirecting to
 *   them is how downloads are handed out;
 * - `key`: too generic (object keys, cache keys, public Maps keys);
 * - `session`, `sid`, `auth`: too often a flag or an analytics id.
 */
export const URL_BY_DESIGN: ReadonlySet<string> = set([
  'code',
  'sig',
  'signature',
  GOOGLE_URL_SIGNATURE,
  'key',
  'session',
  'sid',
  'auth',
  'x_amz_signature',
  'x_amz_credential',
  'x_goog_signature',
  'x_goog_credential',
  // Vendors that take an account's API key only in the URL (ipstack, weatherstack; nytimes.com's
  // userhist service in pagexray_nytimes-wpt.har): the user cannot move it, so as for `key` the
  // rule stays quiet, and exports hide it.
  'access_key',
]);

/**
 * Parameter names ending like a URL signature are one: OAuth 1.0's `oauth_signature` (RFC 5849
 * §3.5.2 allows it in the query and in form bodies), Yahoo ads' `esig`, `urlsig`, `hsig`. A
 * signature only authorises the URL it signs, so like `sig` it is no finding (URL_BY_DESIGN) but
 * exports hide it. No ordinary parameter name ends in "sig".
 */
const PARAM_SUFFIXES = ['sig', 'signature'];

export function isSecretParamName(name: string): boolean {
  const n = normaliseName(name);
  return PARAM_NAMES.has(n) || PARAM_SUFFIXES.some((s) => n.endsWith(s)) || isCredentialName(name);
}

/** A credential parameter that URLs carry by design (URL_BY_DESIGN, or any signature). */
export function isUrlByDesign(name: string): boolean {
  const n = normaliseName(name);
  return URL_BY_DESIGN.has(n) || PARAM_SUFFIXES.some((s) => n.endsWith(s));
}

const HEADER_NAMES: ReadonlySet<string> = set(HEADER_NAME_LIST);

/**
 * Parts of a header name that make it a credential header (X-Upstream-Token, X-Shopify-Access-Token…).
 * `authorization` catches the vendor variants of Authorization: vCloud Director's
 * X-Vcloud-Authorization session token (in a real capture, ukcloud_vdc-async-jobs.har),
 * Azure's X-Ms-Authorization-Auxiliary, X-Forwarded-Authorization.
 */
const HEADER_PARTS = [
  // X-Auth-Key (a real capture, bitssa_api.har: the key a login hands out, sent on every call).
  'authkey',
  'token',
  'secret',
  'passw',
  'apikey',
  'credential',
  'sessionid',
  'signature',
  'authorization',
];

/** Headers about credentials rather than holding one: CORS answers, RFC 9110 challenges. */
const HEADER_NOT_SECRET = /^(?:accesscontrol|wwwauthenticate|proxyauthenticate)/;

/**
 * The headers named outright as credentials (Authorization, Cookie, X-Api-Key…), not by a part
 * of their name: a text quoting one of these as `Name: …` quotes a credential to the end of the
 * line, while `secret: ask support` is prose.
 */
export function isCredentialHeaderName(name: string): boolean {
  return HEADER_NAMES.has(normaliseName(name));
}

/** A header whose value is a credential (compared case-insensitively, RFC 9110 §5.1). */
export function isSecretHeaderName(name: string): boolean {
  const n = normaliseName(name);
  if (HEADER_NAMES.has(n)) return true;
  if (HEADER_NOT_SECRET.test(n)) return false;
  return HEADER_PARTS.some((p) => n.includes(p));
}
