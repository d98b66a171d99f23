import { jsonPointer, parsePointer } from '../../core/json/pointer';
import { isObjectOrArray, type JsonValue } from '../../core/json/walk';

/*
 * Everything here is iterative: a response can nest 20,000 levels deep, and a recursive walk
 * would overflow the call stack long before the browser ran out of memory.
 * Containers are identified by reference: JSON.parse gives every object and array its own.
 */

export type JsonContainer = JsonValue[] | { [key: string]: JsonValue };
export type TreeKey = string | number | null;

export function isContainer(v: JsonValue): v is JsonContainer {
  return isObjectOrArray(v);
}

export function childCount(v: JsonContainer): number {
  return Array.isArray(v) ? v.length : Object.keys(v).length;
}

export interface TreeRow {
  depth: number;
  /** Member name, array index, or null for the root. */
  key: TreeKey;
  value: JsonValue;
  /** The container this value sits in; undefined for the root. */
  holder: JsonContainer | undefined;
  /** Index of the parent row, -1 for the root. */
  parent: number;
  /** Children of a container, -1 for a primitive. */
  size: number;
  expanded: boolean;
}

interface Pending {
  value: JsonValue;
  key: TreeKey;
  holder: JsonContainer | undefined;
  parent: number;
  depth: number;
}

/** The visible rows, depth-first: a container's children follow it only when it is expanded. */
export function flattenTree(root: JsonValue, expanded: ReadonlySet<object>): TreeRow[] {
  const rows: TreeRow[] = [];
  const stack: Pending[] = [{ value: root, key: null, holder: undefined, parent: -1, depth: 0 }];
  while (stack.length > 0) {
    const p = stack.pop()!;
    const index = rows.length;
    const v = p.value;
    if (!isContainer(v)) {
      rows.push({
        depth: p.depth,
        key: p.key,
        value: v,
        holder: p.holder,
        parent: p.parent,
        size: -1,
        expanded: false,
      });
      continue;
    }
    const open = expanded.has(v);
    if (Array.isArray(v)) {
      rows.push({
        depth: p.depth,
        key: p.key,
        value: v,
        holder: p.holder,
        parent: p.parent,
        size: v.length,
        expanded: open,
      });
      if (open) {
        for (let i = v.length - 1; i >= 0; i--) {
          stack.push({ value: v[i] as JsonValue, key: i, holder: v, parent: index, depth: p.depth + 1 });
        }
      }
    } else {
      const keys = Object.keys(v);
      rows.push({
        depth: p.depth,
        key: p.key,
        value: v,
        holder: p.holder,
        parent: p.parent,
        size: keys.length,
        expanded: open,
      });
      if (open) {
        for (let i = keys.length - 1; i >= 0; i--) {
          const k = keys[i]!;
          stack.push({ value: v[k] as JsonValue, key: k, holder: v, parent: index, depth: p.depth + 1 });
        }
      }
    }
  }
  return rows;
}

/** Path segments of a row, root first, following parent links. */
export function rowPath(rows: readonly TreeRow[], index: number): (string | number)[] {
  const path: (string | number)[] = [];
  let i = index;
  while (i >= 0) {
    const row = rows[i]!;
    if (row.key !== null) path.push(row.key);
    i = row.parent;
  }
  return path.reverse();
}

export function rowPointer(rows: readonly TreeRow[], index: number): string {
  return jsonPointer(rowPath(rows, index));
}

/**
 * What to open at first: the root, then breadth-first whole levels of small containers while
 * the visible row count stays under `budget`, to at most `maxDepth` levels.
 */
export function initialExpansion(root: JsonValue, budget = 200, maxDepth = 3): Set<object> {
  const open = new Set<object>();
  if (!isContainer(root)) return open;
  open.add(root);
  let rows = 1 + childCount(root);
  let level: JsonContainer[] = [root];
  for (let depth = 1; depth < maxDepth && level.length > 0; depth++) {
    const next: JsonContainer[] = [];
    for (const c of level) {
      const children: JsonValue[] = Array.isArray(c) ? c : Object.values(c);
      for (const child of children) {
        if (!isContainer(child)) continue;
        const n = childCount(child);
        if (rows + n > budget) return open;
        open.add(child);
        rows += n;
        next.push(child);
      }
    }
    level = next;
  }
  return open;
}

