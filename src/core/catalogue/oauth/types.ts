/**
 * An OAuth 2.0 error code explained. The same code means different things where it is sent
 * (`invalid_request` at the token endpoint is a malformed grant; from an API, a token sent two
 * ways), so an entry is keyed by its context and its code together. `revocation` is RFC 7009's
 * endpoint, `registration` RFC 7591's (dynamic client registration).
 */
export type OAuthErrorContext = 'token' | 'authorization' | 'resource' | 'revocation' | 'registration';

export interface OAuthErrorEntry {
  code: string;
  context: OAuthErrorContext;
  /** One line: what happened. */
  summary: string;
  meaning: string;
  causes: readonly string[];
  action: string;
  /** The HTTP statuses the specification pairs it with; empty when it travels in a redirect. */
  statuses: readonly number[];
  /** "RFC 6749 §5.2", "OpenID Connect Core 1.0 §3.1.2.6". */
  origin: string;
  /** An https link to the section that defines the code. */
  specUrl: string;
}
