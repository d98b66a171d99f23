import { isJsonObject, member } from '../../json/walk';
import { describeValue } from '../../json/describe';
import { graphqlOverHttp } from '../shared/sources';
import { defineRule, type Report } from '../types';
import { graphqlResponse } from './shared';

export default defineRule({
  id: 'graphql/response-shape',
  group: 'graphql',
  severity: 'error',
  description:
    'A GraphQL response has "data" (an object, or null) or a non-empty "errors" array; without "data" it must say why in "errors".',
  source: graphqlOverHttp('Response'),
  check(ctx) {
    const body = graphqlResponse(ctx);
    if (!body) return [];
    const out: Report[] = [];
    const data = member(body, 'data');
    const errors = member(body, 'errors');
    if (data !== undefined && data !== null && !isJsonObject(data)) {
      out.push({ message: `"data" is ${describeValue(data)}, not an object or null`, pointer: '/data' });
    }
    if (errors !== undefined && !(Array.isArray(errors) && errors.length > 0)) {
      out.push({
        message: `"errors" is ${describeValue(errors)}, not a non-empty array`,
        pointer: '/errors',
      });
    } else if (data === undefined && errors === undefined) {
      out.push({ message: 'the response has neither "data" nor "errors"' });
    }
    return out;
  },
});
