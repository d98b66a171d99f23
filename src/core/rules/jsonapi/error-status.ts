import { jsonPointer } from '../../json/pointer';
import { member } from '../../json/walk';
import { CappedReports } from '../shared/capped';
import { describeValue } from '../../json/describe';
import { jsonApi } from '../shared/sources';
import { defineRule } from '../types';
import { jsonApiDocument } from './shared';

export default defineRule({
  id: 'jsonapi/error-status',
  group: 'jsonapi',
  severity: 'warning',
  description:
    'An error object\'s "status" is the HTTP status as a string; a single error\'s agrees with the response, several share its class.',
  source: jsonApi('error-objects', '§11.2'),
  // The same fact as the core rule where both look (one defect, one finding).
  supersedes: ['body/status-mismatch'],
  check(ctx) {
    const errors = member(jsonApiDocument(ctx), 'errors');
    if (!Array.isArray(errors)) return [];
    const real = ctx.exchange.status;
    const out = new CappedReports();
    errors.forEach((item, i) => {
      const status = member(item, 'status');
      if (status === undefined) return;
      const pointer = jsonPointer(['errors', i, 'status']);
      if (typeof status !== 'string') {
        out.add(() => ({
          message: `errors[${i}].status is ${describeValue(status)}, not a string`,
          pointer,
        }));
        return;
      }
      const disagrees =
        errors.length === 1 ? status !== String(real) : status.charAt(0) !== String(real).charAt(0);
      if (disagrees) {
        out.add(() => ({
          message: `errors[${i}].status is "${status}" but the HTTP status is ${real}${errors.length > 1 ? ' (another class)' : ''}`,
          pointer,
        }));
      }
    });
    return out.done('error statuses that do not agree');
  },
});
