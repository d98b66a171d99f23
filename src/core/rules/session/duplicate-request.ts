import { forbidsStoring } from '../../exchange/cache-control';
import { headerValue } from '../../exchange/headers';
import { sentPrecondition } from '../../exchange/preconditions';
import type { Exchange } from '../../exchange/types';
import { defineSessionRule, NO_REPORTS, type EntryRef, type RuleOption, type SessionReport } from '../types';
import { isInstant, requestLine, span } from './describe';
import { scriptCall } from './outcome';
import { Recent } from '../shared/recent';
import { sameVariant, variantNames, variantOf } from './same-request';

interface Earlier {
  ref: EntryRef;
  start: number;
  end: number;
  /** The headers a repeat must agree on, and the first request's values of them (same-request.ts). */
  names: readonly string[];
  variant: readonly string[];
  /** A 2xx the client could have reused (no `no-store`). */
  reusable: boolean;
  status: number;
}

/** A 2xx the client could have reused (no `no-store`). */
function reusable(ex: Exchange): boolean {
  if (ex.status < 200 || ex.status > 299 || ex.status === 206) return false;
  return !forbidsStoring(ex.responseHeaders);
}

export const DUPLICATE_RULE_ID = 'session/duplicate-request';

/**
 * Where a repeat stops being a duplicate and starts being a poll: this rule reports a repeat
 * sent within it of a reusable success, and session/polling-without-validators counts only
 * repeats sent later than it (it shares this option: one setting, so the two cannot be set apart
 * and report one repeat twice, or neither).
 */
export const DUPLICATE_WINDOW: RuleOption = {
  name: 'windowMs',
  description:
    'How soon after a reusable success the same GET counts as a duplicate; session/polling-without-validators counts only later repeats as polls',
  default: 1000,
  min: 0,
  max: 600_000,
};

export default defineSessionRule({
  kind: 'session',
  id: DUPLICATE_RULE_ID,
  group: 'core',
  severity: 'info',
  description:
    'The same GET (method, URL and the request headers the answer varies by) sent again while the first was still in flight, or shortly after a reusable success: two components fetching the same thing, or a missing cache.',
  source: {
    label: 'RFC 9111 §4',
    url: 'https://www.rfc-editor.org/rfc/rfc9111#section-4',
  },
  options: [DUPLICATE_WINDOW],
  start(options, window) {
    const windowMs = options.windowMs ?? DUPLICATE_WINDOW.default;
    const seen = new Recent<Earlier>(window);
    return {
      push(e): readonly SessionReport[] {
        const ex = e.exchange;
        if (ex.method !== 'GET' || !scriptCall(ex)) return NO_REPORTS;
        // A conditional or ranged GET asks for something else than the first one got.
        if (sentPrecondition(ex.requestHeaders) !== undefined || headerValue(ex.requestHeaders, 'range'))
          return NO_REPORTS;
        let out: readonly SessionReport[] = NO_REPORTS;
        const before = Number.isNaN(e.start) ? undefined : seen.get(e.key, e.start);
        if (
          before &&
          !Number.isNaN(before.end) &&
          sameVariant(ex.requestHeaders, before.names, before.variant)
        ) {
          if (e.start < before.end) {
            out = [
              {
                message: `${requestLine(ex)} was sent again while the same request (#${before.ref.index}) was still in flight (${isInstant(e.start - before.start) ? 'both started at the same moment' : `it started ${span(e.start - before.start)} earlier`}): share the pending request instead of sending a second one`,
                related: [{ ...before.ref, note: 'the same GET, still in flight' }],
              },
            ];
          } else if (before.reusable && e.start - before.end <= windowMs) {
            out = [
              {
                message: `${requestLine(ex)} was sent again ${isInstant(e.start - before.end) ? 'right' : span(e.start - before.end)} after the same request (#${before.ref.index}) got a reusable ${before.status}: reuse that answer (or cache it) instead of asking twice`,
                related: [{ ...before.ref, note: `the same GET, answered ${before.status}` }],
              },
            ];
          }
        }
        if (ex.status !== 0) {
          const names = variantNames(ex.responseHeaders);
          seen.set(
            e.key,
            {
              ref: e.ref,
              start: e.start,
              end: e.end,
              names,
              variant: variantOf(ex.requestHeaders, names),
              reusable: reusable(ex),
              status: ex.status,
            },
            e.start,
          );
        } else seen.delete(e.key);
        return out;
      },
    };
  },
});
