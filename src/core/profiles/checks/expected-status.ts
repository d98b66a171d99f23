import { splitUrl } from '../../exchange/url';
import { defineRule, type Rule } from '../../rules/types';
import type { DocumentedStatus, DocumentedStatuses, ProfileDocument } from '../types';
import { classOf, isStatusClass } from '../status-key';
import { profileSource, profileSubject } from './shared';

interface Route {
  method: string;
  segments: string[];
  statuses: DocumentedStatus[];
}

/** `"DELETE /disks/{id}"` → method and path segments; `{…}` matches any one segment. */
export function parseRoute(key: string): { method: string; segments: string[] } | undefined {
  const m = /^([A-Za-z]+|\*)\s+(\/\S*)$/.exec(key.trim());
  if (!m) return undefined;
  return { method: m[1]!.toUpperCase(), segments: m[2]!.split('/').filter(Boolean) };
}

/** Whether the path ends with the route's segments (the API's base path may come before them). */
function routeMatches(route: Route, method: string, path: string[]): boolean {
  if (route.method !== '*' && route.method !== method) return false;
  if (path.length < route.segments.length) return false;
  const offset = path.length - route.segments.length;
  return route.segments.every((seg, i) => /^\{[^}]*\}$/.test(seg) || seg === path[offset + i]);
}

function pathSegments(url: string): string[] {
  return (splitUrl(url)?.path ?? '').split('/').filter(Boolean);
}

/** A list's entry as documented lists show it and are matched: a code, or a class upper-cased ("4XX"). */
const asListed = (s: DocumentedStatus): DocumentedStatus => (isStatusClass(s) ? s.toUpperCase() : s);

/**
 * The statuses documented for one request: `all`, its method's, and those of every route it
 * matches; codes, and classes as "4XX".
 */
export function documentedFor(
  statuses: DocumentedStatuses,
  method: string,
  url: string,
): Set<DocumentedStatus> {
  const out = new Set<DocumentedStatus>((statuses.all ?? []).map(asListed));
  const m = method.toUpperCase();
  for (const [key, list] of Object.entries(statuses.methods ?? {})) {
    if (key.toUpperCase() === m) for (const s of list) out.add(asListed(s));
  }
  const path = pathSegments(url);
  for (const [key, list] of Object.entries(statuses.routes ?? {})) {
    const parsed = parseRoute(key);
    if (parsed && routeMatches({ ...parsed, statuses: list }, m, path))
      for (const s of list) out.add(asListed(s));
  }
  return out;
}

/** A status is documented when listed itself or by its class ("4XX" documents every 4xx). */
export const documents = (documented: ReadonlySet<DocumentedStatus>, status: number): boolean =>
  documented.has(status) || documented.has(classOf(status));

/** Codes in order, each class after the codes it holds ("400, 404, 4XX, 500"). */
function listed(documented: ReadonlySet<DocumentedStatus>): string {
  const rank = (s: DocumentedStatus) => (typeof s === 'number' ? s : Number(s[0]) * 100 + 99.5);
  return [...documented]
    .sort((a, b) => rank(a) - rank(b))
    .map(String)
    .join(', ');
}

/** `<profile>/expected-status`: the status is one the profile documents for this call. */
export function expectedStatusCheck(doc: ProfileDocument): Rule | undefined {
  const statuses = doc.statuses;
  if (!statuses) return undefined;
  return defineRule({
    id: `${doc.id}/expected-status`,
    group: doc.id,
    severity: 'info',
    headerOnly: true,
    description: `The status is one ${doc.name} documents for this kind of call.`,
    source: profileSource(doc),
    check({ exchange }) {
      // Status 0 means no response arrived; that is not the API choosing a status.
      if (exchange.status === 0) return [];
      const documented = documentedFor(statuses, exchange.method, exchange.url);
      if (documents(documented, exchange.status)) return [];
      const list = listed(documented);
      return [
        {
          message: `${exchange.status} is not a status ${profileSubject(doc)} documents for ${exchange.method.toUpperCase()} (documented: ${list || 'none'})`,
        },
      ];
    },
  });
}
