import { jsonPointer } from '../../json/pointer';
import { isJsonObject, member, type JsonValue } from '../../json/walk';
import { BodyTallies, type BodyTally } from '../shared/body-tally';
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

/** The kinds of fault, each with its own fix, and what a summary of several says of them. */
const SUMMARY = {
  notObject: (t: BodyTally) => `${t.counted('item')} of data or included are not resource objects`,
  noType: (t: BodyTally) => `${t.counted('resource')} have no "type"`,
  typeNotString: (t: BodyTally) => `${t.counted('resource')} have a "type" that is not a string`,
  noId: (t: BodyTally) => `${t.counted('resource')} have no "id"`,
  idNotString: (t: BodyTally) => `${t.counted('resource')} have an "id" that is not a string`,
};

const FAULTS = {
  type: { absent: 'noType', wrong: 'typeNotString' },
  id: { absent: 'noId', wrong: 'idNotString' },
} as const;

export default defineRule({
  id: 'jsonapi/resource-identity',
  group: 'jsonapi',
  severity: 'error',
  description: 'Every resource object in "data" and "included" has a string "type" and a string "id".',
  source: jsonApi('document-resource-object-identification', '§7.2.1'),
  check(ctx) {
    const doc = jsonApiDocument(ctx);
    if (!doc) return [];
    // One finding per body and kind of fault (shared/body-tally.ts): a collection of 500 items
    // whose ids are numbers is one serialiser's fault, not 500. A missing member and one of the
    // wrong type stay apart, as hal/link-shape's "no href" and "href not a string" do.
    const out = new BodyTallies<keyof typeof SUMMARY>();
    for (const { value, path } of resources(doc)) {
      // Written for the one finding that names it: a summary of 500 items never reads it.
      const where = () => path.join('.').replace(/\.(\d+)/g, '[$1]');
      if (!isJsonObject(value)) {
        out.add('notObject', path, () => ({
          message: `${where()} is ${describeValue(value)}, not a resource object`,
          pointer: jsonPointer(path),
        }));
        continue;
      }
      for (const key of ['type', 'id'] as const) {
        const v = member(value, key);
        if (typeof v === 'string') continue;
        out.add(FAULTS[key][v === undefined ? 'absent' : 'wrong'], [...path, key], () => ({
          message: `${where()}.${key} is ${describeValue(v)}, not a string`,
          pointer: jsonPointer([...path, key]),
        }));
      }
    }
    return out.done((kind, tally) => SUMMARY[kind](tally));
  },
});
