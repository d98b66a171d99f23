import { AUTHORIZATION_ERRORS } from './authorization';
import { AUTHORIZATION_EXTENSION_ERRORS } from './authorization-extensions';
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
  registration: 'at the client registration endpoint',
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
  ...REGISTRATION_ERRORS,
].map((e) => {
  Object.freeze(e.causes);
  Object.freeze(e.statuses);
  return Object.freeze(e);
});

const key = (context: OAuthErrorContext, code: string) => `${context} ${code}`;
const BY_KEY = new Map<string, OAuthErrorEntry>(ALL.map((e) => [key(e.context, e.code), e]));

/**
 * Every OAuth error entry: token endpoint, authorization endpoint, protected resource, then the
 * revocation and client registration endpoints' own.
 */
export function allOAuthErrors(): readonly OAuthErrorEntry[] {
  return ALL;
}

const SECTION_5_2 = new Map(SECTION_5_2_ERRORS.map((e) => [e.code, e]));

/**
 * The entry that explains a code sent from a context; undefined for a code the catalogue does
 * not hold there. The revocation endpoint answers RFC 6749 §5.2's codes besides its own (RFC 7009
 * §2.2.1): for those this is the token endpoint's entry (its `context` is `token`), so a caller
 * that names where the code was sent names the context it asked for.
 */
export function oauthError(context: OAuthErrorContext, code: string): OAuthErrorEntry | undefined {
  if (typeof code !== 'string') return undefined;
  return BY_KEY.get(key(context, code)) ?? (context === 'revocation' ? SECTION_5_2.get(code) : undefined);
}

/**
 * Every entry for a code, in every context it is defined for (`status-lens explain
 * invalid_request` has three). Codes are case-sensitive, as RFC 6749 writes them.
 */
export function oauthErrorsNamed(code: string): OAuthErrorEntry[] {
  return ALL.filter((e) => e.code === code);
}

/** The distinct codes the specifications pair with a status (`explain 401` names them). */
export function oauthCodesForStatus(status: number): string[] {
  return [...new Set(ALL.filter((e) => e.statuses.includes(status)).map((e) => e.code))];
}
