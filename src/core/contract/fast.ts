import { format as FORMATS, ucs2length, type Schema } from '@cfworker/json-schema';
import { compilePattern } from './pattern';
import { isObjectOrArray } from '../json/walk';

/**
 * A fast "is it valid?" for the common shape of response schemas, built from closures (no code
 * generation, so the MV3 CSP is kept). Most traffic conforms, and the interpreting validator
 * re-reads every keyword of every schema for every value: on a 4 MB array of items that is
 * seconds. This answers `true` only when it is sure; `false` (or a keyword it does not know)
 * sends the value to the full validator, which finds and explains the violations.
 */
type Check = (v: unknown) => boolean;

/** Keywords that never make a value invalid. */
const ANNOTATIONS = new Set([
  'description',
  'title',
  'summary',
  'readOnly',
  'writeOnly',
  'deprecated',
  'default',
  'examples',
  'example',
  '$comment',
  '$schema',
  '$id',
  '$anchor',
  '$defs',
  'definitions',
  'contentMediaType',
  'contentEncoding',
  '__sl_format',
  '__sl_nullable',
]);

const KNOWN = new Set([
  ...ANNOTATIONS,
  'type',
  'properties',
  'required',
  'items',
  'additionalProperties',
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'allOf',
  '$ref',
]);

const NEVER: Check = () => false;
const ALWAYS: Check = () => true;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function fitsType(v: unknown, t: unknown): boolean {
  const actual = typeOf(v);
  if (actual === t) return true;
  return t === 'integer' && actual === 'number' && (v as number) % 1 === 0;
}

export class FastValidator {
  private readonly compiled = new WeakMap<object, Check>();

  constructor(private readonly lookup: Record<string, Schema | boolean>) {}

  /** True only when `value` surely satisfies the schema at `key`. */
  valid(key: string, value: unknown): boolean {
    const root = this.lookup[key];
    if (root === undefined) return false;
    try {
      return this.check(root)(value);
    } catch {
      // A deep value can exhaust the stack: the full validator will report what it can.
      return false;
    }
  }

  private check(schema: Schema | boolean): Check {
    if (schema === true) return ALWAYS;
    if (schema === false) return NEVER;
    let c = this.compiled.get(schema);
    // Children are looked up when a value reaches them, so recursive schemas compile fine.
    if (!c) this.compiled.set(schema, (c = this.compile(schema)));
    return c;
  }

  private compile(s: Schema): Check {
    for (const k of Object.keys(s)) if (!KNOWN.has(k)) return NEVER;
    const checks: Check[] = [];
    const ref = (s as { __absolute_ref__?: string }).__absolute_ref__;
    if (typeof s.$ref === 'string') {
      const target = ref === undefined ? undefined : this.lookup[ref];
      if (target === undefined) return NEVER;
      checks.push((v) => this.check(target)(v));
    }
    const type = s.type;
    if (Array.isArray(type)) checks.push((v) => type.some((t) => fitsType(v, t)));
    else if (type !== undefined) checks.push((v) => fitsType(v, type));
    if (s.enum !== undefined) {
      const values = s.enum as unknown[];
      if (values.some(isObjectOrArray)) return NEVER;
      checks.push((v) => values.includes(v));
    }
    if (s.const !== undefined) {
      const want = s.const as unknown;
      if (isObjectOrArray(want)) return NEVER;
      checks.push((v) => v === want);
    }
    const num = (k: string) => (typeof s[k] === 'number' ? (s[k] as number) : undefined);
    const min = num('minimum');
    const max = num('maximum');
    const xmin = num('exclusiveMinimum');
    const xmax = num('exclusiveMaximum');
    if (min !== undefined || max !== undefined || xmin !== undefined || xmax !== undefined)
      checks.push(
        (v) =>
          typeof v !== 'number' ||
          ((min === undefined || v >= min) &&
            (max === undefined || v <= max) &&
            (xmin === undefined || v > xmin) &&
            (xmax === undefined || v < xmax)),
      );
    const minLength = num('minLength');
    const maxLength = num('maxLength');
    if (minLength !== undefined || maxLength !== undefined)
      checks.push((v) => {
        if (typeof v !== 'string') return true;
        const n = ucs2length(v);
        return (minLength === undefined || n >= minLength) && (maxLength === undefined || n <= maxLength);
      });
    if (typeof s.pattern === 'string') {
      // RE2, never V8's backtracking engine: the pattern and the string are both untrusted.
      const re = compilePattern(s.pattern);
      if ('error' in re) return NEVER;
      checks.push((v) => typeof v !== 'string' || re.test(v));
    }
    if (typeof s.format === 'string' && Object.hasOwn(FORMATS, s.format)) {
      const f = FORMATS[s.format]!;
      checks.push((v) => typeof v !== 'string' || f(v));
    }
    const minItems = num('minItems');
    const maxItems = num('maxItems');
    if (minItems !== undefined || maxItems !== undefined)
      checks.push(
        (v) =>
          !Array.isArray(v) ||
          ((minItems === undefined || v.length >= minItems) &&
            (maxItems === undefined || v.length <= maxItems)),
      );
    if (s.items !== undefined) {
      if (Array.isArray(s.items)) return NEVER;
      const items = s.items as Schema | boolean;
      checks.push((v) => {
        if (!Array.isArray(v)) return true;
        const c = this.check(items);
        for (const x of v) if (!c(x)) return false;
        return true;
      });
    }
    const minProps = num('minProperties');
    const maxProps = num('maxProperties');
    const required = Array.isArray(s.required) ? (s.required as string[]) : [];
    const props =
      s.properties && typeof s.properties === 'object'
        ? (s.properties as Record<string, Schema | boolean>)
        : undefined;
    const additional = s.additionalProperties as Schema | boolean | undefined;
    if (
      required.length ||
      props ||
      additional !== undefined ||
      minProps !== undefined ||
      maxProps !== undefined
    ) {
      const names = props ? Object.keys(props) : [];
      checks.push((v) => {
        if (typeOf(v) !== 'object') return true;
        const o = v as Record<string, unknown>;
        for (const r of required) if (!Object.hasOwn(o, r)) return false;
        if (props)
          for (const n of names) if (Object.hasOwn(o, n) && !this.check(props[n]!)(o[n])) return false;
        if (additional !== undefined || minProps !== undefined || maxProps !== undefined) {
          let count = 0;
          for (const k in o) {
            if (!Object.hasOwn(o, k)) continue;
            count++;
            if (additional === undefined || (props && Object.hasOwn(props, k))) continue;
            if (!this.check(additional)(o[k])) return false;
          }
          if (minProps !== undefined && count < minProps) return false;
          if (maxProps !== undefined && count > maxProps) return false;
        }
        return true;
      });
    }
    if (Array.isArray(s.allOf)) {
      const parts = s.allOf as (Schema | boolean)[];
      checks.push((v) => parts.every((p) => this.check(p)(v)));
    }
    if (checks.length === 0) return ALWAYS;
    if (checks.length === 1) return checks[0]!;
    return (v) => {
      for (const c of checks) if (!c(v)) return false;
      return true;
    };
  }
}
