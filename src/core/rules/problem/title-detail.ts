import { member } from '../../json/walk';
import { defineRule, type Report } from '../types';
import { problemObject } from './shared';

export default defineRule({
  id: 'problem/title-detail',
  group: 'problem',
  severity: 'warning',
  description: 'House rule: every problem details body should carry both "title" and "detail".',
  source: {
    label: 'RFC 9457 §3.1.3–3.1.4 (house rule)',
    url: 'https://www.rfc-editor.org/rfc/rfc9457#section-3.1.3',
  },
  check(ctx) {
    const obj = problemObject(ctx);
    if (!obj) return [];
    const out: Report[] = [];
    for (const key of ['title', 'detail'] as const) {
      if (member(obj, key) === undefined) {
        out.push({ message: `${ctx.exchange.status} problem details have no "${key}" member` });
      }
    }
    return out;
  },
});
