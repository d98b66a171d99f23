import { forbidsStoring } from '../../exchange/cache-control';
import { hasHeader } from '../../exchange/headers';
import { sentPrecondition } from '../../exchange/preconditions';
import type { Exchange } from '../../exchange/types';
import {
  defineSessionRule,
  NO_REPORTS,
  type EntryRef,
  type RelatedExchange,
  type SessionReport,
} from '../types';
import { requestLine, span } from './describe';
import { fingerprint, scriptCall } from './outcome';
import { Recent } from '../shared/recent';
import { DUPLICATE_RULE_ID, DUPLICATE_WINDOW } from './duplicate-request';
import { sameVariant, variantNames, variantOf } from './same-request';
import { keepRef } from './run-refs';

/** Bodies larger than this are not compared (a poll answer is small; a large one is not a poll). */
export const POLL_MAX_BODY = 1024 * 1024;
const MAX_REFS = 10;

/** A poll as a finding names it. */
const step = (ref: EntryRef): RelatedExchange => ({
  id: ref.id,
  index: ref.index,
  note: 'poll, 200 with the same body',
});

/**
 * Whether a script's GET got an answer whose body is compared: a 200 without validators,
 * unconditioned, that a client may keep. A `no-store` answer is left out: no cache may keep it
 * (RFC 9111 §5.2.2.5), so none holds a representation to revalidate (§4.3) and a 304, which
 * says "use the one you have" (RFC 9110 §15.4.5), could not spare a conforming client the body;
 * a validator alone would change nothing, so advising one would be wrong (docs page).
 */
function comparedAnswer(ex: Exchange): boolean {
  return (
    ex.status === 200 &&
    !hasHeader(ex.responseHeaders, 'etag') &&
    !hasHeader(ex.responseHeaders, 'last-modified') &&
    sentPrecondition(ex.requestHeaders) === undefined &&
    !forbidsStoring(ex.responseHeaders)
  );
}

/**
 * Whether this exchange's body is compared at all: a script's GET answered 200 without a
 * validator, a condition or `no-store`. The session view (src/core/session/view.ts) fingerprints only these.
 */
export function pollAnswer(ex: Exchange): boolean {
  return ex.method === 'GET' && scriptCall(ex) && comparedAnswer(ex);
}

interface Polls {
  /** The body's length and hash (src/core/session/fingerprint.ts). */
  print: string;
  count: number;
  /** When the run's first poll started: the message gives the mean interval since, not the last gap. */
  firstStart: number;
  /**
   * When the previous repeat's answer arrived. The next one is measured from there, as
   * session/duplicate-request measures it: measured from the last poll's start, a repeat sent
   * soon after a slow answer was both a duplicate and a poll, two findings for one request.
   */
  lastEnd: number;
  /**
   * The run's polls a finding names (at most MAX_REFS): the first, then a list made only when
   * a poll repeats (its first ones, then its latest: run-refs.ts). Most answers are never
   * repeated, and young-generation garbage collection copies each object the rule holds on to.
   */
  first: EntryRef;
  later: EntryRef[] | undefined;
  reported: boolean;
  /**
   * Who asked for what, as session/duplicate-request compares it (same-request.ts): the headers
   * the previous poll's answer varies by, and its request's values of them. A poll by another
   * user or in another language is another request, and starts a run of its own.
   */
  names: readonly string[];
  variant: readonly string[];
}

