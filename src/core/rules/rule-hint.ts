import { listOf } from '../text/list';
import { nearest } from '../text/edit-distance';

/**
 * Words for a mistyped rule id, wherever one is read (the CLI's --rule, a settings file's
 * `rules`): the id it is close to (`problem/contnet-type`), or the ones it is the end or a part
 * of (`content-type`) when there are few. Empty when none is near: each caller says where the
 * whole list is.
 */
export function ruleIdHint(id: string, known: ReadonlySet<string>): string {
  const near = nearest(id, known);
  if (near !== undefined) return ` (did you mean ${near}?)`;
  const tail = `/${id}`;
  const close = [...known].filter((r) => r.endsWith(tail) || r.includes(id));
  return close.length > 0 && close.length <= 3 ? ` (did you mean ${listOf(close, 'or')}?)` : '';
}
