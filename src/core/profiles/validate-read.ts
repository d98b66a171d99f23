/**
 * What every part of the profile validator (validate.ts) reads with: the error list, each
 * error naming its JSON path (`$.scope.urls[0]`), and the readers of members, strings and
 * lists that add to it.
 */
import { clip } from '../text/clip';
import { knownKeysHint } from '../settings/parse-unknown-keys';

export type Obj = Record<string, unknown>;
export { isJsonObject as isObject } from '../json/walk';
/** A value as the file wrote it, for "got …": at most 61 characters, the last "…" when cut. */
export const show = (v: unknown) => clip(JSON.stringify(v) ?? String(v), 61);
export const key = (path: string, k: string) =>
  /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`;

/** HTTP method names as a profile writes them (scope methods, `statuses.methods`). */
export const METHOD = /^[A-Za-z]+$/;

export class Errors {
  readonly list: string[] = [];
  add(path: string, message: string): void {
    if (this.list.length < 50) this.list.push(`${path}: ${message}`);
  }
}

/** An error for each member not allowed there, with the one it is a typo of (`mediaTyes`) or the allowed ones. */
export function unknownKeys(o: Obj, allowed: readonly string[], path: string, e: Errors): void {
  for (const k of Object.keys(o))
    if (!allowed.includes(k)) e.add(key(path, k), `unknown member (${knownKeysHint(k, allowed)})`);
}

/** A required member that is absent is "missing", not "got undefined" (a JavaScript word, not the file's). */
export const MISSING = 'missing: a non-empty string is required';

export function text(o: Obj, k: string, path: string, e: Errors, max = 200): string | undefined {
  const v = o[k];
  if (v === undefined) e.add(key(path, k), MISSING);
  else if (typeof v !== 'string' || v.trim() === '')
    e.add(key(path, k), `expected a non-empty string, got ${show(v)}`);
  else if (v.length > max) e.add(key(path, k), `longer than ${max} characters`);
  else return v;
  return undefined;
}

export function stringList(
  v: unknown,
  path: string,
  e: Errors,
  check?: (s: string) => string | undefined,
): string[] | undefined {
  if (!Array.isArray(v)) {
    e.add(path, `expected an array of strings, got ${show(v)}`);
    return undefined;
  }
  const before = e.list.length;
  v.forEach((s, i) => {
    if (typeof s !== 'string') e.add(`${path}[${i}]`, `expected a string, got ${show(s)}`);
    else {
      const problem = check?.(s);
      if (problem) e.add(`${path}[${i}]`, problem);
    }
  });
  return e.list.length === before ? (v as string[]) : undefined;
}
