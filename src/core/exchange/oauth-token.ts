import { mediaTypeOf } from './media';
import type { Exchange } from './types';

/** Longer bodies are not token requests (a grant is a few parameters); they are not parsed. */
const MAX_TOKEN_REQUEST_CHARS = 16_384;

/**
 * An OAuth 2.0 token request: a POST to the token endpoint whose body carries `grant_type`
 * (RFC 6749 §4.1.3, §4.3.2, §4.4.2, §6; form-encoded, or JSON as some servers also take). Its
 * answers' format is RFC 6749 §5's, whatever the API's own convention: a success is
 * `application/json` with `access_token`, an error `application/json` with `error` (§5.2). So
 * no convention profile judges it (a Problem Details API's token endpoint must still answer
 * `{"error":"invalid_grant"}` as application/json, or every OAuth client breaks).
 */
export function isOAuthTokenRequest(ex: Exchange): boolean {
  if (ex.method.toUpperCase() !== 'POST') return false;
  const body = ex.requestBody;
  if (!body || body.text.length > MAX_TOKEN_REQUEST_CHARS || !body.text.includes('grant_type')) return false;
  const type = mediaTypeOf(body.mimeType);
  if (type === 'application/json' || /^\s*\{/.test(body.text)) {
    try {
      const v: unknown = JSON.parse(body.text);
      return (
        typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>).grant_type === 'string'
      );
    } catch {
      return false;
    }
  }
  if (type !== '' && type !== 'application/x-www-form-urlencoded') return false;
  const grant = new URLSearchParams(body.text).get('grant_type');
  return grant !== null && grant !== '';
}
