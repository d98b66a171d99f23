import { member } from '../../json/walk';
import { defineRule } from '../types';
import { CappedReports } from '../shared/capped';
import { errorsIssues, problemObject, rfc9457 } from './shared';

export default defineRule({
  id: 'problem/errors-shape',
  group: 'problem',
  severity: 'warning',
  description:
    'An "errors" extension member should be an array of error objects (each with a "detail", "title" or "pointer") or an object mapping fields to arrays of messages.',
  // RFC 9457 §3 shows "errors" as an example extension for multiple validation problems; it defines no shape.
  source: rfc9457('3'),
  check(ctx) {
    const errors = member(problemObject(ctx), 'errors');
    if (errors === undefined) return [];
    const out = new CappedReports();
    for (const make of errorsIssues(errors)) out.add(make);
    return out.done('entries of "errors" with the same kind of problem');
  },
});
