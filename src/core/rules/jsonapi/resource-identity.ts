import { jsonPointer } from '../../json/pointer';
import { isJsonObject, member, type JsonValue } from '../../json/walk';
import { CappedReports } from '../shared/capped';
import { describeValue } from '../../json/describe';
import { jsonApi } from '../shared/sources';
import { defineRule } from '../types';
import { jsonApiDocument } from './shared';

/** Primary data (an object, or an array of them) and `included`, with where each resource sits. */
function resources(doc: Record<string, JsonValue>): { value: JsonValue; path: (string | number)[] }[] {
  const out: { value: JsonValue; path: (string | number)[] }[] = [];
  const data = member(doc, 'data');
  if (Array.isArray(data)) data.forEach((v, i) => out.push({ value: v, path: ['data', i] }));
  else if (data !== undefined && data !== null) out.push({ value: data, path: ['data'] });
  const included = member(doc, 'included');
  if (Array.isArray(included)) included.forEach((v, i) => out.push({ value: v, path: ['included', i] }));
  return out;
}

export default defineRule({
  id: 'jsonapi/resource-identity',
  group: 'jsonapi',
  severity: 'error',
  description: 'Every resource object in "data" and "included" has a string "type" and a string "id".',
  source: jsonApi('document-resource-object-identification', '§7.2.1'),
  check(ctx) {
    const doc = jsonApiDocument(ctx);
    if (!doc) return [];
    const out = new CappedReports();
    for (const { value, path } of resources(doc)) {
      const where = path.join('.').replace(/\.(\d+)/g, '[$1]');
      if (!isJsonObject(value)) {
        out.add(() => ({
          message: `${where} is ${describeValue(value)}, not a resource object`,
          pointer: jsonPointer(path),
        }));
        continue;
      }
      for (const key of ['type', 'id'] as const) {
        const v = member(value, key);
        if (typeof v !== 'string') {
          out.add(() => ({
            message: `${where}.${key} is ${describeValue(v)}, not a string`,
            pointer: jsonPointer([...path, key]),
          }));
        }
      }
    }
    return out.done('resource objects without a string type and id');
  },
});
