import { defineSessionRule, NO_REPORTS, type EntryRef, type SessionReport } from '../types';
import { answer, requestLine, span } from './describe';
import { answerWithheld, failedAnswer } from '../../exchange/outcome';
import { scriptCall } from './outcome';
import { Recent } from '../shared/recent';
import { keepRef } from './run-refs';

/** The attempts of one request since its first failure. */
interface Run {
  /** The attempts named in a finding: the first ones, then the latest (run-refs.ts). */
  refs: { ref: EntryRef; answer: string }[];
  /** When the last attempt's answer came (or it started, when its duration is unknown). */
  lastDone: number;
  lastFailed: boolean;
  /** Gaps between an answer and the next attempt, in order. */
  gaps: number[];
  reported: boolean;
}

export default defineSessionRule({
  kind: 'session',
  id: 'session/retry-without-backoff',
  group: 'core',
  severity: 'warning',
  description:
    'A request retried again and again after 5xx or failed answers with gaps that do not grow: a failing backend gets a retry storm instead of room to recover.',
  source: {
    label: 'AWS Builders’ Library: Timeouts, retries and backoff with jitter',
    url: 'https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/',
  },
  options: [
    {
      name: 'minRetries',
      description: 'How many retries after failed answers make a run worth judging',
      default: 3,
      min: 2,
      max: 100,
    },
    {
      name: 'minGrowthPercent',
      description: 'How much longer than the first gap a later gap must be to count as backing off',
      default: 50,
      min: 1,
      max: 1000,
    },
  ],
  start(options, window) {
    const minRetries = options.minRetries ?? 3;
    const growth = 1 + (options.minGrowthPercent ?? 50) / 100;
    const runs = new Recent<Run>(window);
    return {
      push(e): readonly SessionReport[] {
        const ex = e.exchange;
        // The browser's own loads (pages, images, stylesheets) come again when the page is loaded
        // again, not because a client chose to retry: only script calls have a retry policy.
        if (Number.isNaN(e.start)) return NO_REPORTS;
        // An answer the browser withheld (CORP, COEP, ORB) is blocked again however long the
        // client waits: like a 4xx, the request must change, and backing off is not the fix.
        const failed = failedAnswer(ex) && !answerWithheld(ex);
        // No run is open and this answer starts none: nothing to remember or to forget.
        if (!failed && runs.size === 0) return NO_REPORTS;
        if (!scriptCall(ex)) return NO_REPORTS;
        const done = Number.isNaN(e.end) ? e.start : e.end;
        const run = runs.get(e.key, e.start);
        const out: SessionReport[] = [];
        if (run && run.lastFailed) {
          run.gaps.push(Math.max(0, e.start - run.lastDone));
          keepRef(run.refs, { ref: e.ref, answer: answer(ex) });
          const retries = run.gaps.length;
          if (!run.reported && retries >= minRetries) {
            const first = run.gaps[0]!;
            const grew = run.gaps.some((g) => g >= first * growth && g > 0);
            if (!grew) {
              run.reported = true;
              const shown = run.gaps.slice(0, 6).map(span).join(', ');
              out.push({
                message: `${requestLine(ex)} was retried ${retries} times after failed answers with gaps that do not grow (${shown}${retries > 6 ? ', …' : ''}): back off exponentially, with jitter`,
                related: run.refs.slice(0, -1).map((r, i) => ({
                  ...r.ref,
                  note: `${i === 0 ? 'first attempt' : 'retry'}, answered ${r.answer}`,
                })),
              });
            }
          }
          run.lastDone = done;
          run.lastFailed = failed;
          runs.set(e.key, run, e.start);
          if (!failed) runs.delete(e.key);
          return out;
        }
        if (failed)
          runs.set(
            e.key,
            {
              refs: [{ ref: e.ref, answer: answer(ex) }],
              lastDone: done,
              lastFailed: true,
              gaps: [],
              reported: false,
            },
            e.start,
          );
        else runs.delete(e.key);
        return out;
      },
    };
  },
});
