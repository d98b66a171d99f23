import { member } from '../../json/walk';
import { defineRule } from '../types';
import { problemObject, rfc9457 } from './shared';

export default defineRule({
  id: 'problem/status-match',
  group: 'problem',
  severity: 'error',
  description: 'The "status" member of problem details must match the HTTP status code of the response.',
  source: rfc9457('3.1.2'),
  // The core rule reads the same member; under this profile the finding is this rule's, once.
  supersedes: ['body/status-mismatch'],
  check(ctx) {
    const status = member(problemObject(ctx), 'status');
    // Non-numbers are problem/shape's concern; here only a disagreeing number is at fault.
    if (typeof status !== 'number' || status === ctx.exchange.status) return [];
    return [
      {
        message: `"status" member says ${status} but the response status is ${ctx.exchange.status}`,
        pointer: '/status',
      },
    ];
  },
});
