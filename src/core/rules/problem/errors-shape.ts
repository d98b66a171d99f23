import { member } from '../../json/walk';
import { defineRule } from '../types';
import { BodyTallies, type BodyTally } from '../shared/body-tally';
import { errorsIssues, problemObject, rfc9457, type ErrorsFault } from './shared';

/** What a summary of several places of one kind says ("notShaped" is the member itself: one place at most). */
const SUMMARY: Record<ErrorsFault, (t: BodyTally) => string> = {
  notShaped: () => '"errors" is not an array of error objects or an object of field messages',
  itemNotObject: (t) => `${t.counted('entry', 'entries')} of "errors" are not error objects`,
  itemSaysNothing: (t) =>
    `${t.counted('entry', 'entries')} of "errors" have no "detail", "title" or "pointer" string`,
  fieldNotArray: (t) => `${t.counted('field')} of "errors" are not arrays of message strings`,
  messageNotString: (t) => `${t.counted('message')} in "errors" are not strings`,
};

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
    // One finding per body and kind of fault (shared/body-tally.ts): a validator that writes 40
    // entries without a "detail" has one bug, not 40.
    const out = new BodyTallies<ErrorsFault>();
    for (const { kind, path, report } of errorsIssues(errors)) out.add(kind, path, report);
    return out.done((kind, tally) => SUMMARY[kind](tally));
  },
});
