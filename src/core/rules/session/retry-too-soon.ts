import { retryDelay } from '../../catalogue/retry-delay';
import {
  defineSessionRule,
  NO_REPORTS,
  type EntryRef,
  type SessionEntry,
  type SessionReport,
} from '../types';
import { requestLine, span } from './describe';
import { scriptCall } from './outcome';
import { Recent } from '../shared/recent';

interface Block {
  ref: EntryRef;
  status: number;
  said: string;
  /** When the answer arrived and when it allowed the next try, ms since the epoch. */
  receivedAt: number;
  until: number;
  /** How early a retry may come without a finding: the tolerance, or the hint's own precision if larger. */
  slack: number;
  /** Whether the time was a quota's reset rather than a retry time the answer gave (RetryDelay.from). */
  reset: boolean;
}

/**
 * Answers that say the retry was throttled or failed again: anything else means the server took
 * it. Not exchange/outcome.ts's failedAnswer, on purpose: that asks whether the server may have
 * done work the page never heard of (a request that never left the browser did none, a 429 did
 * none), this whether the server let the retry through, which a 429 refuses and a request that
 * never left the browser never reached: here they count as refused, there they do not.
 */
const refused = (status: number): boolean => status === 0 || status === 429 || status >= 500;

/**
 * When the client had the answer's headers (and so its Retry-After): the end of the exchange
 * less the time spent receiving the body when the recorder timed it, else its end, else its start.
 */
function headersAt(e: SessionEntry): number {
  const receive = e.exchange.timings?.receive;
  if (!Number.isNaN(e.end)) return receive !== undefined && receive > 0 ? e.end - receive : e.end;
  return e.start;
}

export default defineSessionRule({
  kind: 'session',
  id: 'session/retry-too-soon',
  group: 'core',
  severity: 'warning',
  description:
    'A request sent again after a 429 or 503 before the Retry-After (or rate-limit reset) it carried had passed: the server will refuse it again, and clients that ignore the hint get throttled harder.',
  source: { label: 'RFC 9110 §10.2.3', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3' },
  options: [
    {
      name: 'toleranceMs',
      description: 'How early a retry may come without a finding (timing noise of the recorder)',
      default: 0,
      min: 0,
      max: 60_000,
    },
  ],
  start(options, window) {
    const tolerance = options.toleranceMs ?? 0;
    const blocked = new Recent<Block>(window);
    return {
      push(e): readonly SessionReport[] {
        const { status } = e.exchange;
        // Nothing is waiting for a retry and this answer asks for none: most entries stop here.
        if (blocked.size === 0 && status !== 429 && status !== 503) return NO_REPORTS;
        // The browser's own loads (a page, an image) come again when the page is loaded again,
        // not because a client chose to retry: only script calls have a retry policy to judge
        // (as for session/retry-without-backoff and session/duplicate-request).
        if (!scriptCall(e.exchange)) return NO_REPORTS;
        const out: SessionReport[] = [];
        if (!Number.isNaN(e.start)) {
          const block = blocked.get(e.key, e.start);
          if (block) {
            // One finding per throttling answer: the retry either succeeds or brings its own.
            blocked.delete(e.key);
            // A quota's reset is when it is full again; a token-bucket API lets calls through
            // before that (Auth0 answered such a retry 200): early against a reset is a finding
            // only when the server refused the retry too. A Retry-After is the server's word.
            const taken = block.reset && !refused(status);
            if (!taken && e.start < block.until - block.slack) {
              out.push({
                message: `${requestLine(e.exchange)} was sent again ${span(block.until - e.start)} too early: the ${block.status} (#${block.ref.index}) said ${block.said}, and the retry came ${span(e.start - block.receivedAt)} after that ${block.status} arrived`,
                related: [{ ...block.ref, note: `the ${block.status} that said ${block.said}` }],
              });
            }
          }
        }
        if (status === 429 || status === 503) {
          const receivedAt = headersAt(e);
          const delay = Number.isNaN(receivedAt) ? undefined : retryDelay(e.exchange, receivedAt);
          if (delay && delay.ms > 0)
            blocked.set(
              e.key,
              {
                ref: e.ref,
                status,
                said: delay.said,
                receivedAt,
                until: receivedAt + delay.ms,
                // An absolute time is read against the 1-second Date header: a retry within that
                // second of it is the clocks' rounding, not a client ignoring the hint.
                slack: Math.max(tolerance, delay.precisionMs),
                reset: delay.from === 'reset',
              },
              e.start,
            );
        }
        return out;
      },
    };
  },
});
