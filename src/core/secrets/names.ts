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
  ]),
]);

/** Suffixes that make any member a credential: `newPassword`, `resetToken`, `stripeSecret`, `googleApiKey`. */
const MEMBER_SUFFIXES = ['password', 'passwd', 'secret', 'token', 'apikey', 'privatekey', 'secretkey'];

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
  const n = normaliseName(name);
  if (MEMBER_NAMES.has(n)) return true;
  if (NOT_SECRETS.has(n) || n.length > 64) return false;
  // `new_password1`, `new_password2`: a numbered copy is the same kind of member.
  const stem = n.replace(/\d+$/, '');
  return MEMBER_SUFFIXES.some((s) => stem.endsWith(s));
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
  'session',
  'sid',
  'auth',
  'x_amz_signature',
  'x_amz_credential',
  'x_goog_signature',
  'x_goog_credential',
  'jsessionid',
  'phpsessid',
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
  'key',
  'session',
  'sid',
  'auth',
  'x_amz_signature',
  'x_amz_credential',
  'x_goog_signature',
  'x_goog_credential',
]);

export function isSecretParamName(name: string): boolean {
  return PARAM_NAMES.has(normaliseName(name)) || isSecretMemberName(name);
}

/** Headers whose whole value is a credential, whatever it looks like. */
const HEADER_NAMES: ReadonlySet<string> = set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'x-auth',
  'x-auth-token',
  'x-access-token',
  'x-csrf-token',
  'x-xsrf-token',
  'x-session-token',
  'x-session-id',
  'x-vault-token',
  'private-token',
  'x-goog-api-key',
  'x-amz-security-token',
  'x-debug-token',
  'x-debug-token-link',
  'x-client-secret',
]);

/**
 * Parts of a header name that make it a credential header (X-Upstream-Token, X-Shopify-Access-Token…).
 * `authorization` catches the vendor variants of Authorization: vCloud Director's
 * X-Vcloud-Authorization session token (in a real capture, ukcloud_vdc-async-jobs.har),
 * Azure's X-Ms-Authorization-Auxiliary, X-Forwarded-Authorization.
 */
const HEADER_PARTS = [
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

/** A header whose value is a credential (compared case-insensitively, RFC 9110 §5.1). */
export function isSecretHeaderName(name: string): boolean {
  const n = normaliseName(name);
  if (HEADER_NAMES.has(n)) return true;
  if (HEADER_NOT_SECRET.test(n)) return false;
  return HEADER_PARTS.some((p) => n.includes(p));
}
