import { isJsonMediaType } from '../../exchange/media';
import { isJsonObject, member, type JsonValue } from '../../json/walk';
import type { RuleContext } from '../types';

/**
 * The body as a GraphQL response: a JSON object with a `data` or `errors` member, served as
 * JSON. Anything else at a GraphQL URL (a health check, an HTML error page) is not one.
 */
export function graphqlResponse(ctx: RuleContext): Record<string, JsonValue> | undefined {
  if (!isJsonMediaType(ctx.mediaType) || ctx.json.kind !== 'ok' || !isJsonObject(ctx.json.value))
    return undefined;
  const body = ctx.json.value;
  return member(body, 'data') !== undefined || member(body, 'errors') !== undefined ? body : undefined;
}
