import { dereference, type Schema } from '@cfworker/json-schema';
import { jsonPointer } from '../json/pointer';
import { SCHEMA_TYPES } from '../profiles/types';
import { listOf } from '../text/list';
import { compilePattern } from './pattern';
import { resolveRef, type DocumentSet, type Located } from './refs';
import { findInPlaceCycles } from './schema-cycles';
import { rewriteSchema } from './schema-dialect';
import { IN_PLACE_MANY, IN_PLACE_ONE, isObj, MANY, MAP, ONE, type Obj } from './schema-keywords';
import type { OpenApiVersion } from './types';

export { INT_FORMAT, NULLABLE_WRAPPER, WRITE_ONLY } from './schema-dialect';

/** Where each schema object came from, for messages and for disabling the operations using it. */
export interface SchemaInfo {
  uri: string;
  pointer: string;
}

/**
 * Turns the schemas a description's responses use into one validator lookup: rewrites the 3.0
 * dialect into JSON Schema 2020-12 (nullable, boolean exclusive bounds, $ref siblings), applies
 * OpenAPI's response semantics (writeOnly members must not be sent, so are not required), adds
 * int32/int64 ranges (each schema object by schema-dialect.ts), registers every schema under its
 * URI, and finds what cannot be compiled: unresolvable $refs, invalid patterns, $ref cycles that
 * never descend into the instance (schema-cycles.ts).
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
  /** `resolve` as the dialect rewrite (schema-dialect.ts) calls it: one function for every schema. */
  private readonly resolveBound = (uri: string, ref: string) => this.resolve(uri, ref);

  constructor(
    private readonly set: DocumentSet,
    private readonly version: OpenApiVersion,
  ) {}

  /** Where a schema is, as a message shows it: `#/components/schemas/Pet` or `pet.yaml#/Pet`. */
  where(uri: string, pointer: string): string {
    return uri === this.set.mainUri ? `#${pointer}` : `${this.set.nameOf(uri)}#${pointer}`;
  }

  /**
   * Where a schema is, the main document named too (`openapi.yaml#/paths/…`): for a finding's
   * schema location, which no document name precedes (two descriptions would read alike).
   */
  named(uri: string, pointer: string): string {
    return `${this.set.nameOf(uri)}#${pointer}`;
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
      const inner = rewriteSchema(s, at.uri, this.version, this.resolveBound);
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
        (t) => t !== undefined && !(SCHEMA_TYPES as readonly unknown[]).includes(t),
      );
      if (unknownType !== undefined && !this.bad.has(s)) {
        this.bad.set(
          s,
          `type ${JSON.stringify(unknownType)} is not a JSON Schema type (${listOf(SCHEMA_TYPES, 'or')}) (at ${this.where(uri, pointer + '/type')})`,
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
    findInPlaceCycles(
      this.info.keys(),
      (s) => this.inPlaceChildren(s),
      (s) => {
        const i = this.info.get(s);
        const where = i ? this.where(i.uri, i.pointer) : 'a schema';
        this.bad.set(
          s,
          `circular schema: ${where} refers back to itself without descending into a property or item, so no value could ever be checked against it`,
        );
      },
    );
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
