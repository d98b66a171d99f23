import { routeTemplate, templateSegment } from '../../endpoints/route-template';
import { defineSessionRule, type EntryRef, type RelatedExchange, type SessionReport } from '../types';
import { span } from './describe';
import { scriptCall } from './outcome';
import { Recent } from './recent';

/** A list call and the item calls that followed it. */
interface Burst {
  list: EntryRef;
  /** The list call's recorded path; shown as its route only when a burst is reported. */
  listPath: string;
  listEnd: number;
  /** Made at the first item call: most GETs are never anyone's list, and every GET is remembered as one. */
  ids: Set<string> | undefined;
  calls: RelatedExchange[];
  reported: boolean;
}

const MAX_CALLS = 20;

/** Origin (lower-cased) and path of an absolute URL, the path without a trailing slash. */
const URL_PARTS = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)([^?#]*)/i;

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
      push(e): SessionReport[] {
        const ex = e.exchange;
        if (ex.method !== 'GET' || !scriptCall(ex) || Number.isNaN(e.start)) return [];
        const m = URL_PARTS.exec(ex.url);
        if (!m) return [];
        const origin = m[1]!.toLowerCase();
        const path = m[2]!.replace(/\/$/, '');
        const slash = path.lastIndexOf('/');
        const last = path.slice(slash + 1);
        // Only the last segment is templated here: the list is found by its recorded path.
        if (slash > 0 && last !== '' && templateSegment(last) === '{id}') {
          const collection = path.slice(0, slash);
          const burst = lists.get(`${origin}${collection}`, e.start);
          if (!burst || burst.reported || Number.isNaN(burst.listEnd)) return [];
          if (e.start < burst.listEnd || e.start - burst.listEnd > windowMs) return [];
          const ids = (burst.ids ??= new Set());
          if (ids.has(last)) return [];
          ids.add(last);
          if (burst.calls.length < MAX_CALLS)
            burst.calls.push({ ...e.ref, note: `GET ${collection}/${last}` });
          if (ids.size < minCalls) return [];
          burst.reported = true;
          const route = routeTemplate(ex.url).path;
          const listLine = `GET ${routeTemplate(burst.listPath || '/').path}`;
          return [
            {
              message: `${ids.size} GETs of ${route} with different ids started within ${span(e.start - burst.listEnd)} after the list call ${listLine} (#${burst.list.index}) answered: an N+1 pattern; embed the items in the list, or fetch them in one batch request`,
              related: [{ ...burst.list, note: `the list call ${listLine}` }, ...burst.calls.slice(0, -1)],
            },
          ];
        }
        if (ex.status >= 200 && ex.status < 300 && !Number.isNaN(e.end))
          lists.set(
            `${origin}${path}`,
            {
              list: e.ref,
              listPath: path,
              listEnd: e.end,
              ids: undefined,
              calls: [],
              reported: false,
            },
            e.start,
          );
        return [];
      },
    };
  },
});