/** Opens `from` and every container below it, stopping after `cap` containers so the row count stays bounded. */
export function expandSubtree(from: JsonValue, into: Set<object>, cap = 5_000): boolean {
  const stack: JsonValue[] = [from];
  let added = 0;
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (!isContainer(v)) continue;
    if (added >= cap) return false;
    into.add(v);
    added++;
    const children: JsonValue[] = Array.isArray(v) ? v : Object.values(v);
    for (let i = children.length - 1; i >= 0; i--) if (isContainer(children[i]!)) stack.push(children[i]!);
  }
  return true;
}

/** A member located in the document: its container (undefined for the root) and its key there. */
export interface Located {
  holder: JsonContainer | undefined;
  key: TreeKey;
  value: JsonValue;
  /** Containers from the root down to `holder`, all of which must be open to show the member. */
  ancestors: JsonContainer[];
}

const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;

/** Resolves an RFC 6901 pointer; undefined when it names nothing in this document. */
export function resolvePointer(root: JsonValue, pointer: string): Located | undefined {
  if (pointer !== '' && !pointer.startsWith('/')) return undefined;
  const segments = parsePointer(pointer);
  const ancestors: JsonContainer[] = [];
  let holder: JsonContainer | undefined;
  let key: TreeKey = null;
  let value: JsonValue = root;
  for (const seg of segments) {
    if (!isContainer(value)) return undefined;
    if (Array.isArray(value)) {
      if (!ARRAY_INDEX.test(seg) || Number(seg) >= value.length) return undefined;
      ancestors.push(value);
      holder = value;
      key = Number(seg);
      value = value[key] as JsonValue;
    } else {
      if (!Object.hasOwn(value, seg)) return undefined;
      ancestors.push(value);
      holder = value;
      key = seg;
      value = value[seg] as JsonValue;
    }
  }
  return { holder, key, value, ancestors };
}

export interface SearchResult {
  matches: Located[];
  /** The search stopped early (match or node cap); more may exist. */
  truncated: boolean;
}

interface Frame {
  value: JsonValue;
  key: TreeKey;
  holder: JsonContainer | undefined;
  up: Frame | null;
}

function primitiveText(v: JsonValue): string {
  return v === null ? 'null' : String(v);
}

/**
 * Members whose name or primitive value contains `query` (case-insensitive), in document order.
 * Capped in matches and in nodes visited so a keystroke on a 5 MB body stays quick.
 */
export function searchJson(
  root: JsonValue,
  query: string,
  maxMatches = 1_000,
  maxNodes = 2_000_000,
): SearchResult {
  const q = query.toLowerCase();
  const matches: Located[] = [];
  if (q === '') return { matches, truncated: false };
  const stack: Frame[] = [{ value: root, key: null, holder: undefined, up: null }];
  let visited = 0;
  while (stack.length > 0) {
    if (matches.length >= maxMatches || visited >= maxNodes) return { matches, truncated: true };
    const f = stack.pop()!;
    visited++;
    const v = f.value;
    const keyHit = typeof f.key === 'string' && f.key.toLowerCase().includes(q);
    const valueHit = !isContainer(v) && primitiveText(v).toLowerCase().includes(q);
    if (keyHit || valueHit) {
      const ancestors: JsonContainer[] = [];
      for (let a = f.up; a !== null; a = a.up) ancestors.push(a.value as JsonContainer);
      matches.push({ holder: f.holder, key: f.key, value: v, ancestors: ancestors.reverse() });
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--)
        stack.push({ value: v[i] as JsonValue, key: i, holder: v, up: f });
    } else if (isContainer(v)) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--)
        stack.push({ value: v[keys[i]!] as JsonValue, key: keys[i]!, holder: v, up: f });
    }
  }
  return { matches, truncated: false };
}

/** Row indices of located members in a flattened tree, in row order; members hidden under closed containers are left out. */
export function rowsOf(rows: readonly TreeRow[], located: readonly Located[]): number[] {
  if (located.length === 0) return [];
  const byHolder = new Map<object | undefined, Set<TreeKey>>();
  for (const l of located) {
    let keys = byHolder.get(l.holder);
    if (!keys) byHolder.set(l.holder, (keys = new Set()));
    keys.add(l.key);
  }
  const out: number[] = [];
  rows.forEach((row, i) => {
    if (byHolder.get(row.holder)?.has(row.key)) out.push(i);
  });
  return out;
}
