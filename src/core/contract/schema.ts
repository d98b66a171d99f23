import { dereference, format as KNOWN_FORMATS, type Schema } from '@cfworker/json-schema';
import { jsonPointer } from '../json/pointer';
import { JSON_TYPES } from '../profiles/types';
import { listOf } from '../text/list';
import { compilePattern } from './pattern';
import { resolveRef, type DocumentSet, type Located } from './refs';
import type { OpenApiVersion } from './types';

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

/** Keywords whose value is one schema. */
const ONE = [
  'additionalProperties',
  'additionalItems',
  'unevaluatedProperties',
  'unevaluatedItems',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'contentSchema',
] as const;
/** Keywords whose value is an array of schemas. */
const MANY = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
/** Keywords whose value maps names to schemas. */
const MAP = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'] as const;
/** Keywords applied to the same instance: a cycle through only these never ends. */
const IN_PLACE_ONE = ['not', 'if', 'then', 'else'] as const;
const IN_PLACE_MANY = ['allOf', 'anyOf', 'oneOf'] as const;

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

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Where each schema object came from, for messages and for disabling the operations using it. */
export interface SchemaInfo {
  uri: string;
  pointer: string;
}

/**
 * Turns the schemas a description's responses use into one validator lookup: rewrites the 3.0
 * dialect into JSON Schema 2020-12 (nullable, boolean exclusive bounds, $ref siblings), applies
 * OpenAPI's response semantics (writeOnly members must not be sent, so are not required), adds
 * int32/int64 ranges, registers every schema under its URI, and finds what cannot be compiled:
 * unresolvable $refs, invalid patterns, $ref cycles that never descend into the instance.
 */
export class SchemaPreparer {
  readonly lookup: Record<string, Schema | boolean> = Object.create(null) as Record<string, Schema | boolean>;
  readonly info = new Map<object, SchemaInfo>();
  /** Schemas that cannot be used, and why (the message names the location). */
  readonly bad = new Map<object, string>();
  private readonly roots: Located[] = [];
  /** Registered once each: a schema many $refs point at is walked by the validator's dereference once. */
  private readonly rooted = new Set<unknown>();
  /** `$ref` resolutions by document and reference: big descriptions repeat the same few thousand. */
  private readonly resolved = new Map<string, ReturnType<typeof resolveRef>>();
  private readonly refTargets = new Map<object, object | boolean>();

  constructor(
    private readonly set: DocumentSet,
    private readonly version: OpenApiVersion,
  ) {}

  /** Where a schema is, as a message shows it: `#/components/schemas/Pet` or `pet.yaml#/Pet`. */
  where(uri: string, pointer: string): string {
    return uri === this.set.mainUri ? `#${pointer}` : `${this.set.nameOf(uri)}#${pointer}`;
  }

  /** Registers a schema found at a schema position; returns the lookup key the validator starts from. */
  add(at: Located): string | undefined {
    if (!isObj(at.value) && typeof at.value !== 'boolean') return undefined;
    this.addRoot(at);
    this.convert(at);
    return keyOf(at);
  }

  private addRoot(at: Located): void {
    // The same object may sit at two locations (a YAML alias); each location needs its key.
    const key = `${keyOf(at)}`;
    if (this.rooted.has(key)) return;
    this.rooted.add(key);
    this.roots.push(at);
  }

  private resolve(uri: string, ref: string): ReturnType<typeof resolveRef> {
    const key = `${uri}\u0000${ref}`;
    let r = this.resolved.get(key);
    if (!r) this.resolved.set(key, (r = resolveRef(this.set, uri, ref)));
    return r;
  }

