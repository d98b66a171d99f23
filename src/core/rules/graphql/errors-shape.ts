import { jsonPointer } from '../../json/pointer';
import { isJsonObject, member, type JsonValue } from '../../json/walk';
import { BodyTallies, type BodyTally } from '../shared/body-tally';
import { describeValue } from '../../json/describe';
import { graphqlOverHttp } from '../shared/sources';
import { defineRule } from '../types';
import { graphqlResponse } from './shared';

const isPositiveInt = (v: JsonValue | undefined) => typeof v === 'number' && Number.isInteger(v) && v >= 1;

/** The kinds of fault, each with its own fix, and what a summary of several says of them. */
const SUMMARY = {
  notObject: (t: BodyTally) => `${t.counted('entry', 'entries')} of "errors" are not error objects`,
  noMessage: (t: BodyTally) => `${t.counted('error')} have no "message"`,
  messageNotString: (t: BodyTally) => `${t.counted('error')} have a "message" that is not a string`,
  locations: (t: BodyTally) =>
    `${t.counted('error')} have "locations" that are not a list of {line, column} positions`,
  path: (t: BodyTally) => `${t.counted('error')} have a "path" that is not a list of field names and indices`,
  extensions: (t: BodyTally) => `${t.counted('error')} have "extensions" that are not an object`,
};

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
    // One finding per body and kind of fault (shared/body-tally.ts): a server whose 50 errors
    // all lack a message has one bug, not 50.
    const out = new BodyTallies<keyof typeof SUMMARY>();
    errors.forEach((item, i) => {
      const at = (...rest: (string | number)[]) => ['errors', i, ...rest];
      if (!isJsonObject(item)) {
        out.add('notObject', at(), () => ({
          message: `errors[${i}] is ${describeValue(item)}, not an error object`,
          pointer: jsonPointer(at()),
        }));
        return;
      }
      const message = member(item, 'message');
      if (typeof message !== 'string') {
        out.add(message === undefined ? 'noMessage' : 'messageNotString', at('message'), () => ({
          message: `errors[${i}].message is ${describeValue(message)}, not a string`,
          pointer: jsonPointer(at('message')),
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
        out.add('locations', at('locations'), () => ({
          message: `errors[${i}].locations is not a list of {line, column} positions`,
          pointer: jsonPointer(at('locations')),
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
        out.add('path', at('path'), () => ({
          message: `errors[${i}].path is not a list of field names and indices`,
          pointer: jsonPointer(at('path')),
        }));
      }
      const extensions = member(item, 'extensions');
      if (extensions !== undefined && !isJsonObject(extensions)) {
        out.add('extensions', at('extensions'), () => ({
          message: `errors[${i}].extensions is ${describeValue(extensions)}, not an object`,
          pointer: jsonPointer(at('extensions')),
        }));
      }
    });
    return out.done((kind, tally) => SUMMARY[kind](tally));
  },
});
