import { jsonPointer } from '../../json/pointer';
import { member } from '../../json/walk';
import { BodyTallies } from '../shared/body-tally';
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
    // One finding per body and kind of fault (shared/body-tally.ts): 30 errors whose status is a
    // number are one serialiser's fault. Several errors disagree only across classes, so a
    // summary of them says so; a single error's disagreement is never more than one place.
    const out = new BodyTallies<'notString' | 'disagrees'>();
    errors.forEach((item, i) => {
      const status = member(item, 'status');
      if (status === undefined) return;
      const path = ['errors', i, 'status'];
      if (typeof status !== 'string') {
        out.add('notString', path, () => ({
          message: `errors[${i}].status is ${describeValue(status)}, not a string`,
          pointer: jsonPointer(path),
        }));
        return;
      }
      const disagrees =
        errors.length === 1 ? status !== String(real) : status.charAt(0) !== String(real).charAt(0);
      if (disagrees) {
        out.add('disagrees', path, () => ({
          message: `errors[${i}].status is "${status}" but the HTTP status is ${real}${errors.length > 1 ? ' (another class)' : ''}`,
          pointer: jsonPointer(path),
        }));
      }
    });
    return out.done((kind, tally) =>
      kind === 'notString'
        ? `${tally.counted('error')} have a "status" that is not a string`
        : `${tally.counted('error')} have a "status" of another class than the HTTP status ${real}`,
    );
  },
});
