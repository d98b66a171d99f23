import { IANA_REASONS } from '../../catalogue/reason-phrases';
import { headerValue, listMembers } from '../../exchange/headers';
import type { Exchange } from '../../exchange/types';
import { resolveHttpUrl } from '../../exchange/url';
import { clip } from '../../text/clip';
import { defineSessionRule, NO_REPORTS, type EntryRef, type SessionReport } from '../types';
import { countOf } from '../../text/plural';
import { requestLine, shortUrl, span } from './describe';
import { scriptCall } from './outcome';
import { Recent } from '../shared/recent';

/** The permanent redirects (RFC 9110 §15.4.2, §15.4.9): "future references ought to use" the new URI. */
const PERMANENT: ReadonlySet<number> = new Set([301, 308]);

/** A permanent redirect the client was given, as the rule remembers it. */
interface Moved {
  ref: EntryRef;
  /** When its answer was complete: a request that started earlier could not have known. */
  end: number;
  status: number;
  /** Where it sent the client, described for messages (a path, or an origin and a path). */
  to: string;
  /** Whether this request's repeat was reported: said once, not on each later repeat. */
  said?: boolean;
}

/** A run of host moves from one origin to another, with the same path and query. */
interface HostMove {
  to: string;
  first: Moved & { start: number; request: string; path: string };
  last: Moved & { path: string };
  count: number;
  /** Whether the move was reported: once per old and new origin, not on each call that follows. */
  said: boolean;
}

/**
 * True when the browser's cache answered: Chrome says so (`_fromCache`); Firefox writes such an
 * entry with a total time of exactly 0 ms (no server address, no timings). No request reached
 * the server, and a cached redirect is one the browser remembered.
 */
function answeredByCache(ex: Exchange): boolean {
  return ex.fromCache !== undefined || ex.time === 0;
}

/** Where a redirect points, for messages: the path on the same origin, else origin and path. */
function target(to: URL, from: URL): string {
  const path = shortUrl(to.href);
  return to.origin === from.origin ? path : `${clip(to.origin, 60)}${path === '/' ? '' : path}`;
}

/**
 * True when the server said not to keep the redirect (`no-store`, `no-cache`, `max-age=0`): a
 * browser then asks again, as it was told, and the move is not one to rely on.
 */
function notToKeep(ex: Exchange): boolean {
  const cc = headerValue(ex.responseHeaders, 'cache-control');
  if (cc === undefined) return false;
  return listMembers(cc).some((m) => /^(?:no-store|no-cache|max-age\s*=\s*"?0+"?)$/i.test(m.trim()));
}

/**
 * True when the request told every cache to stand aside: DevTools' "Disable cache" and a hard
 * reload send `Cache-Control: no-cache` and `Pragma: no-cache`. A browser then sends the old URL
 * again although it remembers the redirect: the capture's doing, not the client's.
 */
function bypassesCache(ex: Exchange): boolean {
  const cc = headerValue(ex.requestHeaders, 'cache-control') ?? '';
  const pragma = headerValue(ex.requestHeaders, 'pragma') ?? '';
  return /\b(?:no-cache|no-store|max-age\s*=\s*0)\b/i.test(cc) || /\bno-cache\b/i.test(pragma);
}

/** The finding of a host move seen again: it names both origins and the earlier moves. */
function hostReport(
  ex: Exchange,
  run: HostMove,
  old: string,
  next: string,
  firstInWindow: boolean,
): SessionReport {
  const first = firstInWindow ? run.first : undefined;
  const related = first
    ? [{ ...first.ref, note: `the ${first.status} that moved ${first.request} to ${next}` }]
    : [];
  if (run.last.ref.index !== first?.ref.index)
    related.push({ ...run.last.ref, note: `the latest ${run.last.status} from ${old} to ${next}` });
  const like =
    run.count === 1 && first
      ? `like ${first.request} (#${first.ref.index})`
      : `like ${countOf(run.count, 'request')} before it (the latest #${run.last.ref.index})`;
  return {
    message: `${requestLine(ex)} went to ${old} and was redirected (${ex.status}) to ${next}, ${like}: the client keeps calling the old host. Call ${next} directly (SDKs usually take a base URL or a region). Reported once for ${old}, not on each call that follows`,
    related,
  };
}

