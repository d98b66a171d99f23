import { parseRoute } from './checks/expected-status';
import { SCHEMA_TYPES } from './types';
import { Errors, isObject, key, METHOD, show, stringList, unknownKeys, type Obj } from './validate-read';
import { listOf } from '../text/list';
import { isStatusClass, isStatusCode } from './status-key';

/*
 * What a profile document says of responses, the data its checks read (checks/): media types,
 * body shapes, documented statuses and required headers per status.
 */

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

/**
 * A status a list names: a code or a class ("4XX"). OpenAPI's `default` would document every
 * status, so the check could never report; a code in quotes ("404", as OpenAPI's response keys
 * are written) is a number here.
 */
function statusProblem(s: unknown): string | undefined {
  if (isStatusCode(s) || isStatusClass(s)) return undefined;
  if (s === 'default')
    return '"default" would document every status, so none could be reported: list the codes and classes ("4XX") the API answers, or leave statuses out';
  if (typeof s === 'string' && isStatusCode(Number(s)) && /^\d{3}$/.test(s))
    return `expected a status code from 100 to 599 or a class such as "4XX", got ${show(s)}: write the code as a number, ${s}`;
  return `expected a status code from 100 to 599 or a class such as "4XX", got ${show(s)}`;
}

function statusList(v: unknown, path: string, e: Errors): void {
  if (!Array.isArray(v)) {
    e.add(path, `expected an array of status codes, got ${show(v)}`);
    return;
  }
  v.forEach((s, i) => {
    const problem = statusProblem(s);
    if (problem) e.add(`${path}[${i}]`, problem);
  });
}

function objectShape(v: unknown, path: string, e: Errors, depth = 0): void {
  if (!isObject(v)) return e.add(path, 'expected an object with required and members');
  unknownKeys(v, ['required', 'members'], path, e);
  if (Object.hasOwn(v, 'required')) stringList(v.required, `${path}.required`, e);
  if (!Object.hasOwn(v, 'members')) return;
  const members = v.members;
  if (!isObject(members))
    return e.add(`${path}.members`, 'expected an object of member name → {type, items}');
  for (const [name, spec] of Object.entries(members)) {
    const at = key(`${path}.members`, name);
    if (!isObject(spec)) {
      e.add(at, 'expected an object with a "type"');
      continue;
    }
    unknownKeys(spec, ['type', 'items'], at, e);
    const types = Array.isArray(spec.type) ? spec.type : [spec.type];
    if (types.length === 0 || !types.every((t) => (SCHEMA_TYPES as readonly unknown[]).includes(t))) {
      e.add(
        `${at}.type`,
        `expected one of ${listOf(SCHEMA_TYPES, 'or')} (or an array of them), got ${show(spec.type)}`,
      );
    }
    if (Object.hasOwn(spec, 'items')) {
      if (depth >= 4) e.add(`${at}.items`, 'nested deeper than 4 levels');
      else objectShape(spec.items, `${at}.items`, e, depth + 1);
    }
  }
}

/** `mediaTypes`, `body`, `statuses` and `headers`, each where the document has it. */
export function responseSections(input: Obj, e: Errors): void {
  if (Object.hasOwn(input, 'mediaTypes')) {
    const m = input.mediaTypes;
    if (!isObject(m)) e.add('$.mediaTypes', 'expected an object with success and error lists');
    else {
      unknownKeys(m, ['success', 'error'], '$.mediaTypes', e);
      for (const k of ['success', 'error'] as const) {
        if (Object.hasOwn(m, k))
          stringList(m[k], `$.mediaTypes.${k}`, e, (t) =>
            MEDIA_TYPE.test(t) ? undefined : `${show(t)} is not a media type (type/subtype, no parameters)`,
          );
      }
    }
  }
  if (Object.hasOwn(input, 'body')) {
    const b = input.body;
    if (!isObject(b)) e.add('$.body', 'expected an object with error and success shapes');
    else {
      unknownKeys(b, ['error', 'success'], '$.body', e);
      for (const k of ['error', 'success'] as const)
        if (Object.hasOwn(b, k)) objectShape(b[k], `$.body.${k}`, e);
    }
  }
  if (Object.hasOwn(input, 'statuses')) {
    const s = input.statuses;
    if (!isObject(s)) e.add('$.statuses', 'expected an object with all, methods and routes');
    else {
      unknownKeys(s, ['all', 'methods', 'routes'], '$.statuses', e);
      if (Object.hasOwn(s, 'all')) statusList(s.all, '$.statuses.all', e);
      for (const k of ['methods', 'routes'] as const) {
        if (!Object.hasOwn(s, k)) continue;
        const map = s[k];
        if (!isObject(map)) {
          e.add(`$.statuses.${k}`, 'expected an object');
          continue;
        }
        for (const [name, list] of Object.entries(map)) {
          const at = key(`$.statuses.${k}`, name);
          if (k === 'methods' && !METHOD.test(name)) e.add(at, `${show(name)} is not an HTTP method`);
          if (k === 'routes' && !parseRoute(name))
            e.add(at, `${show(name)} is not a route like "DELETE /disks/{id}"`);
          statusList(list, at, e);
        }
      }
    }
  }
  if (Object.hasOwn(input, 'headers')) {
    const h = input.headers;
    if (!isObject(h)) e.add('$.headers', 'expected an object of status ("429" or "4XX") → header names');
    else {
      for (const [status, names] of Object.entries(h)) {
        const at = key('$.headers', status);
        // The lists add up (a 429 needs its own and 4XX's), so OpenAPI's `default`, "any
        // status no other key names", has no place: it would need a precedence they lack.
        if (status === 'default')
          e.add(
            at,
            '"default" is not a key here: a status\'s headers and its class\'s add up, so name the statuses or classes ("4XX", "5XX") they are required on',
          );
        else if (!/^[1-5]\d\d$/.test(status) && !isStatusClass(status))
          e.add(at, `${show(status)} is not a status from 100 to 599 or a class such as "4XX"`);
        stringList(names, at, e, (n) =>
          HEADER_NAME.test(n) ? undefined : `${show(n)} is not a header name`,
        );
      }
    }
  }
}
