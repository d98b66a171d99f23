import { format as KNOWN_FORMATS } from '@cfworker/json-schema';
import type { resolveRef } from './refs';
import { isObj, type Obj } from './schema-keywords';
import type { OpenApiVersion } from './types';

/**
 * OpenAPI's schema dialect rewritten, one schema object at a time, into the JSON Schema 2020-12
 * the validator runs: 3.0's `nullable`, boolean exclusive bounds and ignored `$ref` siblings,
 * response semantics for `writeOnly` members, int32/int64 ranges, annotations dropped.
 */

/**
 * Markers the conversion leaves on schemas it rewrote, so a violation can be told in the
 * description's own terms (the validator ignores unknown keywords).
 */
export const NULLABLE_WRAPPER = '__sl_nullable';
export const INT_FORMAT = '__sl_format';
export const WRITE_ONLY = '__sl_writeOnly';

const INT_RANGES: Record<string, [number, number]> = {
  int32: [-2147483648, 2147483647],
  // ±2^63: the nearest doubles to the int64 bounds (JSON numbers are doubles here).
  int64: [-(2 ** 63), 2 ** 63],
};

/** Annotations the validator does not need, some of which it would misread (an example's `id`). */
function isAnnotation(key: string): boolean {
  return (
    key === 'example' ||
    key === 'examples' ||
    key === 'xml' ||
    key === 'externalDocs' ||
    key === 'discriminator' ||
    key === 'id' ||
    key.startsWith('x-')
  );
}

/** A `$ref` resolved from the document at `uri` (SchemaPreparer's cache). */
type Resolve = (uri: string, ref: string) => ReturnType<typeof resolveRef>;

/**
 * Rewrites one schema in place. Returns the inner schema when a 3.0 `nullable` without a
 * `type` had to become `anyOf: [null, schema]` (the walk continues there, same location).
 */
export function rewriteSchema(
  s: Obj,
  uri: string,
  version: OpenApiVersion,
  resolve: Resolve,
): Obj | undefined {
  for (const key of Object.keys(s)) if (isAnnotation(key)) delete s[key];
  if (version === '3.0') {
    // OpenAPI 3.0 §4.8.24: a Reference Object's other members are ignored.
    if (typeof s.$ref === 'string') {
      for (const key of Object.keys(s)) if (key !== '$ref') delete s[key];
      return undefined;
    }
    for (const [bound, flag] of [
      ['minimum', 'exclusiveMinimum'],
      ['maximum', 'exclusiveMaximum'],
    ] as const) {
      if (s[flag] === true && typeof s[bound] === 'number') {
        s[flag] = s[bound];
        delete s[bound];
      } else if (typeof s[flag] === 'boolean') delete s[flag];
    }
  }
  writeOnlyMembers(s, uri, resolve);
  if (typeof s.format === 'string') {
    const range = INT_RANGES[s.format];
    if (range) {
      const allOf = Array.isArray(s.allOf) ? s.allOf : (s.allOf = []);
      allOf.push({ minimum: range[0], maximum: range[1], [INT_FORMAT]: s.format });
    }
    if (!Object.hasOwn(KNOWN_FORMATS, s.format)) delete s.format;
  }
  if (version === '3.0' && Object.hasOwn(s, 'nullable')) {
    const nullable = s.nullable === true;
    delete s.nullable;
    if (!nullable) return undefined;
    if (Array.isArray(s.enum) && !s.enum.includes(null)) s.enum = [...(s.enum as unknown[]), null];
    if (typeof s.type === 'string') s.type = [s.type, 'null'];
    else if (s.type === undefined && (s.allOf || s.anyOf || s.oneOf)) {
      const inner: Obj = {};
      for (const key of Object.keys(s)) {
        inner[key] = s[key];
        delete s[key];
      }
      s.anyOf = [{ type: 'null' }, inner];
      s[NULLABLE_WRAPPER] = true;
      return inner;
    }
  }
  return undefined;
}

/** OpenAPI: a writeOnly member "SHOULD NOT be sent as part of the response", and its `required` is for requests only. */
function writeOnlyMembers(s: Obj, uri: string, resolve: Resolve): void {
  const props = s.properties;
  if (!isObj(props)) return;
  for (const name of Object.keys(props)) {
    let p = props[name];
    if (isObj(p) && typeof p.$ref === 'string' && p.writeOnly === undefined) {
      const r = resolve(uri, p.$ref);
      if (r.ok) p = r.at.value;
    }
    if (!isObj(p) || p.writeOnly !== true) continue;
    props[name] = { not: {}, [WRITE_ONLY]: true };
    if (Array.isArray(s.required)) s.required = s.required.filter((r) => r !== name);
  }
}
