/**
 * An OAuth 2.0 error code explained. The same code means different things where it is sent
 * (`invalid_request` at the token endpoint is a malformed grant; from an API, a token sent two
 * ways), so an entry is keyed by its context and its code together. `revocation` is RFC 7009's
 * endpoint, `introspection` RFC 7662's, `registration` RFC 7591's (dynamic client registration),
 * `pushed-authorization` RFC 9126's, `client-configuration` RFC 7592's (reading, updating or
 * deleting a registration). `revocation-or-introspection` is no endpoint of its own: the place of
 * a code answering a request that reads as either, since both send a form with `token` (RFC 7009
 * §2.1, RFC 7662 §2.1); no entry is kept there, nor at the client configuration endpoint, whose
 * errors are RFC 7591's (index.ts says which entries each place borrows).
 */
export type OAuthErrorContext =
  | 'token'
  | 'authorization'
  | 'resource'
  | 'revocation'
  | 'introspection'
  | 'revocation-or-introspection'
  | 'registration'
  | 'client-configuration'
  | 'pushed-authorization';

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
