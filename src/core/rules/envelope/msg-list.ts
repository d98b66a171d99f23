import { member } from '../../json/walk';
import { describeValue } from '../../json/describe';
import { defineRule } from '../types';
import { envelopeObject, SOURCES } from './shared';

export default defineRule({
  id: 'envelope/msg-list',
  group: 'envelope',
  severity: 'warning',
  description: '"msg", when present, must be an array of messages.',
  source: SOURCES.msg,
  check(ctx) {
    const msg = member(envelopeObject(ctx), 'msg');
    if (msg === undefined || Array.isArray(msg)) return [];
    return [{ message: `"msg" is ${describeValue(msg)}, not an array`, pointer: '/msg' }];
  },
});
