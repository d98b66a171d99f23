import { defineSessionRule, NO_REPORTS, type RelatedExchange, type SessionReport } from '../types';
import { requestLine } from './describe';
import { Recent } from '../shared/recent';
import { splitUrl, urlOrigin } from '../../exchange/url';

/**
 * Token endpoints: OAuth's `/token` (`/oauth/token`, `/oauth2/v2.0/token`), `/refresh`,
 * `/token/refresh`, `/auth/refresh`, `/session/refresh`. Read from the path only.
 */
const REFRESH = /\/(?:[^/?#]*[-_.])?(?:token|refresh)(?:[-_.][^/?#]*)?\/?(?:[?#]|$)/i;

function isRefresh(method: string, url: string): boolean {
  if (method !== 'POST' && method !== 'GET' && method !== 'PUT') return false;
  // The path alone: `/me?next=/oauth/token` is no token call.
  return REFRESH.test(splitUrl(url)?.path ?? url);
}

interface Loop {
  /** 'unauthorized': a 401 came last; 'refreshed': a token call came after it. */
  last: 'unauthorized' | 'refreshed';
  /** When the last token call ended: a 401 for a request sent before it does not count. */
  refreshedAt: number;
  /** Refreshes followed by another 401. */
  cycles: number;
  /** The origins whose 401s are in the loop: a success there ends it. */
  origins: Set<string>;
  steps: RelatedExchange[];
  reported: boolean;
}

const MAX_STEPS = 12;
const SESSION = '';

export default defineSessionRule({
  kind: 'session',
  id: 'session/auth-loop',
  group: 'core',
  severity: 'warning',
  description:
    '401s and token-refresh calls alternating in a loop: the client refreshes, is refused again, refreshes again — the new token is not used, or the API rejects it.',
  source: { label: 'RFC 6750 §3.1', url: 'https://www.rfc-editor.org/rfc/rfc6750#section-3.1' },
  options: [
    {
      name: 'minRefreshes',
      description: 'How many token refreshes each followed by another 401 make a loop',
      default: 2,
      min: 1,
      max: 100,
    },
  ],
  start(options, window) {
    const minRefreshes = options.minRefreshes ?? 2;
    // One loop per session: the token call often goes to another host than the API.
    const loops = new Recent<Loop>(window);
    return {
      push(e): readonly SessionReport[] {
        const ex = e.exchange;
        // Nothing to follow until a 401 starts a loop: most exchanges cost this test only.
        if (ex.status !== 401 && loops.size === 0) return NO_REPORTS;
        const loop = loops.get(SESSION, e.start);
        if (!loop && ex.status !== 401) return NO_REPORTS;
        if (isRefresh(ex.method, ex.url)) {
          if (loop && loop.last === 'unauthorized') {
            loop.last = 'refreshed';
            loop.refreshedAt = Number.isNaN(e.end) ? e.start : e.end;
            if (loop.steps.length < MAX_STEPS)
              loop.steps.push({ ...e.ref, note: `token call ${requestLine(ex)} → ${ex.status}` });
            loops.set(SESSION, loop, e.start);
          }
          return NO_REPORTS;
        }
        const origin = urlOrigin(ex.url) ?? '';
        if (ex.status === 401) {
          const step = { ...e.ref, note: `${requestLine(ex)} → 401` };
          if (!loop) {
            loops.set(
              SESSION,
              {
                last: 'unauthorized',
                refreshedAt: NaN,
                cycles: 0,
                origins: new Set([origin]),
                steps: [step],
                reported: false,
              },
              e.start,
            );
            return NO_REPORTS;
          }
          loop.origins.add(origin);
          // A 401 for a request sent before the token came back is the old token's, not a new refusal.
          const afterRefresh = loop.last === 'refreshed' && !(e.start < loop.refreshedAt);
          if (loop.steps.length < MAX_STEPS) loop.steps.push(step);
          else loop.steps[loop.steps.length - 1] = step;
          loops.set(SESSION, loop, e.start);
          if (!afterRefresh) return NO_REPORTS;
          loop.cycles++;
          loop.last = 'unauthorized';
          if (loop.reported || loop.cycles < minRefreshes) return NO_REPORTS;
          loop.reported = true;
          return [
            {
              message: `${requestLine(ex)} answered 401 again after ${loop.cycles} token refreshes, each followed by another 401: the client is in an auth loop (the new token is not sent, or the API rejects it)`,
              related: loop.steps.slice(0, -1),
            },
          ];
        }
        if (loop && ex.status >= 200 && ex.status < 300 && loop.origins.has(origin)) loops.delete(SESSION);
        return NO_REPORTS;
      },
    };
  },
});
