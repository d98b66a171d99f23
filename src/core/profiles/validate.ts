import { jsonSyntaxWhere } from '../json/syntax';
import { ALL_RULES, ruleById, SESSION_RULES } from '../rules/registry';
import { SEVERITIES } from '../rules/types';
import { BUILTIN_PROFILE_IDS } from './builtins';
import { DATA_CHECK_NAMES } from './checks';
import { parseRoute } from './checks/expected-status';
import { SETTINGS_KEYS } from '../settings/keys';
import { urlPatternProblem } from './scope';
import {
  JSON_TYPES,
  SCOPE_REQUESTS,
  type ObjectShape,
  type ProfileDocument,
  type ProfileScope,
} from './types';

/** Rules over the sequence of exchanges: a profile adjusts their findings inside its scope, as any rule's. */
const SESSION_RULE_IDS: ReadonlySet<string> = new Set(SESSION_RULES.map((r) => r.id));

/**
 * A hand-written validator for profile documents (the same rules as
 * schemas/profile.schema.json, plus what a schema cannot say: known checks, URL patterns,
 * route templates). Every error names its JSON path (`$.scope.urls[0]`), so a user can find
 * it in their file. No code generation, so it runs under the extension's CSP.
 */
export type ProfileResult = { ok: true; profile: ProfileDocument } | { ok: false; errors: string[] };

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Obj, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const show = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
};
const key = (path: string, k: string) =>
  /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`;

export const PROFILE_ID_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
/**
 * Prefixes of the registry's rule ids (`http`, `body`, `security`, `contract`, `session`, the built-ins'):
 * a profile's id prefixes the ids of the rules it generates, so it may not be one of them.
 */
const TAKEN_PREFIXES: ReadonlySet<string> = new Set(ALL_RULES.map((r) => r.id.split('/', 1)[0]!));
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;
const METHOD = /^[A-Za-z]+$/;
/** The top-level members of a profile document. */
export const PROFILE_KEYS: readonly string[] = [
  '$schema',
  'id',
  'name',
  'summary',
  'source',
  'scope',
  'mediaTypes',
  'body',
  'statuses',
  'headers',
  'rules',
  'checks',
];

class Errors {
  readonly list: string[] = [];
  add(path: string, message: string): void {
    if (this.list.length < 50) this.list.push(`${path}: ${message}`);
  }
}

function unknownKeys(o: Obj, allowed: readonly string[], path: string, e: Errors): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) e.add(key(path, k), 'unknown member');
}

/** A required member that is absent is "missing", not "got undefined" (a JavaScript word, not the file's). */
const MISSING = 'missing: a non-empty string is required';

function text(o: Obj, k: string, path: string, e: Errors, max = 200): string | undefined {
  const v = o[k];
  if (v === undefined) e.add(key(path, k), MISSING);
  else if (typeof v !== 'string' || v.trim() === '')
    e.add(key(path, k), `expected a non-empty string, got ${show(v)}`);
  else if (v.length > max) e.add(key(path, k), `longer than ${max} characters`);
  else return v;
  return undefined;
}

function stringList(
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

function statusList(v: unknown, path: string, e: Errors): void {
  if (!Array.isArray(v)) {
    e.add(path, `expected an array of status codes, got ${show(v)}`);
    return;
  }
  v.forEach((s, i) => {
    if (typeof s !== 'number' || !Number.isInteger(s) || s < 100 || s > 599) {
      e.add(`${path}[${i}]`, `expected a status code from 100 to 599, got ${show(s)}`);
    }
  });
}

function scope(v: unknown, path: string, e: Errors): void {
  if (!isObject(v)) return e.add(path, 'expected an object with urls, methods, apiCallsOnly and requests');
  unknownKeys(v, ['urls', 'methods', 'apiCallsOnly', 'requests'], path, e);
  if (own(v, 'urls')) stringList(v.urls, `${path}.urls`, e, urlPatternProblem);
  if (own(v, 'methods'))
    stringList(v.methods, `${path}.methods`, e, (m) =>
      METHOD.test(m) ? undefined : `${show(m)} is not an HTTP method`,
    );
  if (own(v, 'apiCallsOnly') && typeof v.apiCallsOnly !== 'boolean')
    e.add(`${path}.apiCallsOnly`, 'expected true or false');
  if (own(v, 'requests') && !(SCOPE_REQUESTS as readonly unknown[]).includes(v.requests))
    e.add(
      `${path}.requests`,
      `expected ${SCOPE_REQUESTS.map((k) => JSON.stringify(k)).join(' or ')} (only GraphQL requests, known by their body or query, whatever the URL), got ${show(v.requests)}`,
    );
}

function objectShape(v: unknown, path: string, e: Errors, depth = 0): void {
  if (!isObject(v)) return e.add(path, 'expected an object with required and members');
  unknownKeys(v, ['required', 'members'], path, e);
  if (own(v, 'required')) stringList(v.required, `${path}.required`, e);
  if (!own(v, 'members')) return;
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
    if (types.length === 0 || !types.every((t) => (JSON_TYPES as readonly unknown[]).includes(t))) {
      e.add(
        `${at}.type`,
        `expected one of ${JSON_TYPES.join(', ')} (or an array of them), got ${show(spec.type)}`,
      );
    }
    if (own(spec, 'items')) {
      if (depth >= 4) e.add(`${at}.items`, 'nested deeper than 4 levels');
      else objectShape(spec.items, `${at}.items`, e, depth + 1);
    }
  }
}

function validateInto(input: unknown, e: Errors): void {
  if (!isObject(input)) return e.add('$', 'a profile must be a JSON object');
  // A settings file given where a profile was expected (`--profile-file settings.json`, or
  // imported as a profile): one message saying so, not an error for each of its members.
  if (
    !own(input, 'id') &&
    Object.keys(input).some((k) => SETTINGS_KEYS.includes(k) && !PROFILE_KEYS.includes(k))
  )
    return e.add('$', 'this is a settings file, not a convention profile: load it as settings');
  unknownKeys(input, PROFILE_KEYS, '$', e);
  const id = input.id;
  if (typeof id !== 'string' || !PROFILE_ID_PATTERN.test(id)) {
    const form = 'lower-case letters, digits and dashes, starting with a letter (at most 40)';
    e.add(
      '$.id',
      id === undefined ? `missing: an id is required (${form})` : `expected ${form}, got ${show(id)}`,
    );
  } else if (BUILTIN_PROFILE_IDS.includes(id)) {
    e.add('$.id', `"${id}" is a built-in profile's id; choose another`);
  } else if (TAKEN_PREFIXES.has(id)) {
    e.add('$.id', `"${id}" names a family of built-in rules (${id}/…); choose another`);
  }
  text(input, 'name', '$', e, 80);
  text(input, 'summary', '$', e, 300);
  const source = text(input, 'source', '$', e, 2000);
  if (source !== undefined && !/^https?:\/\/\S+$/.test(source))
    e.add('$.source', `expected an http(s) URL, got ${show(source)}`);
  if (own(input, 'scope')) scope(input.scope, '$.scope', e);
  if (own(input, 'mediaTypes')) {
    const m = input.mediaTypes;
    if (!isObject(m)) e.add('$.mediaTypes', 'expected an object with success and error lists');
    else {
      unknownKeys(m, ['success', 'error'], '$.mediaTypes', e);
      for (const k of ['success', 'error'] as const) {
        if (own(m, k))
          stringList(m[k], `$.mediaTypes.${k}`, e, (t) =>
            MEDIA_TYPE.test(t) ? undefined : `${show(t)} is not a media type (type/subtype, no parameters)`,
          );
      }
    }
  }
  if (own(input, 'body')) {
    const b = input.body;
    if (!isObject(b)) e.add('$.body', 'expected an object with error and success shapes');
    else {
      unknownKeys(b, ['error', 'success'], '$.body', e);
      for (const k of ['error', 'success'] as const) if (own(b, k)) objectShape(b[k], `$.body.${k}`, e);
    }
  }
  if (own(input, 'statuses')) {
    const s = input.statuses;
    if (!isObject(s)) e.add('$.statuses', 'expected an object with all, methods and routes');
    else {
      unknownKeys(s, ['all', 'methods', 'routes'], '$.statuses', e);
      if (own(s, 'all')) statusList(s.all, '$.statuses.all', e);
      for (const k of ['methods', 'routes'] as const) {
        if (!own(s, k)) continue;
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
  if (own(input, 'headers')) {
    const h = input.headers;
    if (!isObject(h)) e.add('$.headers', 'expected an object of status ("429" or "4xx") → header names');
    else {
      for (const [status, names] of Object.entries(h)) {
        const at = key('$.headers', status);
        if (!/^(?:[1-5]\d\d|[1-5]xx)$/.test(status))
          e.add(at, `${show(status)} is not a status from 100 to 599 or a class such as "4xx"`);
        stringList(names, at, e, (n) =>
          HEADER_NAME.test(n) ? undefined : `${show(n)} is not a header name`,
        );
      }
    }
  }
  if (own(input, 'rules')) {
    const r = input.rules;
    if (!isObject(r))
      e.add('$.rules', 'expected an object of rule id → "off" | "info" | "warning" | "error"');
    else {
      for (const [id, setting] of Object.entries(r)) {
        const at = key('$.rules', id);
        const own = typeof input.id === 'string' && id.startsWith(`${input.id}/`);
        // Session rules too: their findings inside the scope (session/active.ts).
        if (!own && !ruleById(id) && !SESSION_RULE_IDS.has(id)) e.add(at, `unknown rule "${id}"`);
        if (setting !== 'off' && !(SEVERITIES as readonly unknown[]).includes(setting)) {
          e.add(at, `expected "off", "info", "warning" or "error", got ${show(setting)}`);
        }
      }
    }
  }
  if (own(input, 'checks')) {
    stringList(input.checks, '$.checks', e, (id) => {
      const rule = ruleById(id);
      if (!rule) return `unknown check "${id}"`;
      if (rule.group === 'core' || rule.group === 'opt-in')
        return `"${id}" is a core rule, not a profile check; adjust it under "rules"`;
      return undefined;
    });
  }
}

/** Validates one profile document. Nothing throws; every error names its JSON path. */
export function validateProfile(input: unknown): ProfileResult {
  const e = new Errors();
  validateInto(input, e);
  return e.list.length > 0 ? { ok: false, errors: e.list } : { ok: true, profile: input as ProfileDocument };
}

/** Parses a profile file's text: not JSON is reported like any other error, with where it broke. */
export function parseProfileText(textIn: string): ProfileResult {
  const text = textIn.charCodeAt(0) === 0xfeff ? textIn.slice(1) : textIn;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [`$: not JSON: ${jsonSyntaxWhere(text, err)}`] };
  }
  return validateProfile(json);
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

export { DATA_CHECK_NAMES, type ObjectShape };
