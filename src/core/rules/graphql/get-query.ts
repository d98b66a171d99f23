import { statusFamily } from '../../exchange/family';
import { operationType, urlParam } from '../../exchange/graphql';
import { graphqlOverHttp } from '../shared/sources';
import { defineRule } from '../types';

export default defineRule({
  id: 'graphql/get-query',
  group: 'graphql',
  severity: 'error',
  headerOnly: true,
  description:
    'An operation sent with GET must be a query: a GET that ran a mutation or subscription should have been refused (405).',
  source: graphqlOverHttp('GET'),
  check({ exchange }) {
    if (exchange.method.toUpperCase() !== 'GET' || statusFamily(exchange.status) !== '2xx') return [];
    const document = urlParam(exchange.url, 'query');
    if (document === undefined) return [];
    const type = operationType(document);
    if (type !== 'mutation' && type !== 'subscription') return [];
    return [
      {
        message: `GET ran a ${type} and got ${exchange.status}; a ${type} over GET must be refused with 405 Method Not Allowed`,
      },
    ];
  },
});
