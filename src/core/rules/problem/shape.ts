import { member } from '../../json/walk';
import { defineRule, type Report } from '../types';
import { describeValue } from '../../json/describe';
import { problemBody, problemObject, rfc9457 } from './shared';

/** RFC 9457 §3.1: the standard members and the JSON type each must have. */
const STRING_MEMBERS = ['type', 'title', 'detail', 'instance'] as const;

export default defineRule({
  id: 'problem/shape',
  group: 'problem',
  severity: 'error',
  description:
    'A problem details body must be a JSON object whose standard members have the types RFC 9457 gives them.',
  source: rfc9457('3.1'),
  check(ctx) {
    const body = problemBody(ctx);
    if (body === undefined) return [];
    const obj = problemObject(ctx);
    if (!obj) return [{ message: `${ctx.mediaType} body is ${describeValue(body)}, not a JSON object` }];
    const out: Report[] = [];
    for (const key of STRING_MEMBERS) {
      const v = member(obj, key);
      if (v !== undefined && typeof v !== 'string') {
        out.push({ message: `"${key}" is ${describeValue(v)}, but must be a string`, pointer: `/${key}` });
      }
    }
    const status = member(obj, 'status');
    if (status !== undefined && !(typeof status === 'number' && Number.isInteger(status))) {
      out.push({
        message: `"status" is ${describeValue(status)}, but must be an integer status code`,
        pointer: '/status',
      });
    }
    return out;
  },
});
