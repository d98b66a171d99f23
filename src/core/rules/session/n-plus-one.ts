import { routeTemplate, templateSegment } from '../../endpoints/route-template';
import {
  defineSessionRule,
  NO_REPORTS,
  type EntryRef,
  type RelatedExchange,
  type SessionReport,
} from '../types';
import { span } from './describe';
import { scriptCall } from './outcome';
import { Recent } from '../shared/recent';
import { originOfParts, splitUrl } from '../../exchange/url';

/**
 * A list call and the item calls that followed it. Every script's 2xx GET is remembered as one
 * (its path is the key), so it stays small: one object until item calls come.
 */
interface Burst {
  list: EntryRef;
  listEnd: number;
  /** Made at the first item call: most GETs are never anyone's list. */
  ids: Set<string> | undefined;
  calls: RelatedExchange[] | undefined;
  reported: boolean;
}

const MAX_CALLS = 20;

export default defineSessionRule({
  kind: 'session',
  id: 'session/n-plus-one',
  group: 'core',
  severity: 'info',
  description:
    'Right after a list call, a burst of calls to the same route with one id each (GET /users, then /users/1, /users/2, …): N+1 round trips where one request could have carried it all.',
  source: {
    label: 'Google AIP-231 (batch get)',
    url: 'https://google.aip.dev/231',
  },
  options: [
    {
      name: 'minCalls',
      description: 'How many item calls with different ids make a burst',
      default: 5,
      min: 2,
      max: 1000,
    },
    {
      name: 'windowMs',
      description: 'How long after the list call answered the item calls must start',
      default: 2000,
      min: 0,
      max: 600_000,
    },
  ],
  start(options, window) {
    const minCalls = options.minCalls ?? 5;
    const windowMs = options.windowMs ?? 2000;
    const lists = new Recent<Burst>(window);
    return {
      push(e): readonly SessionReport[] {
        const ex = e.exchange;
        if (ex.method !== 'GET' || !scriptCall(ex) || Number.isNaN(e.start)) return NO_REPORTS;
        const parts = splitUrl(ex.url);
        if (!parts) return NO_REPORTS;
        const origin = originOfParts(parts);
        // The path without a trailing slash ('' for the root).
        const recorded = parts.path;
        const path = recorded.endsWith('/') ? recorded.slice(0, -1) : recorded;
        const slash = path.lastIndexOf('/');
        const last = path.slice(slash + 1);
        // Only the last segment is templated here: the list is found by its recorded path.
        if (slash > 0 && last !== '' && templateSegment(last) === '{id}') {
          const collection = path.slice(0, slash);
          const burst = lists.get(`${origin}${collection}`, e.start);
          if (!burst || burst.reported || Number.isNaN(burst.listEnd)) return NO_REPORTS;
          if (e.start < burst.listEnd || e.start - burst.listEnd > windowMs) return NO_REPORTS;
          const ids = (burst.ids ??= new Set());
          if (ids.has(last)) return NO_REPORTS;
          ids.add(last);
          const calls = (burst.calls ??= []);
          if (calls.length < MAX_CALLS) calls.push({ ...e.ref, note: `GET ${collection}/${last}` });
          if (ids.size < minCalls) return NO_REPORTS;
          burst.reported = true;
          const route = routeTemplate(ex.url).path;
          // The list's recorded path is the collection's: it is what found the burst.
          const listLine = `GET ${routeTemplate(collection || '/').path}`;
          return [
            {
              message: `${ids.size} GETs of ${route} with different ids started within ${span(e.start - burst.listEnd)} after the list call ${listLine} (#${burst.list.index}) answered: an N+1 pattern; embed the items in the list, or fetch them in one batch request`,
              related: [{ ...burst.list, note: `the list call ${listLine}` }, ...calls.slice(0, -1)],
            },
          ];
        }
        if (ex.status >= 200 && ex.status < 300 && !Number.isNaN(e.end))
          lists.set(
            // The URL's own prefix when it starts with its origin as written (lower case, no user
            // info): one small slice, not a concatenation kept as two strings and a pair.
            ex.url.startsWith(origin) ? ex.url.slice(0, origin.length + path.length) : `${origin}${path}`,
            { list: e.ref, listEnd: e.end, ids: undefined, calls: undefined, reported: false },
            e.start,
          );
        return NO_REPORTS;
      },
    };
  },
});
