export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The kinds of JSON value, as the JSON diff and the capture diff's shapes name them. */
export type JsonType = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/** A value's kind: `typeof`, with arrays and null told apart. */
export function jsonType(v: JsonValue): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  if (t === 'object') return 'object';
  return t as 'string' | 'number' | 'boolean';
}

export function isJsonObject(v: unknown): v is Record<string, JsonValue> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Any object, arrays included; not null. The first test of a message between contexts or a
 * value read back from storage, whose members are checked by name next (`type`, `jobId`, `rev`…):
 * no array has those, so letting one through here changes no answer, and a structured-cloned
 * message is no JSON (ArrayBuffers, Blobs), so its members are `unknown`, not JsonValue. Also
 * a JSON container, object or array, where the two are handled alike (the JSON tree, an enum
 * that `===` cannot compare). Where an array is wrong, use isJsonObject.
 */
export function isObjectOrArray(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Own-property read that never reaches Object.prototype (a body may have a key named `__proto__`). */
export function member(obj: unknown, key: string): JsonValue | undefined {
  if (!isJsonObject(obj)) return undefined;
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

export interface WalkVisit {
  value: JsonValue;
  path: (string | number)[];
  depth: number;
}

/**
 * Visits JSON values depth-first with an explicit stack, so 100,000 levels of nesting cannot
 * overflow the call stack. Stops after `maxNodes` visits to bound time on huge bodies.
 * Return false from `visit` to skip a node's children.
 */
export function walkJson(
  root: JsonValue,
  visit: (v: WalkVisit) => boolean | void,
  { maxNodes = 200_000, maxDepth = 64 }: { maxNodes?: number; maxDepth?: number } = {},
): void {
  const stack: WalkVisit[] = [{ value: root, path: [], depth: 0 }];
  let seen = 0;
  while (stack.length > 0 && seen < maxNodes) {
    const node = stack.pop()!;
    seen++;
    if (visit(node) === false || node.depth >= maxDepth) continue;
    const v = node.value;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ value: v[i] as JsonValue, path: [...node.path, i], depth: node.depth + 1 });
      }
    } else if (isJsonObject(v)) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        stack.push({ value: v[k] as JsonValue, path: [...node.path, k], depth: node.depth + 1 });
      }
    }
  }
}
