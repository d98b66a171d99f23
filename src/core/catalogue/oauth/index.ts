import { AUTHORIZATION_ERRORS } from './authorization';
import { AUTHORIZATION_EXTENSION_ERRORS } from './authorization-extensions';
import { REGISTRATION_ERRORS } from './registration';
import { RESOURCE_ERRORS } from './resource';
import { REVOCATION_ERRORS } from './revocation';
import { TOKEN_ERRORS } from './token';
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

/** The entry for a code in its context; undefined for a code the catalogue does not hold there. */
export function oauthError(context: OAuthErrorContext, code: string): OAuthErrorEntry | undefined {
  return typeof code === 'string' ? BY_KEY.get(key(context, code)) : undefined;
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
