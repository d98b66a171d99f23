import { member } from '../../json/walk';
import { reasonNames } from '../../catalogue/reason-phrases';
import { defineRule } from '../types';
import { quote } from '../../json/describe';
import { problemObject, rfc9457 } from './shared';

export default defineRule({
  id: 'problem/about-blank-title',
  group: 'problem',
  severity: 'info',
  description: 'When "type" is about:blank (or absent), "title" should be the status code\'s reason phrase.',
  source: rfc9457('4.2.1'),
  check(ctx) {
    const obj = problemObject(ctx);
    const type = member(obj, 'type');
    // RFC 9457 §3.1 says a member of the wrong type is ignored, so a non-string "type" means about:blank too.
    if (typeof type === 'string' && type !== 'about:blank') return [];
    const title = member(obj, 'title');
    if (typeof title !== 'string') return [];
    const status = ctx.exchange.status;
    // "(Unused)" is a registry placeholder, not a phrase anyone should send.
    const names = reasonNames(status).filter((n) => n !== '(Unused)');
    if (names.length === 0) return [];
    const wanted = title.trim().toLowerCase();
    if (names.some((n) => n.toLowerCase() === wanted)) return [];
    const typeSays = typeof type === 'string' ? 'type is about:blank' : 'type is absent (about:blank)';
    return [
      {
        message: `title ${quote(title)} is not the reason phrase for ${status} (${quote(names[0]!)}), which it should be when ${typeSays}`,
        pointer: '/title',
      },
    ];
  },
});
