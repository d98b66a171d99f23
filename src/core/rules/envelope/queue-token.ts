import { member } from '../../json/walk';
import { describeValue } from '../../json/describe';
import { defineRule } from '../types';
import { envelopeObject, SOURCES } from './shared';

export default defineRule({
  id: 'envelope/queue-token',
  group: 'envelope',
  severity: 'error',
  description: 'A 202 Accepted must hand back a non-empty "queue_token" string to poll the queued work with.',
  source: SOURCES.accepted,
  check(ctx) {
    const { exchange, json } = ctx;
    if (exchange.status !== 202 || exchange.method.toUpperCase() === 'HEAD') return [];
    if (exchange.body.kind === 'empty')
      return [{ message: '202 Accepted has an empty body, so no "queue_token"' }];
    // Bodies that are not JSON are envelope/json-only's and the JSON rules' concern.
    if (json.kind !== 'ok') return [];
    const obj = envelopeObject(ctx);
    if (!obj)
      return [{ message: `202 Accepted body is ${describeValue(json.value)}, so it has no "queue_token"` }];
    const token = member(obj, 'queue_token');
    if (token === undefined) return [{ message: '202 Accepted body has no "queue_token"' }];
    if (typeof token !== 'string' || token.trim() === '') {
      const what = typeof token === 'string' ? 'an empty string' : describeValue(token);
      return [{ message: `"queue_token" is ${what}, not a non-empty string`, pointer: '/queue_token' }];
    }
    return [];
  },
});