  private convert(start: Located): void {
    const stack: Located[] = [start];
    while (stack.length > 0) {
      const at = stack.pop()!;
      const s = at.value;
      if (!isObj(s) || this.info.has(s)) continue;
      this.info.set(s, { uri: at.uri, pointer: at.pointer });
      const inner = this.rewrite(s, at);
      const child = (keys: (string | number)[], value: unknown) =>
        stack.push({ value, uri: at.uri, pointer: at.pointer + jsonPointer(keys) });
      const node = inner ?? s;
      if (inner) this.info.set(inner, { uri: at.uri, pointer: at.pointer });
      for (const k of ONE) if (isObj(node[k])) child([k], node[k]);
      if (isObj(node.items)) child(['items'], node.items);
      else if (Array.isArray(node.items)) node.items.forEach((v, i) => child(['items', i], v));
      for (const k of MANY) {
        const arr = node[k];
        if (Array.isArray(arr)) arr.forEach((v, i) => child([k, i], v));
      }
      for (const k of MAP) {
        const m = node[k];
        if (isObj(m)) for (const name of Object.keys(m)) child([k, name], m[name]);
      }
      const ref = node.$ref;
      if (typeof ref === 'string') {
        const r = this.resolve(at.uri, ref);
        if (r.ok && (isObj(r.at.value) || typeof r.at.value === 'boolean')) {
          this.refTargets.set(node, r.at.value as object | boolean);
          this.addRoot(r.at);
          if (!this.info.has(r.at.value as object)) stack.push(r.at);
        } else if (!r.ok && !/uses an anchor/.test(r.message)) {
          this.bad.set(node, `${r.message} (at ${this.where(at.uri, at.pointer)})`);
        }
      }
    }
  }