export default defineSessionRule({
  kind: 'session',
  id: 'session/redirect-not-remembered',
  group: 'core',
  severity: 'info',
  description:
    'A request the client was told had moved permanently (301, 308) sent again and redirected again, or a client that keeps calling an old host whose every path is redirected to a new one: each call costs an extra round trip.',
  source: { label: 'RFC 9110 §15.4.2', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.4.2' },
  options: [],
  start(_options, window) {
    /** The last permanent redirect of each request (method and URL). */
    const requests = new Recent<Moved>(window);
    /** The host moves seen from each old origin. */
    const hosts = new Recent<HostMove>(window);
    return {
      push(e): readonly SessionReport[] {
        const ex = e.exchange;
        // Only answers that came over the wire, to calls made by script: the browser's own loads
        // (pages, images) and what its cache answered are its business.
        if (!PERMANENT.has(ex.status) || answeredByCache(ex) || !scriptCall(ex)) return NO_REPORTS;
        const from = resolveHttpUrl(ex.url, ex.url);
        const location = headerValue(ex.responseHeaders, 'location')?.trim();
        const to = from && location ? resolveHttpUrl(location, from.href) : undefined;
        // A redirect to nowhere, or to itself, moved nothing.
        if (!from || !to || to.href === from.href) return NO_REPORTS;
        const moved: Moved = { ref: e.ref, end: e.end, status: ex.status, to: target(to, from) };
        const told = (m: { end: number }) => e.start >= m.end;
        let out: readonly SessionReport[] = NO_REPORTS;

        const before = requests.get(e.key, e.start);
        // A host move already reported says this too (the client keeps calling the old host).
        const hostSaid = hosts.get(from.origin, e.start);
        const said = before?.said === true || (hostSaid?.said === true && hostSaid.to === to.origin);
        if (before && told(before) && !bypassesCache(ex) && !said) {
          out = [
            {
              message: `${requestLine(ex)} was answered ${ex.status} again: the same request (#${before.ref.index}) was answered ${before.status} ${IANA_REASONS[before.status]!.reason} to ${before.to} ${span(e.start - before.end)} earlier. Future requests ought to use the new URL: call it directly (update the stored or configured URL). Reported once for this request, not on each repeat`,
              related: [{ ...before.ref, note: `the ${before.status} to ${before.to}` }],
            },
          ];
        }
        if (notToKeep(ex)) requests.delete(e.key);
        else requests.set(e.key, { ...moved, said: said || out.length > 0 }, e.start);

        // A host move: the same path and query on another origin (a region, a new domain, https).
        if (to.origin === from.origin || to.pathname !== from.pathname || to.search !== from.search)
          return out;
        const path = from.pathname + from.search;
        const old = clip(from.origin, 60);
        const next = clip(to.origin, 60);
        const run = hosts.get(from.origin, e.start);
        if (!run || run.to !== to.origin) {
          // A first move from this origin, or one to another origin: a run starts here.
          const first = { ...moved, start: e.start, request: requestLine(ex), path };
          hosts.set(
            from.origin,
            { to: to.origin, first, last: { ...moved, path }, count: 1, said: false },
            e.start,
          );
          return out;
        }
        // Another path, asked for after the first move was known (the same path is the repeat above).
        // Once per move: on a client that never learns, every later call would say it again
        // (j1crowdstrike_apps-429-ratelimit-retryafter.har: 16 findings, one fact).
        if (
          !run.said &&
          out.length === 0 &&
          told(run.first) &&
          path !== run.first.path &&
          path !== run.last.path
        ) {
          out = [hostReport(ex, run, old, next, e.start - run.first.start <= window.ms)];
        }
        // A repeat of one of these calls reported above is the same fact: the move counts as said.
        if (out.length > 0) run.said = true;
        run.last = { ...moved, path };
        run.count++;
        hosts.set(from.origin, run, e.start);
        return out;
      },
    };
  },
});
