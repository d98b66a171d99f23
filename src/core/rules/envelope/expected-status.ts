import { sentPrecondition } from '../../exchange/preconditions';
import { defineRule } from '../types';
import { SOURCES } from './shared';

/** Statuses the convention documents for every call. */
const ALWAYS = [200, 201, 202, 204, 400, 401, 403, 405, 406, 417, 500, 501, 502, 503];
const READ = [404, 416];
const WRITE = [404, 409, 412];

const BY_METHOD: Readonly<Record<string, ReadonlySet<number>>> = {
  GET: new Set([...ALWAYS, ...READ]),
  HEAD: new Set([...ALWAYS, ...READ]),
  POST: new Set([...ALWAYS, ...WRITE]),
  PUT: new Set([...ALWAYS, ...WRITE]),
  PATCH: new Set([...ALWAYS, ...WRITE]),
  DELETE: new Set([...ALWAYS, ...WRITE]),
};
const OTHER: ReadonlySet<number> = new Set(ALWAYS);

function documentedStatuses(method: string): ReadonlySet<number> {
  const m = method.toUpperCase();
  return Object.hasOwn(BY_METHOD, m) ? BY_METHOD[m]! : OTHER;
}

export default defineRule({
  id: 'envelope/expected-status',
  group: 'envelope',
  severity: 'info',
  headerOnly: true,
  description: 'The status should be one the envelope convention documents for this kind of call.',
  source: SOURCES.status,
  check({ exchange }) {
    // Status 0 means no response arrived; that is not the API choosing a status.
    if (exchange.status === 0) return [];
    // A 304 answers the client's own conditional request (a cache revalidation): only a client
    // that sent If-None-Match or If-Modified-Since sees it, so it is not an undocumented surprise.
    if (exchange.status === 304 && sentPrecondition(exchange.requestHeaders) !== undefined) return [];
    const documented = documentedStatuses(exchange.method);
    if (documented.has(exchange.status)) return [];
    const method = exchange.method.toUpperCase();
    const list = [...documented].sort((a, b) => a - b).join(', ');
    return [
      {
        message: `${exchange.status} is not a status the envelope convention documents for ${method} (documented: ${list})`,
      },
    ];
  },
});