export default defineSessionRule({
  kind: 'session',
  id: 'session/polling-without-validators',
  group: 'core',
  severity: 'info',
  description:
    'The same request polled again and again with identical 200 bodies a client may keep (no no-store), and neither an ETag or Last-Modified in the answers nor a conditional request: every poll transfers the whole body where a 304 would do.',
  source: { label: 'RFC 9110 §13.1', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-13.1' },
  options: [
    {
      name: 'minPolls',
      description: 'How many identical answers in a row make polling',
      default: 3,
      min: 2,
      max: 1000,
    },
  ],
  // Where duplicates end and polls begin is session/duplicate-request's windowMs, read here too:
  // two settings for one boundary, set apart, reported one repeat twice or not at all.
  shared: { minIntervalMs: { rule: DUPLICATE_RULE_ID, option: DUPLICATE_WINDOW } },
  start(options, window) {
    const minPolls = options.minPolls ?? 3;
    const minInterval = options.minIntervalMs ?? DUPLICATE_WINDOW.default;
    const polls = new Recent<Polls>(window);
    return {
      push(e): readonly SessionReport[] {
        const ex = e.exchange;
        if (ex.method !== 'GET' || !scriptCall(ex)) return NO_REPORTS;
        const before = polls.get(e.key, e.start);
        if (ex.body.kind !== 'text' || ex.body.text.length > POLL_MAX_BODY || !comparedAnswer(ex)) {
          // Validators, a conditional request or another answer: this is not the pattern (any more).
          if (before) polls.delete(e.key);
          return NO_REPORTS;
        }
        // Each body is remembered by its fingerprint, never as itself: kept bodies (one per URL
        // for up to 1,000 URLs) outlived V8's young generation, and copying them out of it cost the
        // CLI more than hashing them (most polled-looking GETs never repeat). The session view
        // (src/core/session/view.ts) sends fingerprints already (fingerprinting is idempotent).
        const print = fingerprint(ex.body.text);
        const names = variantNames(ex.responseHeaders);
        if (!before) {
          polls.set(
            e.key,
            {
              print,
              count: 1,
              firstStart: e.start,
              lastEnd: e.end,
              first: e.ref,
              later: undefined,
              reported: false,
              names,
              variant: variantOf(ex.requestHeaders, names),
            },
            e.start,
          );
          return NO_REPORTS;
        }
        // The same request as session/duplicate-request means it, under the previous answer's
        // Vary; then this answer's Vary decides for the next poll, as that rule's does.
        const same = sameVariant(ex.requestHeaders, before.names, before.variant);
        if (!same || names !== before.names) {
          before.names = names;
          before.variant = variantOf(ex.requestHeaders, names);
        }
        if (before.print !== print || !same) {
          // Another body, or another user's or language's request: a new run, in the old one's
          // record (most answers change; no garbage). Two users polling one URL in turn each
          // restart the other's run: reported by neither, rather than as one poll.
          before.print = print;
          before.count = 1;
          before.firstStart = e.start;
          before.lastEnd = e.end;
          before.first = e.ref;
          before.later = undefined;
          before.reported = false;
          polls.set(e.key, before, e.start);
          return NO_REPORTS;
        }
        // A repeat still in flight with the previous one, or sent within session/duplicate-
        // request's window of its answer, is a duplicate, not a poll (that rule reports it: the
        // answers compared here are all ones it calls reusable); the next repeat is measured
        // from its answer in turn.
        const duplicate =
          !Number.isNaN(e.start) && !Number.isNaN(before.lastEnd) && e.start - before.lastEnd <= minInterval;
        before.lastEnd = e.end;
        if (duplicate) return NO_REPORTS;
        before.count++;
        // The first poll and this one included: related drops this one (the finding's own).
        keepRef((before.later ??= []), e.ref, MAX_REFS - 1);
        polls.set(e.key, before, e.start);
        if (before.reported || before.count < minPolls) return NO_REPORTS;
        before.reported = true;
        const mean = (e.start - before.firstStart) / (before.count - 1);
        return [
          {
            message: `${requestLine(ex)} was polled ${before.count} times${Number.isNaN(mean) ? '' : ` (every ${span(mean)} on average)`} with identical 200 bodies, and the answers carry no ETag or Last-Modified: add a validator so a poll can be answered 304 Not Modified`,
            related: [before.first, ...before.later].slice(0, -1).map(step),
          },
        ];
      },
    };
  },
});
