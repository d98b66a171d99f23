import type { OutputUnit, Schema } from '@cfworker/json-schema';
// cfworker's validator with `pattern`/`patternProperties` on RE2 (see vendor/validate.js).
import { validate } from './vendor/validate.js';
import { parsePointer } from '../json/pointer';
import { isJsonObject as isObj } from '../json/walk';
import { plainViolationMessage } from './messages';
import { INT_FORMAT, NULLABLE_WRAPPER, WRITE_ONLY, type SchemaInfo } from './schema';

/** One way a value fails its schema, in the description's terms. */
export interface Violation {
  /** RFC 6901 pointer into the value ('' for the whole value). */
  pointer: string;
  /** The failing keyword: type, required, enum, format, additionalProperties, oneOf, writeOnly… */
  keyword: string;
  /** Where in the description, its file named: `openapi.yaml#/components/schemas/Pet/properties/id/type`. */
  schemaLocation: string;
  message: string;
}

/** Keywords that only report that something beneath them failed. */
const WRAPPERS = new Set([
  '$ref',
  '$recursiveRef',
  'properties',
  'patternProperties',
  'additionalProperties',
  'unevaluatedProperties',
  'items',
  'prefixItems',
  'additionalItems',
  'unevaluatedItems',
  'allOf',
  'dependentSchemas',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
]);