  /**
   * Rewrites one schema in place. Returns the inner schema when a 3.0 `nullable` without a
   * `type` had to become `anyOf: [null, schema]` (the walk continues there, same location).
   */
  private rewrite(s: Obj, at: Located): Obj | undefined {
    for (const key of Object.keys(s)) if (isAnnotation(key)) delete s[key];
    if (this.version === '3.0') {
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
    this.writeOnlyMembers(s, at);
    if (typeof s.format === 'string') {
      const range = INT_RANGES[s.format];
      if (range) {
        const allOf = Array.isArray(s.allOf) ? s.allOf : (s.allOf = []);
        allOf.push({ minimum: range[0], maximum: range[1], [INT_FORMAT]: s.format });
      }
      if (!Object.prototype.hasOwnProperty.call(KNOWN_FORMATS, s.format)) delete s.format;
    }
    if (this.version === '3.0' && Object.prototype.hasOwnProperty.call(s, 'nullable')) {
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
  private writeOnlyMembers(s: Obj, at: Located): void {
    const props = s.properties;
    if (!isObj(props)) return;
    for (const name of Object.keys(props)) {
      let p = props[name];
      if (isObj(p) && typeof p.$ref === 'string' && p.writeOnly === undefined) {
        const r = this.resolve(at.uri, p.$ref);
        if (r.ok) p = r.at.value;
      }
      if (!isObj(p) || p.writeOnly !== true) continue;
      props[name] = { not: {}, [WRITE_ONLY]: true };
      if (Array.isArray(s.required)) s.required = s.required.filter((r) => r !== name);
    }
  }

  /** Registers everything with the validator and records what cannot be compiled. Call once, after every add(). */
  finish(): void {
    for (const at of this.roots) {
      try {
        dereference(at.value as Schema | boolean, this.lookup, new URL(at.uri), at.pointer);
      } catch (e) {
        if (isObj(at.value))
          this.bad.set(at.value, `${(e as Error).message} (at ${this.where(at.uri, at.pointer)})`);
      }
    }
    for (const [s, { uri, pointer }] of this.info) {
      const o = s as Obj & { __absolute_ref__?: string };
      if (
        typeof o.$ref === 'string' &&
        o.__absolute_ref__ !== undefined &&
        this.lookup[o.__absolute_ref__] === undefined
      ) {
        const target = this.refTargets.get(s);
        if (target !== undefined) this.lookup[o.__absolute_ref__] = target as Schema | boolean;
        else if (!this.bad.has(s))
          this.bad.set(s, `$ref "${o.$ref}" cannot be resolved (at ${this.where(uri, pointer)})`);
      }
      // A typo ("strin") would fail every response with "expected strin": say so once, here.
      const unknownType = (Array.isArray(o.type) ? o.type : [o.type]).find(
        (t) => t !== undefined && !(JSON_TYPES as readonly unknown[]).includes(t),
      );
      if (unknownType !== undefined && !this.bad.has(s)) {
        this.bad.set(
          s,
          `type ${JSON.stringify(unknownType)} is not a JSON Schema type (${listOf(JSON_TYPES, 'or')}) (at ${this.where(uri, pointer + '/type')})`,
        );
        continue;
      }
      const patterns: [string, string][] = [];
      if (typeof o.pattern === 'string') patterns.push([o.pattern, '/pattern']);
      if (isObj(o.patternProperties))
        for (const p of Object.keys(o.patternProperties))
          patterns.push([p, jsonPointer(['patternProperties', p])]);
      for (const [p, where] of patterns) {
        const re = compilePattern(p);
        if ('error' in re) {
          this.bad.set(
            s,
            `pattern ${JSON.stringify(p)} ${/linear-time/.test(re.error) ? 'cannot be used' : 'is not a valid regular expression'}: ${re.error} (at ${this.where(uri, pointer + where)})`,
          );
          break;
        }
      }
    }
    this.findInPlaceCycles();
  }

  private target(s: Obj): unknown {
    const abs = (s as { __absolute_ref__?: string }).__absolute_ref__;
    return abs === undefined ? undefined : this.lookup[abs];
  }

  private inPlaceChildren(s: Obj): Obj[] {
    const out: Obj[] = [];
    const t = this.target(s);
    if (isObj(t)) out.push(t);
    for (const k of IN_PLACE_ONE) if (isObj(s[k])) out.push(s[k]);
    for (const k of IN_PLACE_MANY) {
      const arr = s[k];
      if (Array.isArray(arr)) for (const v of arr) if (isObj(v)) out.push(v);
    }
    return out;
  }

  /** `A: {$ref: B}`, `B: {allOf: [{$ref: A}]}`: validating any value would recurse forever. */
  private findInPlaceCycles(): void {
    const state = new Map<Obj, 1 | 2>(); // 1: on the stack, 2: done
    for (const start of this.info.keys()) {
      if (state.has(start as Obj)) continue;
      const stack: { s: Obj; kids: Obj[]; i: number }[] = [
        { s: start as Obj, kids: this.inPlaceChildren(start as Obj), i: 0 },
      ];
      state.set(start as Obj, 1);
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        if (top.i === top.kids.length) {
          state.set(top.s, 2);
          stack.pop();
          continue;
        }
        const kid = top.kids[top.i++]!;
        const st = state.get(kid);
        if (st === 1) {
          const i = this.info.get(kid);
          const where = i ? this.where(i.uri, i.pointer) : 'a schema';
          this.bad.set(
            kid,
            `circular schema: ${where} refers back to itself without descending into a property or item, so no value could ever be checked against it`,
          );
        } else if (st === undefined) {
          state.set(kid, 1);
          stack.push({ s: kid, kids: this.inPlaceChildren(kid), i: 0 });
        }
      }
    }
  }

  /** Why the schema at `key` cannot be used (it or a schema it reaches is bad), or undefined. */
  problemFor(key: string): string | undefined {
    if (this.bad.size === 0) return undefined;
    const root = this.lookup[key];
    if (!isObj(root)) return undefined;
    const seen = new Set<Obj>();
    const stack: Obj[] = [root];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      const why = this.bad.get(s);
      if (why) return why;
      const t = this.target(s) ?? this.refTargets.get(s);
      if (isObj(t)) stack.push(t);
      for (const k of ONE) if (isObj(s[k])) stack.push(s[k]);
      if (isObj(s.items)) stack.push(s.items);
      else if (Array.isArray(s.items)) for (const v of s.items) if (isObj(v)) stack.push(v);
      for (const k of MANY) {
        const arr = s[k];
        if (Array.isArray(arr)) for (const v of arr) if (isObj(v)) stack.push(v);
      }
      for (const k of MAP) {
        const m = s[k];
        if (isObj(m)) for (const v of Object.values(m)) if (isObj(v)) stack.push(v);
      }
    }
    return undefined;
  }
}

/** The lookup key cfworker's dereference gives a schema registered at a document location. */
export function keyOf(at: { uri: string; pointer: string }): string {
  return at.uri + (at.pointer ? '#' + at.pointer : '');
}
