import { rememberedByName } from '../../exchange/headers';
import type { Header } from '../../exchange/types';
import { isSecretHeaderName } from '../../secrets/names';
import { REDACTED } from '../../secrets/redact-text';

/**
 * The credential headers of a request, as the session rules compare them: any header the secret
 * vocabulary names as one (src/core/secrets/names.ts: Authorization, Cookie, X-Api-Key, X-Auth-Key,
 * a CSRF token…), so that two requests differing only by an API key are two clients to every
 * session rule. session/duplicate-request and session/polling-without-validators had known only
 * Authorization and Cookie, while session/repeated-client-error compared any secret-named header.
 */

/** Whether a request header holds a credential (remembered by name: asked of every header of every GET). */
export const isCredentialHeader = rememberedByName(isSecretHeaderName);

/**
 * A request's credentials as one comparable text: each non-empty credential header as
 * `name:value` (name in lower case), sorted, one a line; '' when it sent none. Sorted, so the
 * order a recorder wrote them in does not make two requests differ.
 */
export function credentialsOf(headers: readonly Header[]): string {
  let lines: string[] | undefined;
  for (const h of headers) {
    if (h.value.trim() === '' || !isCredentialHeader(h.name)) continue;
    (lines ??= []).push(`${h.name.toLowerCase()}:${h.value}`);
  }
  return lines === undefined ? '' : lines.sort().join('\n');
}

/**
 * Whether a request carried a credential whose value can be compared: not empty, not a
 * recorder's "[REDACTED]" (Polly.JS, our own HAR export), which makes every token look alike.
 */
export function sentComparableCredential(headers: readonly Header[]): boolean {
  return headers.some(
    (h) => isCredentialHeader(h.name) && h.value.trim() !== '' && !h.value.includes(REDACTED),
  );
}
