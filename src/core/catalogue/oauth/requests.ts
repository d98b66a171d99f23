import { isJsonMediaType, mediaTypeOf } from '../../exchange/media';
import type { Exchange } from '../../exchange/types';
import { isJsonObject, member } from '../../json/walk';

/**
 * Requests to the two endpoints whose codes are their own (revocation, client registration),
 * told apart by what they send, never by their URL: endpoints are named freely. Both are read
 * only for an error answer whose code the catalogue defines there (recognise.ts).
 */

/** A revocation request or a client registration is a few parameters; longer bodies are not read. */
const MAX_REQUEST_CHARS = 16_384;

function readableBody(ex: Exchange): { text: string; type: string } | undefined {
  if (ex.method.toUpperCase() !== 'POST') return undefined;
  const body = ex.requestBody;
  if (!body || body.text.length > MAX_REQUEST_CHARS) return undefined;
  return { text: body.text, type: mediaTypeOf(body.mimeType) };
}

/**
 * A token revocation request (RFC 7009 §2.1): a form-encoded POST with a non-empty `token` and no
 * `grant_type`. An introspection request (RFC 7662 §2.1) has the same shape; only codes defined
 * for revocation are read on it.
 */
export function isTokenRevocationRequest(ex: Exchange): boolean {
  const body = readableBody(ex);
  if (!body || (body.type !== '' && body.type !== 'application/x-www-form-urlencoded')) return false;
  if (!body.text.includes('token=')) return false;
  const params = new URLSearchParams(body.text);
  return (params.get('token') ?? '') !== '' && !params.has('grant_type');
}

/**
 * A client registration request (RFC 7591 §3.1): a POST of a JSON object of client metadata,
 * known by `redirect_uris` (an array) or `software_statement` (a string), the members only a
 * registration sends.
 */
export function isClientRegistrationRequest(ex: Exchange): boolean {
  const body = readableBody(ex);
  if (!body || (body.type !== '' && !isJsonMediaType(body.type))) return false;
  if (!body.text.includes('redirect_uris') && !body.text.includes('software_statement')) return false;
  try {
    const v: unknown = JSON.parse(body.text);
    return (
      isJsonObject(v) &&
      (Array.isArray(member(v, 'redirect_uris')) || typeof member(v, 'software_statement') === 'string')
    );
  } catch {
    return false;
  }
}
