import { AUTHORIZATION_ERRORS } from './authorization';
import { AUTHORIZATION_EXTENSION_ERRORS } from './authorization-extensions';
import { INTROSPECTION_ERRORS } from './introspection';
import { PUSHED_AUTHORIZATION_ERRORS } from './pushed-authorization';
import { REGISTRATION_ERRORS } from './registration';
import { RESOURCE_ERRORS } from './resource';
import { REVOCATION_ERRORS } from './revocation';
import { SECTION_5_2_ERRORS, TOKEN_ERRORS } from './token';
import type { OAuthErrorContext, OAuthErrorEntry } from './types';

export type { OAuthErrorContext, OAuthErrorEntry } from './types';

/** Where a code was sent, as every heading words it: "invalid_grant at the token endpoint". */
export const OAUTH_CONTEXT_PLACE: Readonly<Record<OAuthErrorContext, string>> = {
  token: 'at the token endpoint',
  authorization: 'from the authorization endpoint',
  resource: 'from a protected resource',
  revocation: 'at the revocation endpoint',
  introspection: 'at the introspection endpoint',
  'revocation-or-introspection': 'at the revocation or introspection endpoint',
  registration: 'at the client registration endpoint',
  'client-configuration': 'at the client configuration endpoint',
  'pushed-authorization': 'at the pushed authorization request endpoint',
};

/** How an entry is headed wherever it is shown (`status-lens explain`; the panel sets the code apart). */
export function oauthErrorTitle(e: Pick<OAuthErrorEntry, 'code' | 'context'>): string {
  return `${e.code} ${OAUTH_CONTEXT_PLACE[e.context]}`;
}

/** Entries are shared by every caller: frozen, so an accidental edit is a visible error. */
const ALL: readonly OAuthErrorEntry[] = [
  ...TOKEN_ERRORS,
  ...AUTHORIZATION_ERRORS,
  ...AUTHORIZATION_EXTENSION_ERRORS,
  ...RESOURCE_ERRORS,
  ...REVOCATION_ERRORS,
  ...INTROSPECTION_ERRORS,
  ...REGISTRATION_ERRORS,
  ...PUSHED_AUTHORIZATION_ERRORS,
].map((e) => {
  Object.freeze(e.causes);
  Object.freeze(e.statuses);
  return Object.freeze(e);
});

const key = (context: OAuthErrorContext, code: string) => `${context} ${code}`;
const BY_KEY = new Map<string, OAuthErrorEntry>(ALL.map((e) => [key(e.context, e.code), e]));

/**
 * Every OAuth error entry: token endpoint, authorization endpoint, protected resource, then the
 * revocation, introspection, client registration and pushed authorization request endpoints' own.
 */
export function allOAuthErrors(): readonly OAuthErrorEntry[] {
  return ALL;
}

const SECTION_5_2 = new Map(SECTION_5_2_ERRORS.map((e) => [e.code, e]));

/**
 * The codes a pushed authorization request endpoint answers whose entries elsewhere hold there
 * too (RFC 9126 §2.3: RFC 6749 §5.2's and §4.1.2.1's codes, and the codes of an extension the
 * request uses), by the place whose entry explains them. Left out: the codes of user interaction
 * (OpenID Connect's login_required…, never returned there), access_denied, server_error and
 * temporarily_unavailable, whose entries speak of the user or of a redirect, the request_uri
 * codes (a pushed request carries none: invalid_request) and the grant codes (no grant is sent).
 */
const PAR_BORROWS: ReadonlyMap<string, OAuthErrorContext> = new Map([
  ['invalid_client', 'token'],
  ['unauthorized_client', 'authorization'],
  ['unsupported_response_type', 'authorization'],
  ['invalid_scope', 'authorization'],
  ['invalid_request_object', 'authorization'],
  ['request_not_supported', 'authorization'],
  ['invalid_target', 'authorization'],
  ['invalid_authorization_details', 'authorization'],
]);

/** The entry a place without one of its own for a code explains it by. */
function borrowed(context: OAuthErrorContext, code: string): OAuthErrorEntry | undefined {
  switch (context) {
    // RFC 7009 §2.2.1 and RFC 7662 §2.3: these endpoints answer in RFC 6749 §5.2's terms.
    case 'revocation':
    case 'introspection':
    case 'revocation-or-introspection':
      return SECTION_5_2.get(code);
    case 'pushed-authorization': {
      const from = PAR_BORROWS.get(code);
      return from ? BY_KEY.get(key(from, code)) : undefined;
    }
    // RFC 7592 §2.2: a refused update is answered as RFC 7591 answers a registration.
    case 'client-configuration':
      return BY_KEY.get(key('registration', code));
    default:
      return undefined;
  }
}

/**
 * The entry that explains a code sent from a context; undefined for a code the catalogue does
 * not hold there. Some places answer codes defined elsewhere (borrowed above): for those this is
 * the other place's entry (its `context` is that place), so a caller that names where the code
 * was sent names the context it asked for. At the revocation-or-introspection place only
 * §5.2's codes are explained, by the token endpoint's entries, true of both endpoints.
 */
export function oauthError(context: OAuthErrorContext, code: string): OAuthErrorEntry | undefined {
  if (typeof code !== 'string') return undefined;
  return BY_KEY.get(key(context, code)) ?? borrowed(context, code);
}

/**
 * The endpoints besides its own whose answers an entry explains (borrowed above), in the order
 * places are named: `status-lens explain invalid_client` says the revocation endpoint sends it
 * too. The revocation-or-introspection place is no endpoint and is not named.
 */
export function oauthPlacesBorrowing(e: OAuthErrorEntry): OAuthErrorContext[] {
  return (Object.keys(OAUTH_CONTEXT_PLACE) as OAuthErrorContext[]).filter(
    (c) =>
      c !== e.context &&
      c !== 'revocation-or-introspection' &&
      !BY_KEY.has(key(c, e.code)) &&
      borrowed(c, e.code) === e,
  );
}

/**
 * Every entry for a code, in every context it is defined for (`status-lens explain
 * invalid_request` has four). Codes are case-sensitive, as RFC 6749 writes them.
 */
export function oauthErrorsNamed(code: string): OAuthErrorEntry[] {
  return ALL.filter((e) => e.code === code);
}

/** The distinct codes the specifications pair with a status (`explain 401` names them). */
export function oauthCodesForStatus(status: number): string[] {
  return [...new Set(ALL.filter((e) => e.statuses.includes(status)).map((e) => e.code))];
}
