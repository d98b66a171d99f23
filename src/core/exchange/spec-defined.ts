import { isGraphqlRequest } from './graphql';
import { isJsonMediaType, mediaTypeOf, responseMediaType } from './media';
import type { Exchange } from './types';
import { splitUrl } from './url';
import { isJsonObject } from '../json/walk';

/**
 * Requests whose answers another specification defines, whatever the API's own convention: no
 * convention profile judges them (docs/profiles.md, "Where a profile applies"), except a profile
 * made for that specification (one running GraphQL checks judges GraphQL requests: scope.ts). A
 * Problem Details or HAL API must still answer these the way their own specifications say, or the
 * clients built for those (OAuth libraries, OpenID Connect discovery, security.txt readers,
 * GraphQL clients…) break.
 */

/** Longer bodies are not token requests (a grant is a few parameters); they are not parsed. */
const MAX_TOKEN_REQUEST_CHARS = 16_384;

/**
 * An OAuth 2.0 token request: a POST to the token endpoint whose body carries `grant_type`
 * (RFC 6749 §4.1.3, §4.3.2, §4.4.2, §6; form-encoded, or JSON as some servers also take). Its
 * answers' format is RFC 6749 §5's, whatever the API's own convention: a success is
 * `application/json` with `access_token`, an error `application/json` with `error` (§5.2). So
 * no convention profile judges it (a Problem Details API's token endpoint must still answer
 * `{"error":"invalid_grant"}` as application/json, or every OAuth client breaks).
 *
 * Recorders hide the body of these requests (it holds client secrets and passwords): Polly.JS
 * persisters write `[REDACTED]`, others drop it. A POST whose body cannot be read as parameters
 * is then known by what else a token request has: its answer (§5.1: JSON with `access_token`
 * and `token_type`), or a form-encoded request to an endpoint named `token` (`/oauth2/token`,
 * `/oauth2/v2.0/token`, `/connect/token`, Keycloak's `…/openid-connect/token`).
 */
export function isOAuthTokenRequest(ex: Exchange): boolean {
  if (ex.method.toUpperCase() !== 'POST') return false;
  const body = ex.requestBody;
  if (body && body.text.length > MAX_TOKEN_REQUEST_CHARS) return false;
  const text = body?.text ?? '';
  const type = mediaTypeOf(body?.mimeType);
  if (text.includes('grant_type')) return carriesGrantType(text, type);
  // Parameters (or a JSON object) that name no grant: some other form, not a token request.
  if (text.includes('=') || /^\s*\{/.test(text)) return false;
  return answeredWithToken(ex) || (type === 'application/x-www-form-urlencoded' && tokenEndpoint(ex.url));
}

function carriesGrantType(text: string, type: string): boolean {
  if (type === 'application/json' || /^\s*\{/.test(text)) {
    try {
      const v: unknown = JSON.parse(text);
      return isJsonObject(v) && typeof v.grant_type === 'string';
    } catch {
      return false;
    }
  }
  if (type !== '' && type !== 'application/x-www-form-urlencoded') return false;
  const grant = new URLSearchParams(text).get('grant_type');
  return grant !== null && grant !== '';
}

/** An access token response (RFC 6749 §5.1): a JSON object with `access_token` and `token_type` strings. */
function answeredWithToken(ex: Exchange): boolean {
  const b = ex.body;
  if (b.kind !== 'text' || b.text.length > MAX_TOKEN_REQUEST_CHARS || !b.text.includes('access_token'))
    return false;
  if (!isJsonMediaType(responseMediaType(ex))) return false;
  try {
    const v: unknown = JSON.parse(b.text);
    return isJsonObject(v) && typeof v.access_token === 'string' && typeof v.token_type === 'string';
  } catch {
    return false;
  }
}

/** Whether the URL's last path segment is `token`: the name RFC 6749 and OpenID Connect deployments give the endpoint. */
function tokenEndpoint(url: string): boolean {
  const path = splitUrl(url)?.path.toLowerCase() ?? '';
  return /\/token\/?$/.test(path);
}

/**
 * An OAuth 2.0 authorization request (RFC 6749 §4.1.1, §4.2.1; OpenID Connect's authentication
 * request): `response_type` and `client_id` in the query. What its endpoint answers is an
 * authorization error (§4.1.2.1), not a token endpoint's, though the codes overlap.
 */
export function isOAuthAuthorizationRequest(ex: Exchange): boolean {
  const query = splitUrl(ex.url)?.query ?? '';
  if (!query.includes('response_type=') || !query.includes('client_id=')) return false;
  const params = new URLSearchParams(query);
  return (params.get('response_type') ?? '') !== '' && (params.get('client_id') ?? '') !== '';
}

/**
 * A well-known URI (RFC 8615): `/.well-known/openid-configuration`, `/.well-known/jwks.json`,
 * `/.well-known/oauth-protected-resource`… Each is defined by its registration, not by the API
 * that serves it; OpenID Connect issuers with a path put it after theirs (`/am/oauth2/.well-known/…`).
 */
export function isWellKnownRequest(ex: Exchange): boolean {
  const url = splitUrl(ex.url);
  return url !== undefined && /(^|\/)\.well-known(\/|$)/.test(url.path);
}

/** Which specification defines a request's answers: a profile may judge a kind (scope.ts). */
export type SpecDefinedKind = 'oauth-token' | 'well-known' | 'graphql';

export interface SpecDefined {
  kind: SpecDefinedKind;
  /** Why, for the Overview: "it is …". */
  reason: string;
}

const OAUTH_TOKEN: SpecDefined = {
  kind: 'oauth-token',
  reason:
    'it is an OAuth 2.0 token request, whose answers RFC 6749 §5 defines (application/json with access_token or error)',
};
const WELL_KNOWN: SpecDefined = {
  kind: 'well-known',
  reason: 'it is a well-known URI (RFC 8615), whose answer the specification registering it defines',
};
/**
 * A GraphQL request (exchange/graphql.ts): GraphQL over HTTP defines its answers (`data` and
 * `errors`, application/graphql-response+json or application/json, its own status codes), not
 * the REST convention of the API beside it: GitHub's /graphql is not HAL because its REST API
 * is, and Linear's GraphQL 400 is no Problem Details. Profiles that run GraphQL checks judge it.
 */
const GRAPHQL: SpecDefined = {
  kind: 'graphql',
  reason:
    "it is a GraphQL request, whose answers GraphQL over HTTP defines (data and errors, its own status codes), not the API's REST convention; the graphql profile judges it",
};

/** Each kind with its reason: a kind the engine reported (Analysis.specDefined) read back. */
export const SPEC_DEFINED: Readonly<Record<SpecDefinedKind, SpecDefined>> = {
  'oauth-token': OAUTH_TOKEN,
  'well-known': WELL_KNOWN,
  graphql: GRAPHQL,
};

/**
 * Which other specification defines this request's answers, or undefined when the API's
 * convention does. `graphql` answers isGraphqlRequest(ex) for a caller that has it already (the
 * engine's rule context remembers it), so the GraphQL detector runs once per exchange.
 */
export function specDefined(
  ex: Exchange,
  graphql: () => boolean = () => isGraphqlRequest(ex),
): SpecDefined | undefined {
  if (isOAuthTokenRequest(ex)) return OAUTH_TOKEN;
  if (isWellKnownRequest(ex)) return WELL_KNOWN;
  if (graphql()) return GRAPHQL;
  return undefined;
}

/** Why another specification defines this request's answers, or undefined when the API's convention does. */
export function specDefinedReason(ex: Exchange): string | undefined {
  return specDefined(ex)?.reason;
}
