import { jsonPointer } from '../../json/pointer';
import { isJsonObject, member } from '../../json/walk';
import { defineRule } from '../types';
import { CappedReports, describeValue, problemObject, rfc9457 } from './shared';

/** An item says something useful when it names what went wrong or where. */
const USEFUL_MEMBERS = ['detail', 'title', 'pointer'] as const;

export default defineRule({
  id: 'problem/errors-shape',
  group: 'problem',
  severity: 'warning',
  description:
    'An "errors" extension member should be an array of objects, each with a "title" or "detail", or a "pointer".',
  // RFC 9457 §3 shows "errors" as the example extension for multiple validation problems.
  source: rfc9457('3'),
  check(ctx) {
    const errors = member(problemObject(ctx), 'errors');
    if (errors === undefined) return [];
    if (!Array.isArray(errors)) {
      return [
        {
          message: `"errors" is ${describeValue(errors)}, not an array of error objects`,
          pointer: '/errors',
        },
      ];
    }
    const out = new CappedReports();
    errors.forEach((item, i) => {
      if (!isJsonObject(item)) {
        out.add(() => ({
          message: `errors[${i}] is ${describeValue(item)}, not an error object`,
          pointer: jsonPointer(['errors', i]),
        }));
      } else if (!USEFUL_MEMBERS.some((k) => typeof member(item, k) === 'string')) {
        out.add(() => ({
          message: `errors[${i}] has no "detail", "title" or "pointer" string`,
          pointer: jsonPointer(['errors', i]),
        }));
      }
    });
    return out.done((more) => `…and ${more} more items of "errors" with the same kind of problem`);
  },
});
