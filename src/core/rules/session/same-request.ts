import { headerValue, listMembers } from '../../exchange/headers';
import type { Header } from '../../exchange/types';
import { credentialsOf, isCredentialHeader } from './credentials';

/**
 * What session/duplicate-request and session/polling-without-validators call "the same GET":
 * the session's key (method and URL, src/core/session/analyser.ts), the same credentials (every
 * header the secret vocabulary names as one, credentials.ts: Authorization, Cookie, X-Api-Key…)
 * and the same values of the request headers that change the answer. One notion for both, so a
 * repeat one rule leaves to the other is the same request to both: polling had compared URLs
 * only, and took two users' (or two languages') polls of one URL for one run.
 *
 * Usage: keep `variantNames(answer's headers)` and `variantOf(request's headers, names)` of the
 * earlier request, and ask `sameVariant` of the next one: the *earlier* answer's Vary decides,
 * as a cache's stored response does (RFC 9111 §4.1), since a repeat's own answer may drop it.
 */

/**
 * Request headers that change the answer to the same URL whatever the response's Vary says: the
 * representation asked for. Who asks is the credentials, compared beside these (a rotated session
 * cookie, another API key: another request).
 */
const ALWAYS_VARY: readonly string[] = ['accept', 'accept-language'];

/**
 * The headers whose values must agree for a repeat to be the same request: ALWAYS_VARY, then the
 * first 20 Vary members of the answer (a credential header it names, `Vary: Cookie`, is compared
 * with the credentials already).
 */
export function variantNames(responseHeaders: readonly Header[]): readonly string[] {
  const vary = headerValue(responseHeaders, 'vary');
  if (vary === undefined) return ALWAYS_VARY;
  const names = [...ALWAYS_VARY];
  for (const n of listMembers(vary).slice(0, 20)) {
    const lower = n.toLowerCase();
    if (lower !== '*' && !ALWAYS_VARY.includes(lower) && !isCredentialHeader(lower)) names.push(lower);
  }
  return names;
}

/**
 * A request's values of these headers, absent as '', then its credentials (credentialsOf): one
 * small array per request, where holding the header lists kept every header alive
 * (young-generation garbage collection copies each object a session rule holds on to).
 */
export function variantOf(requestHeaders: readonly Header[], names: readonly string[]): string[] {
  const variant = names.map((n) => headerValue(requestHeaders, n) ?? '');
  variant.push(credentialsOf(requestHeaders));
  return variant;
}

/** Whether a request has these values of these headers, and these credentials: the same variant. */
export function sameVariant(
  requestHeaders: readonly Header[],
  names: readonly string[],
  variant: readonly string[],
): boolean {
  for (let i = 0; i < names.length; i++)
    if ((headerValue(requestHeaders, names[i]!) ?? '') !== variant[i]) return false;
  return credentialsOf(requestHeaders) === variant[names.length];
}
