import { jsonPointer } from '../../json/pointer';
import { isJsonObject, member, type JsonValue } from '../../json/walk';
import { CappedReports } from '../shared/capped';
import { describeValue } from '../../json/describe';
import { graphqlOverHttp } from '../shared/sources';
import { defineRule } from '../types';
import { graphqlResponse } from './shared';

const isPositiveInt = (v: JsonValue | undefined) => typeof v === 'number' && Number.isInteger(v) && v >= 1;

export default defineRule({
  id: 'graphql/errors-shape',
  group: 'graphql',
  severity: 'error',
  description:
    'Each GraphQL error is an object with a "message" string; "locations" holds {line, column} pairs, "path" strings and integers, "extensions" an object.',
  source: graphqlOverHttp('Response'),
  check(ctx) {
    const errors = member(graphqlResponse(ctx), 'errors');
    if (!Array.isArray(errors)) return [];
    const out = new CappedReports();
    errors.forEach((item, i) => {
      const at = (...rest: (string | number)[]) => jsonPointer(['errors', i, ...rest]);
      if (!isJsonObject(item)) {
        out.add(() => ({
          message: `errors[${i}] is ${describeValue(item)}, not an error object`,
          pointer: at(),
        }));
        return;
      }
      const message = member(item, 'message');
      if (typeof message !== 'string') {
        out.add(() => ({
          message: `errors[${i}].message is ${describeValue(message)}, not a string`,
          pointer: at('message'),
        }));
      }
      const locations = member(item, 'locations');
      if (
        locations !== undefined &&
        !(
          Array.isArray(locations) &&
          locations.every((l) => isPositiveInt(member(l, 'line')) && isPositiveInt(member(l, 'column')))
        )
      ) {
        out.add(() => ({
          message: `errors[${i}].locations is not a list of {line, column} positions`,
          pointer: at('locations'),
        }));
      }
      const path = member(item, 'path');
      if (
        path !== undefined &&
        !(
          Array.isArray(path) &&
          path.every((p) => typeof p === 'string' || (typeof p === 'number' && Number.isInteger(p)))
        )
      ) {
        out.add(() => ({
          message: `errors[${i}].path is not a list of field names and indices`,
          pointer: at('path'),
        }));
      }
      const extensions = member(item, 'extensions');
      if (extensions !== undefined && !isJsonObject(extensions)) {
        out.add(() => ({
          message: `errors[${i}].extensions is ${describeValue(extensions)}, not an object`,
          pointer: at('extensions'),
        }));
      }
    });
    return out.done('malformed GraphQL errors');
  },
});