function decode(loc: string): string {
  const s = loc.startsWith('#') ? loc.slice(1) : loc;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

type Obj = Record<string, unknown>;

interface Step {
  /** The schema object reached. */
  node: Obj | undefined;
  /** The last schema object on the way that the preparer knows, and the keyword segments after it. */
  known: SchemaInfo | undefined;
  rest: string[];
}

/** Follows a validator keyword location (through $refs) from the root schema to the schema it names. */
function walk(
  root: Schema | boolean,
  keywordLocation: string,
  lookup: Record<string, Schema | boolean>,
  info: ReadonlyMap<object, SchemaInfo>,
): Step {
  let node: unknown = root;
  let known = isObj(root) ? info.get(root) : undefined;
  let rest: string[] = [];
  for (const seg of parsePointer(decode(keywordLocation))) {
    if (!isObj(node) && !Array.isArray(node)) {
      rest.push(seg);
      continue;
    }
    if (seg === '$ref' && isObj(node)) {
      const abs = (node as { __absolute_ref__?: string }).__absolute_ref__;
      node = abs === undefined ? undefined : lookup[abs];
    } else {
      node = Array.isArray(node) ? node[Number(seg)] : (node as Obj)[seg];
    }
    rest.push(seg);
    const i = isObj(node) ? info.get(node) : undefined;
    if (i) {
      known = i;
      rest = [];
    }
  }
  return { node: isObj(node) ? node : undefined, known, rest };
}

/**
 * Validates a value against a prepared schema and returns every violation at its leaf: a failed
 * `anyOf`/`oneOf` is one violation (listing every branch's errors would bury it), wrappers such as
 * `properties` and `$ref` are left out, and the conversion's markers are told as the description
 * wrote them (a nullable, a writeOnly member, an int32 range).
 */
export function validateValue(
  value: unknown,
  schemaKey: string,
  lookup: Record<string, Schema | boolean>,
  info: ReadonlyMap<object, SchemaInfo>,
  where: (info: SchemaInfo) => string,
  limit = Infinity,
): { violations: Violation[]; total: number } {
  const root = lookup[schemaKey];
  if (root === undefined) return { violations: [], total: 0 };
  const result = validate(value, root, '2020-12', lookup, false);
  if (result.valid) return { violations: [], total: 0 };
  const errors = result.errors;
  // A `false` schema's error repeats the instance location as its keyword location; it belongs to
  // the error just before it (additionalProperties: false and the like).
  const units: OutputUnit[] = [];
  for (let i = 0; i < errors.length; i++) {
    const e = errors[i]!;
    if (e.keyword === 'false') {
      const prev = units[units.length - 1];
      if (prev && (prev.keyword === 'additionalProperties' || prev.keyword === 'unevaluatedProperties')) {
        units[units.length - 1] = {
          ...prev,
          instanceLocation: e.instanceLocation,
          keyword: `${prev.keyword}:false`,
        };
      } else units.push({ ...e, keywordLocation: prev?.keywordLocation ?? '#' });
      continue;
    }
    units.push(e);
  }
  const steps = new Map<OutputUnit, Step>();
  const stepOf = (u: OutputUnit) => {
    let s = steps.get(u);
    if (!s) steps.set(u, (s = walk(root, u.keywordLocation.replace(/\/[^/]*$/, ''), lookup, info)));
    return s;
  };
  // Every proper ancestor of every error's keyword location: a wrapper error with a descendant
  // is left out. Built once, so a body with thousands of violations stays linear.
  const ancestors = new Set<string>();
  for (const u of units) {
    const loc = u.keywordLocation;
    for (let i = loc.indexOf('/'); i !== -1; i = loc.indexOf('/', i + 1)) ancestors.add(loc.slice(0, i));
  }
  // Where a failed anyOf/oneOf is reported, its branches are not; a nullable wrapper is the
  // reverse: only the real schema's (second branch's) errors matter.
  const collapsed = new Set<string>();
  const hidden = new Set<string>();
  for (const u of units) {
    if (u.keyword !== 'anyOf' && u.keyword !== 'oneOf') continue;
    if (stepOf(u).node?.[NULLABLE_WRAPPER] === true) hidden.add(`${u.keywordLocation}/0`);
    else collapsed.add(u.keywordLocation);
  }
  const underAny = (loc: string, set: ReadonlySet<string>) => {
    if (set.size === 0) return false;
    for (let i = loc.indexOf('/'); i !== -1; i = loc.indexOf('/', i + 1))
      if (set.has(loc.slice(0, i))) return true;
    return false;
  };
  const out: Violation[] = [];
  let total = 0;
  for (const u of units) {
    const loc = u.keywordLocation;
    if (u.keyword === 'anyOf' && hidden.has(`${loc}/0`)) continue;
    if (underAny(loc, hidden) || underAny(loc, collapsed)) continue;
    if (WRAPPERS.has(u.keyword) && ancestors.has(loc)) continue;
    if (u.keyword === 'allOf' || u.keyword === '$ref') continue;
    if (++total > limit) continue;
    out.push(describe(u, stepOf(u), value, where));
  }
  return { violations: out, total };
}

function describe(u: OutputUnit, step: Step, value: unknown, where: (info: SchemaInfo) => string): Violation {
  let keyword = u.keyword;
  let message = u.error;
  let schemaLoc = step.known ? where(step.known) + (step.rest.length ? '/' + step.rest.join('/') : '') : '';
  const pointer = decode(u.instanceLocation);
  if (step.node?.[INT_FORMAT] !== undefined && (keyword === 'minimum' || keyword === 'maximum')) {
    keyword = 'format';
    message = `${JSON.stringify(atPointer(value, pointer))} is outside the ${String(step.node[INT_FORMAT])} range`;
    schemaLoc = schemaLoc.replace(/\/allOf\/\d+$/, '') + '/format';
  } else if (step.node?.[WRITE_ONLY] === true && keyword === 'not') {
    keyword = 'writeOnly';
    message = `member "${parsePointer(pointer).pop() ?? ''}" is writeOnly: the description says it is never sent in a response`;
  } else if (keyword === 'additionalProperties:false' || keyword === 'unevaluatedProperties:false') {
    keyword = keyword.replace(':false', '');
    message = `member "${parsePointer(pointer).pop() ?? ''}" is not allowed (${keyword}: false)`;
    schemaLoc += `/${keyword}`;
  } else {
    schemaLoc += `/${keyword}`;
    message = plainViolationMessage(keyword, message);
  }
  return { pointer, keyword, schemaLocation: schemaLoc, message };
}

function atPointer(value: unknown, pointer: string): unknown {
  let cur = value;
  for (const seg of parsePointer(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}
