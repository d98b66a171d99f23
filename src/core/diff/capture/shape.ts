import { isIdSegment } from '../../endpoints/route-template';
import { jsonType, type JsonType, type JsonValue } from '../../json/walk';

/**
 * A response shape inferred from the JSON bodies seen: every member path with the JSON types
 * found there. Bounded on every axis, since bodies are untrusted and captures are large:
 * members deeper than MAX_SHAPE_DEPTH are typed but not entered, arrays are sampled by their
 * first items, each body is walked for at most a node budget, and a shape keeps at most
 * MAX_SHAPE_MEMBERS paths (then says it is truncated). The walk uses an explicit stack, so
 * 100,000 levels of nesting cost the depth limit, not the call stack.
 */

/** In a fixed order, so a set of types always reads the same ("string|null"); a type's bit is its index. */
export const JSON_TYPES: readonly JsonType[] = ['object', 'array', 'string', 'number', 'boolean', 'null'];

/** Member paths kept per endpoint and status family. */
export const MAX_SHAPE_MEMBERS = 200;
/** Levels below the body entered. */
export const MAX_SHAPE_DEPTH = 8;
/** Items of each array read for their shape. */
export const MAX_ARRAY_ITEMS = 16;
/** Values visited per body. */
export const MAX_SHAPE_NODES = 2_000;

/** The path segment for "any item of this array". */
export const ARRAY_ITEMS = '[]';
/** The path segment for a member whose name is an id (`{"42": …}`, a map keyed by id). */
export const ID_MEMBER = '{id}';

export interface ShapeMember {
  /** JSON Pointer-like: `/items/[]/id`; '' is the body itself. Names escaped as RFC 6901 (~0, ~1). */
  path: string;
  types: JsonType[];
  /** How many bodies had this member. */
  seen: number;
}

export interface ShapeSummary {
  /** JSON bodies the shape was inferred from. */
  bodies: number;
  /** True when some member was not kept (over MAX_SHAPE_MEMBERS). */
  truncated: boolean;
  /** Sorted by path. */
  members: ShapeMember[];
}

function typeBit(v: JsonValue): number {
  return 1 << JSON_TYPES.indexOf(jsonType(v));
}

export function typesOf(bits: number): JsonType[] {
  return JSON_TYPES.filter((_, i) => (bits & (1 << i)) !== 0);
}

/** Member names repeat in every body of an API: each is escaped and tested for an id once. */
const SEGMENTS = new Map<string, string>();
const MAX_CACHED_SEGMENTS = 4_096;

function segment(name: string): string {
  let seg = SEGMENTS.get(name);
  if (seg !== undefined) return seg;
  seg = isIdSegment(name) ? ID_MEMBER : name.replace(/~/g, '~0').replace(/\//g, '~1');
  if (SEGMENTS.size >= MAX_CACHED_SEGMENTS) SEGMENTS.clear();
  SEGMENTS.set(name, seg);
  return seg;
}

interface MemberTally {
  types: number;
  seen: number;
  /** The body that last counted in `seen`: an array's items share one path. */
  lastBody: number;
}

export class ShapeTally {
  private readonly members = new Map<string, MemberTally>();
  bodies = 0;
  truncated = false;

  /** One parsed JSON body. */
  add(root: JsonValue): void {
    const body = ++this.bodies;
    // Three parallel stacks rather than an object per value: this runs for every body.
    const values: JsonValue[] = [root];
    const paths: string[] = [''];
    const depths: number[] = [0];
    let budget = MAX_SHAPE_NODES;
    while (values.length > 0 && budget-- > 0) {
      const v = values.pop()!;
      const path = paths.pop()!;
      const depth = depths.pop()!;
      let m = this.members.get(path);
      if (!m) {
        if (this.members.size >= MAX_SHAPE_MEMBERS) {
          this.truncated = true;
          continue;
        }
        m = { types: 0, seen: 0, lastBody: 0 };
        this.members.set(path, m);
      }
      m.types |= typeBit(v);
      if (m.lastBody !== body) {
        m.lastBody = body;
        m.seen++;
      }
      if (depth >= MAX_SHAPE_DEPTH || v === null || typeof v !== 'object') continue;
      if (Array.isArray(v)) {
        const items = `${path}/${ARRAY_ITEMS}`;
        for (let i = Math.min(v.length, MAX_ARRAY_ITEMS) - 1; i >= 0; i--) {
          values.push(v[i] as JsonValue);
          paths.push(items);
          depths.push(depth + 1);
        }
      } else {
        // Own enumerable keys only: a member named __proto__ is data, never the prototype.
        const keys = Object.keys(v);
        if (keys.length > budget) this.truncated = true;
        for (let i = Math.min(keys.length, budget) - 1; i >= 0; i--) {
          const k = keys[i]!;
          values.push(v[k] as JsonValue);
          paths.push(`${path}/${segment(k)}`);
          depths.push(depth + 1);
        }
      }
    }
    // Members past the budget went unseen: absence from this shape proves nothing about them.
    if (values.length > 0) this.truncated = true;
  }

  /** Takes in another tally's bodies (two endpoints found to be one: summary.ts), within the same bounds. */
  absorb(other: ShapeTally): void {
    for (const [path, m] of other.members) {
      const mine = this.members.get(path);
      if (mine) {
        mine.types |= m.types;
        mine.seen += m.seen;
      } else if (this.members.size < MAX_SHAPE_MEMBERS) {
        this.members.set(path, { types: m.types, seen: m.seen, lastBody: 0 });
      } else this.truncated = true;
    }
    this.bodies += other.bodies;
    if (other.truncated) this.truncated = true;
  }

  summary(): ShapeSummary {
    const members: ShapeMember[] = [];
    for (const [path, m] of this.members) members.push({ path, types: typesOf(m.types), seen: m.seen });
    members.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { bodies: this.bodies, truncated: this.truncated, members };
  }
}

/** A member path as people read it: "(body)" for the root. */
export function showPath(path: string): string {
  return path === '' ? '(body)' : path;
}
