import { isJsonObject, type JsonValue } from '../../json/walk';
import type { RuleContext } from '../types';

export const JSONAPI_MEDIA_TYPE = 'application/vnd.api+json';

/** The top-level document when the body is served as JSON:API and parsed as JSON (any value). */
export function jsonApiBody(ctx: RuleContext): JsonValue | undefined {
  if (ctx.mediaType !== JSONAPI_MEDIA_TYPE || ctx.json.kind !== 'ok') return undefined;
  return ctx.json.value;
}

export function jsonApiDocument(ctx: RuleContext): Record<string, JsonValue> | undefined {
  const body = jsonApiBody(ctx);
  return isJsonObject(body) ? body : undefined;
}
