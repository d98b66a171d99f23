import { jsonPointer } from '../../json/pointer';
import { walkJson, type JsonValue } from '../../json/walk';
import type { RuleContext } from '../types';

export interface BodyHit<T> {
  value: T;
  /** Set when the hit sits inside a JSON string member (never for the document root). */
  pointer?: string;
}

interface JsonStrings {
  strings: { path: (string | number)[]; text: string }[];
  /** The walk stopped at its bounds, so some strings were never seen. */
  truncated: boolean;
}

const MAX_NODES = 100_000;
const MAX_DEPTH = 64;

/** Several scanning rules read the same body: walk each parsed document once. */
const cache = new WeakMap<object, JsonStrings>();

/** String members of a JSON document, adding up to at most `budget` characters. */
function jsonStrings(root: JsonValue, budget: number): JsonStrings {
  const key = typeof root === 'object' && root !== null ? root : undefined;
  const cached = key && cache.get(key);
  if (cached) return cached;
  const out: JsonStrings = { strings: [], truncated: false };
  let visited = 0;
  walkJson(
    root,
    ({ value, path, depth }) => {
      if (budget <= 0) {
        out.truncated = true;
        return false;
      }
      visited++;
      if (typeof value === 'string') {
        const text = value.length > budget ? value.slice(0, budget) : value;
        budget -= text.length;
        out.strings.push({ path, text });
      } else if (depth >= MAX_DEPTH && value !== null && typeof value === 'object') {
        out.truncated = true;
      }
      return undefined;
    },
    { maxNodes: MAX_NODES, maxDepth: MAX_DEPTH },
  );
  if (visited >= MAX_NODES) out.truncated = true;
  if (key) cache.set(key, out);
  return out;
}

/**
 * Runs `detect` over a response body and returns at most `max` hits. For parsed JSON each string
 * member is scanned on its own: the hit can then name its member (`/trace`), and JSON escapes such
 * as `\n\tat …` are already decoded. The strings scanned add up to no more than the engine-capped
 * text. When the walk hits its bounds without finding anything, the raw text is scanned instead.
 */
export function scanBody<T>(ctx: RuleContext, detect: (text: string) => T[], max: number): BodyHit<T>[] {
  const text = ctx.text;
  if (text === undefined || text.length === 0 || max <= 0) return [];
  const out: BodyHit<T>[] = [];
  if (ctx.json.kind === 'ok') {
    const { strings, truncated } = jsonStrings(ctx.json.value, text.length);
    for (const { path, text: s } of strings) {
      for (const hit of detect(s)) {
        if (out.length >= max) return out;
        out.push(path.length > 0 ? { value: hit, pointer: jsonPointer(path) } : { value: hit });
      }
    }
    if (out.length > 0 || !truncated) return out;
  }
  for (const hit of detect(text)) {
    if (out.length >= max) break;
    out.push({ value: hit });
  }
  return out;
}

/**
 * A one-line quote of at most `max` characters starting at `start`: whitespace runs (including
 * the newlines of a trace) collapse to one space. Reads a bounded slice, so it is cheap on huge text.
 */
export function excerpt(text: string, start: number, max = 80): string {
  const s = text
    .slice(start, start + max * 2)
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Where the line holding `index` starts, looking back at most `limit` characters. */
export function lineStart(text: string, index: number, limit = 80): number {
  const floor = Math.max(0, index - limit);
  for (let i = index - 1; i >= floor; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return i + 1;
  }
  return floor;
}
