import type { EndpointGroup } from '../../core/endpoints/grouper';
import { propTerm } from '../../core/filter/query';

/**
 * The searches a click in Endpoints puts in the box to list one row's calls. The rows are built
 * from the rows the current filters let through, so the user's own terms stay and the row's are
 * added (a term already there is not written twice).
 */
function addTerms(query: string, terms: (string | null)[]): string {
  const have = new Set(query.trim().split(/\s+/));
  const added = terms.filter((t): t is string => t !== null && !have.has(t));
  return [query.trim(), ...added].filter(Boolean).join(' ');
}

/** Exactly one route's calls (Routes). */
export function narrowTo(query: string, g: Pick<EndpointGroup, 'method' | 'host' | 'path'>): string {
  return addTerms(query, [propTerm('method', g.method), propTerm('host', g.host), propTerm('route', g.path)]);
}

/** The calls a coverage row counts: its method and the operation's template, or the undocumented path. */
export function narrowToOperation(query: string, method: string, path: string): string {
  return addTerms(query, [propTerm('method', method), propTerm('operation', path)]);
}
