import { urlPatternProblem } from './scope';
import { SCOPE_REQUESTS, type ProfileScope } from './types';
import { Errors, isObject, METHOD, show, stringList, unknownKeys } from './validate-read';
import { listOf } from '../text/list';

/** A profile's `scope`: URL patterns, methods, "API calls only" and the kind of request. */
export function scope(v: unknown, path: string, e: Errors): void {
  if (!isObject(v)) return e.add(path, 'expected an object with urls, methods, apiCallsOnly and requests');
  unknownKeys(v, ['urls', 'methods', 'apiCallsOnly', 'requests'], path, e);
  if (Object.hasOwn(v, 'urls')) stringList(v.urls, `${path}.urls`, e, urlPatternProblem);
  if (Object.hasOwn(v, 'methods'))
    stringList(v.methods, `${path}.methods`, e, (m) =>
      METHOD.test(m) ? undefined : `${show(m)} is not an HTTP method`,
    );
  if (Object.hasOwn(v, 'apiCallsOnly') && typeof v.apiCallsOnly !== 'boolean')
    e.add(`${path}.apiCallsOnly`, 'expected true or false');
  if (Object.hasOwn(v, 'requests') && !(SCOPE_REQUESTS as readonly unknown[]).includes(v.requests)) {
    const kinds = SCOPE_REQUESTS.map((k) => JSON.stringify(k));
    e.add(
      `${path}.requests`,
      `expected ${listOf(kinds, 'or')} (only GraphQL requests, known by their body or query, whatever the URL), got ${show(v.requests)}`,
    );
  }
}

/** Validates a scope on its own (the options page's "Applies to …" editor). */
export function validateScope(
  input: unknown,
  path = '$',
): { ok: true; scope: ProfileScope } | { ok: false; errors: string[] } {
  const e = new Errors();
  scope(input, path, e);
  return e.list.length > 0 ? { ok: false, errors: e.list } : { ok: true, scope: input as ProfileScope };
}
