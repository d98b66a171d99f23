import type { ProfileDocument } from '../types';

export const graphql: ProfileDocument = {
  id: 'graphql',
  name: 'GraphQL over HTTP',
  summary:
    'GraphQL responses use the status codes their media type calls for, a well-formed errors array and data, and GET carries only queries.',
  source: 'https://graphql.github.io/graphql-over-http/draft/',
  // GraphQL requests wherever they are sent (/graphql, /query, /api…), known by their body or
  // query document (exchange/graphql.ts), not by their path: a REST call whose URL merely says
  // "graphql" is not one. Add `urls` to keep it to your own API.
  scope: { requests: 'graphql', apiCallsOnly: true },
  mediaTypes: {
    success: ['application/graphql-response+json', 'application/json'],
    error: ['application/graphql-response+json', 'application/json'],
  },
  // A 200 whose body has "errors" is this protocol's normal shape for field errors, not a soft error.
  rules: { 'body/soft-error': 'off' },
  checks: ['graphql/status-code', 'graphql/response-shape', 'graphql/errors-shape', 'graphql/get-query'],
};
