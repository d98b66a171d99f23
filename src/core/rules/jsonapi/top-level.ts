import { member } from '../../json/walk';
import { describeValue } from '../../json/describe';
import { jsonApi } from '../shared/sources';
import { defineRule } from '../types';
import { jsonApiBody, jsonApiDocument } from './shared';

export default defineRule({
  id: 'jsonapi/top-level',
  group: 'jsonapi',
  severity: 'error',
  description:
    'A JSON:API document is an object with at least one of "data", "errors" and "meta", and never "data" and "errors" together.',
  source: jsonApi('document-top-level', '§7.1'),
  check(ctx) {
    const body = jsonApiBody(ctx);
    if (body === undefined) return [];
    const doc = jsonApiDocument(ctx);
    if (!doc) return [{ message: `the document is ${describeValue(body)}, not a JSON object` }];
    const has = (k: string) => member(doc, k) !== undefined;
    if (has('data') && has('errors')) {
      return [
        { message: 'the document has both "data" and "errors", which JSON:API forbids', pointer: '/errors' },
      ];
    }
    if (!has('data') && !has('errors') && !has('meta')) {
      return [{ message: 'the document has none of "data", "errors" and "meta"' }];
    }
    return [];
  },
});
