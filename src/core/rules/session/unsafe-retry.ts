import { isOAuthTokenRequest } from '../../exchange/spec-defined';
import { requestHeadersRecorded } from '../../exchange/headers';
import type { Exchange } from '../../exchange/types';
import { defineSessionRule, NO_REPORTS, type EntryRef, type SessionReport } from '../types';
import { answer, requestLine, span } from './describe';
import { answerWithheld, failedAnswer } from '../../exchange/outcome';
import { fingerprint } from './outcome';
import { Recent } from '../shared/recent';

/** Methods that are neither safe nor idempotent (RFC 9110 §9.2): a second one may do the work twice. */
const UNSAFE = new Set(['POST', 'PATCH']);

/** Whether session/unsafe-retry judges this request (and so reads its body's fingerprint). */
export const unsafeMethod = (method: string): boolean => UNSAFE.has(method);

interface Failure {
  ref: EntryRef;
  end: number;
  answer: string;
  body: string;
  /** 1 for the first attempt; a failed retry of it is attempt 2, and so on. */
  attempt: number;
}

/** `Idempotency-Key` (draft-ietf-httpapi-idempotency-key-header), `X-Idempotency-Key`, `Idempotency-Token`… */
function idempotencyKey(ex: Exchange): string | undefined {
  return ex.requestHeaders.find((h) => h.name.toLowerCase().includes('idempotenc'))?.name;
}

/**
 * The request body, fingerprinted: a POST with another body is another request, not a retry.
 * (The CLI's session view carries the fingerprint already: fingerprinting is idempotent.)
 */
function bodyPrint(ex: Exchange): string {
  const text = ex.requestBody?.text;
  return text === undefined || text === '' ? '' : fingerprint(text);
}

/** A timeout (408, 504, net::ERR_TIMED_OUT) is the worst case: the work may well have been done. */
function described(ex: Exchange): string {
  if (ex.status === 408 || ex.status === 504 || /TIMED_OUT/i.test(ex.failure ?? ''))
    return `a timeout (${answer(ex)})`;
  if (answerWithheld(ex)) return `a response the browser withheld (${answer(ex)})`;
  return ex.status === 0 ? `a failure (${answer(ex)})` : `a ${ex.status}`;
}

export default defineSessionRule({
  kind: 'session',
  id: 'session/unsafe-retry',
  group: 'core',
  severity: 'warning',
  description:
    'A POST or PATCH sent again after a failure, timeout or 5xx without an Idempotency-Key: if the first attempt was processed, the work is done twice (a double charge, a duplicate order).',
  source: {
    label: 'draft-ietf-httpapi-idempotency-key-header',
    url: 'https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/',
  },
  options: [
    {
      name: 'windowMs',
      description: 'How long after the failed attempt the same request counts as its retry',
      default: 60_000,
      min: 0,
      max: 3_600_000,
    },
  ],
  start(options, window) {
    const windowMs = options.windowMs ?? 60_000;
    const failures = new Recent<Failure>(window);
    return {
      push(e): readonly SessionReport[] {
        const ex = e.exchange;
        if (!unsafeMethod(ex.method)) return NO_REPORTS;
        // A token request tried again mints another token: nothing is done twice, and token
        // endpoints take no Idempotency-Key (RFC 6749 §5 defines their answers).
        if (isOAuthTokenRequest(ex)) return NO_REPORTS;
        const failed = failedAnswer(ex) || ex.status === 408;
        // No failure to compare with, and none to remember: nothing to do.
        if (!failed && failures.size === 0) return NO_REPORTS;
        const out: SessionReport[] = [];
        const before = failures.get(e.key, e.start);
        // The body's fingerprint matters only to compare with a failure, or to remember one.
        const body = before || failed ? bodyPrint(ex) : '';
        const retry =
          before !== undefined &&
          before.body === body &&
          (Number.isNaN(e.start) || Number.isNaN(before.end) || e.start - before.end <= windowMs);
        if (retry && requestHeadersRecorded(ex) && idempotencyKey(ex) === undefined) {
          // Only the failure just before is remembered: after the first retry it is the
          // previous attempt, not the first, and the work may have been done by any of them.
          const first = before.attempt === 1;
          out.push({
            message: `${requestLine(ex)} was sent again ${Number.isNaN(e.start) || Number.isNaN(before.end) ? '' : `${span(e.start - before.end)} `}after ${before.answer} of the same request (#${before.ref.index}) without an Idempotency-Key header: ${first ? 'if the first attempt was processed, it is now processed twice' : `this is attempt ${before.attempt + 1}; if an earlier one was processed, it is now processed again`}`,
            related: [
              {
                ...before.ref,
                note: `the ${first ? 'first' : 'previous'} attempt, answered ${before.answer}`,
              },
            ],
          });
        }
        // 408, 5xx, no answer or one the browser withheld (CORP, ORB: the server answered, so it
        // did the work): the server may have done it; 4xx others say it did not.
        if (failed) {
          const attempt = retry ? before.attempt + 1 : 1;
          failures.set(e.key, { ref: e.ref, end: e.end, answer: described(ex), body, attempt }, e.start);
        } else failures.delete(e.key);
        return out;
      },
    };
  },
});
