import { statusFamily } from '../../exchange/family';
import { member } from '../../json/walk';
import { graphqlOverHttp } from '../shared/sources';
import { defineRule } from '../types';
import { GRAPHQL_RESPONSE_MEDIA_TYPE, graphqlResponse } from './shared';

export default defineRule({
  id: 'graphql/status-code',
  group: 'graphql',
  severity: 'warning',
  description:
    'Under application/graphql-response+json a request error (no "data") is a 4xx/5xx and a response with data a 2xx; under application/json every GraphQL response is a 200.',
  source: graphqlOverHttp('Status-Codes', '6.4'),
  check(ctx) {
    const body = graphqlResponse(ctx);
    if (!body) return [];
    const status = ctx.exchange.status;
    const family = statusFamily(status);
    const data = member(body, 'data');
    if (ctx.mediaType === GRAPHQL_RESPONSE_MEDIA_TYPE) {
      if (data === undefined && family === '2xx') {
        return [
          {
            message: `${status} carries a request error (no "data"); under ${GRAPHQL_RESPONSE_MEDIA_TYPE} a request error is a 4xx or 5xx`,
          },
        ];
      }
      if (data !== undefined && data !== null && family !== '2xx') {
        return [
          {
            message: `${status} carries "data"; under ${GRAPHQL_RESPONSE_MEDIA_TYPE} a response with data is a 2xx`,
          },
        ];
      }
      return [];
    }
    if (family === '2xx' || status === 0) return [];
    return [
      {
        severity: 'info',
        message: `${status} carries a GraphQL response served as ${ctx.mediaType}; under application/json the server should answer 200 and report errors in the body`,
      },
    ];
  },
});
