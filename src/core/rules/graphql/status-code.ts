import { statusFamily } from '../../exchange/family';
import { GRAPHQL_RESPONSE_MEDIA_TYPE } from '../../exchange/graphql';
import { member } from '../../json/walk';
import { graphqlOverHttp } from '../shared/sources';
import { defineRule } from '../types';
import { graphqlResponse } from './shared';

/**
 * Statuses that refuse the client rather than answer its GraphQL request. The spec's URL
 * section lets a server "forbid individual requests by a client to any endpoint for any reason,
 * for example to require authentication or payment" with "the relevant 4xx or 5xx status code",
 * in any media type, and its Status Codes section names "401, 403 or similar" for a client "not
 * permitted to issue the GraphQL request". A refusal is decided before GraphQL runs, so its body
 * has no `data`; one with `data` was executed and is judged like any other response.
 */
const REFUSALS: ReadonlySet<number> = new Set([401, 402, 403]);

/**
 * 406: the client's Accept names none of the server's media types, so the answer cannot be in
 * a type the client asked for, and application/json is as good as any (spec §Body, §Status Codes).
 */
const NOT_ACCEPTABLE = 406;

export default defineRule({
  id: 'graphql/status-code',
  group: 'graphql',
  severity: 'warning',
  otherSeverities: [
    {
      severity: 'info',
      when: 'for a partial response ("data": null) on a 4xx/5xx and for request errors not served as application/graphql-response+json',
    },
  ],
  description:
    'A GraphQL response with non-null "data" is a 2xx, one with "data": null is not a 4xx/5xx, and a request error (no "data") is a 4xx/5xx served as application/graphql-response+json; refusals (401, 402, 403) are left alone.',
  source: graphqlOverHttp('Status-Codes'),
  check(ctx) {
    const body = graphqlResponse(ctx);
    const status = ctx.exchange.status;
    if (!body || status === 0) return [];
    const family = statusFamily(status);
    const failed = family === '4xx' || family === '5xx';
    const data = member(body, 'data');

    if (data !== undefined && data !== null) {
      // "If the GraphQL response contains the {data} entry and it is not {null}, then the server
      // MUST reply with a 2xx status code": whatever the media type.
      if (family === '2xx') return [];
      return [
        {
          message: `${status} carries "data": a GraphQL response with data was executed (a success or partial success) and must be a 2xx, whatever its media type`,
        },
      ];
    }

    if (data === null) {
      // "data": null with errors: execution started and a field error nulled the result. The spec
      // wants a 2xx (294 recommended): "Using 4xx and 5xx status codes in this situation is not appropriate".
      if (!failed) return [];
      return [
        {
          severity: 'info',
          message: `${status} carries "data": null: the operation was executed and a field error nulled its result, a partial response, which is a 2xx, not a 4xx/5xx; a refusal or request error omits "data"`,
        },
      ];
    }

    // No "data": a request error (or a refusal before GraphQL ran).
    if (ctx.mediaType === GRAPHQL_RESPONSE_MEDIA_TYPE) {
      // "If the GraphQL response does not contain the {data} entry then the server MUST reply
      // with an appropriate 4xx or 5xx status code".
      if (failed) return [];
      return [
        {
          message: `${status} carries a request error (no "data"); under ${GRAPHQL_RESPONSE_MEDIA_TYPE} a response without data must be a 4xx or 5xx`,
        },
      ];
    }
    if (REFUSALS.has(status) || status === NOT_ACCEPTABLE) return [];
    if (failed) {
      // The status is right; the media type is not: a legacy client's request is answered as if it
      // accepted graphql-response+json, and only a 2xx is relabelled application/json.
      return [
        {
          severity: 'info',
          message: `${status} answers a GraphQL request error as ${ctx.mediaType}: under ${ctx.mediaType} a client cannot tell a non-2xx GraphQL answer from a proxy's error page; serve it as ${GRAPHQL_RESPONSE_MEDIA_TYPE} (only a 2xx is relabelled application/json for legacy clients; a refusal for authentication is a 401 or 403)`,
        },
      ];
    }
    return [
      {
        severity: 'info',
        message: `${status} carries a request error (no "data") as ${ctx.mediaType}: the spec answers a request error with a 4xx or 5xx (as ${GRAPHQL_RESPONSE_MEDIA_TYPE}); a ${status} with only "errors" is a legacy server's answer that clients and tooling read as a success`,
      },
    ];
  },
});
