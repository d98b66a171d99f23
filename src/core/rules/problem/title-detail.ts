import { member } from '../../json/walk';
import { defineRule, type Report } from '../types';
import { errorsCarryDetails, problemObject } from './shared';

export default defineRule({
  id: 'problem/title-detail',
  group: 'problem',
  severity: 'warning',
  description:
    'House rule: every problem details body should carry a "title", and a "detail" unless a well-formed "errors" member explains the occurrence.',
  source: {
    label: 'RFC 9457 §3.1.3–3.1.4 (house rule)',
    url: 'https://www.rfc-editor.org/rfc/rfc9457#section-3.1.3',
  },
  check(ctx) {
    const obj = problemObject(ctx);
    if (!obj) return [];
    const out: Report[] = [];
    if (member(obj, 'title') === undefined) {
      out.push({ message: `${ctx.exchange.status} problem details have no "title" member` });
    }
    // A validation problem's "errors" (ASP.NET Core's field → messages map, or RFC 9457's array)
    // already says what is wrong with this request, which is what "detail" is for.
    if (member(obj, 'detail') === undefined && !errorsCarryDetails(member(obj, 'errors'))) {
      out.push({ message: `${ctx.exchange.status} problem details have no "detail" member` });
    }
    return out;
  },
});
