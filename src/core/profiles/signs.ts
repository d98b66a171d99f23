import { statusFamily } from '../exchange/family';
import { isJsonMediaType } from '../exchange/media';
import { isJsonObject, member, type JsonValue } from '../json/walk';
import { looksLikeHal } from '../rules/shared/hal-shape';
import type { RuleContext } from '../rules/types';

/**
 * What a response's body shows of a convention, for the panel's profile suggestions. Bodies
 * live where the analysis runs (the worker), so the engine reads these there, from the JSON it
 * has parsed anyway, and sends them with the analysis: the panel's thread never parses a body.
 * - `hal-links`: a success whose body is HAL (a link object under `_links`, or `_embedded`);
 * - `envelope-lists`: an error served as application/json whose `errors` is a list of messages
 *   (strings) or that carries a `msg` list;
 * - `graphql-request`: a GraphQL request (exchange/graphql.ts: its request body or query document,
 *   wherever it was sent) answered with JSON of any media type (GraphQL's own two, or a REST
 *   convention's such as problem+json, which then is no sign of that convention).
 */
export type ConventionSign = 'hal-links' | 'envelope-lists' | 'graphql-request';

/** Items of `errors` looked at: a sign, not a validation; the rules judge the rest. */
const ITEMS_LOOKED_AT = 20;

function isMessageList(v: JsonValue | undefined): boolean {
  if (!Array.isArray(v) || v.length === 0) return false;
  const n = Math.min(v.length, ITEMS_LOOKED_AT);
  for (let i = 0; i < n; i++) if (typeof v[i] !== 'string') return false;
  return true;
}

/**
 * The signs in one analysed response; cheap: a few member lookups on the parsed top level, and
 * for a JSON answer the rule context's "is it a GraphQL request" (asked once per exchange).
 */
export function conventionSigns(ctx: RuleContext): ConventionSign[] {
  const signs: ConventionSign[] = [];
  if (isJsonMediaType(ctx.mediaType) && ctx.graphqlRequest()) signs.push('graphql-request');
  if (ctx.json.kind !== 'ok' || !isJsonObject(ctx.json.value)) return signs;
  const root = ctx.json.value;
  const family = statusFamily(ctx.exchange.status);
  if (family === '2xx' && looksLikeHal(root)) signs.push('hal-links');
  if (
    (family === '4xx' || family === '5xx') &&
    ctx.mediaType === 'application/json' &&
    // Lists of messages: GraphQL, JSON:API and Problem Details carry `errors` too, as objects.
    (isMessageList(member(root, 'errors')) || Array.isArray(member(root, 'msg')))
  )
    signs.push('envelope-lists');
  return signs;
}
