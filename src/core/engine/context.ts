import type { Exchange } from '../exchange/types';
import { isGraphqlRequest } from '../exchange/graphql';
import { isJsonMediaType, responseMediaType } from '../exchange/media';
import type { JsonValue } from '../json/walk';
import type { JsonState, RuleContext } from '../rules/types';
import { matchExchange } from '../contract/match';
import type { PreparedContract } from '../contract/types';

export interface EngineLimits {
  /** Bodies longer than this (in characters) are not parsed as JSON. */
  maxParseChars: number;
  /** Scanning rules (stack traces, secrets) read at most this much text. */
  maxScanChars: number;
}

export const DEFAULT_LIMITS: EngineLimits = {
  maxParseChars: 64 * 1024 * 1024,
  maxScanChars: 2 * 1024 * 1024,
};

function looksLikeJson(text: string): boolean {
  for (let i = 0; i < text.length && i < 1024; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) continue;
    return c === 0x7b /* { */ || c === 0x5b; /* [ */
  }
  return false;
}

function parseJson(text: string, mediaType: string, limits: EngineLimits): JsonState {
  if (!isJsonMediaType(mediaType) && !looksLikeJson(text)) return { kind: 'none' };
  if (text.length > limits.maxParseChars) {
    return { kind: 'skipped', reason: `body of ${text.length} characters is over the parse limit` };
  }
  try {
    // V8's JSON.parse is iterative, so deep nesting cannot overflow the stack here. A leading byte
    // order mark is skipped as browsers' fetch().json() does (RFC 8259 §8.1 lets parsers ignore
    // it), so every JSON rule sees the body the client sees; body/invalid-json notes the BOM.
    const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    return { kind: 'ok', value: JSON.parse(json) as JsonValue };
  } catch (e) {
    return { kind: 'invalid', error: (e as Error).message };
  }
}

export function buildContext(
  exchange: Exchange,
  limits: EngineLimits = DEFAULT_LIMITS,
  contracts: readonly PreparedContract[] = [],
): RuleContext {
  const mediaType = responseMediaType(exchange);
  const text = exchange.body.kind === 'text' ? exchange.body.text : undefined;
  const contract = matchExchange(contracts, exchange);
  let graphql: boolean | undefined;
  return {
    ...(contract ? { contract } : {}),
    // Asked only by what needs it, and then once. A function, not a getter: an object literal
    // with an accessor leaves V8's fast literal path, and the CLI's lint slowed by a tenth.
    graphqlRequest: () => (graphql ??= isGraphqlRequest(exchange, mediaType)),
    exchange,
    mediaType,
    text:
      text === undefined
        ? undefined
        : text.length > limits.maxScanChars
          ? text.slice(0, limits.maxScanChars)
          : text,
    json: text === undefined ? { kind: 'none' } : parseJson(text, mediaType, limits),
  };
}
