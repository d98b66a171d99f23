import { jsonPointer } from '../json/pointer';
import type { JsonValue } from '../json/walk';
import type { RuleContext } from '../rules/types';
import { hintsIn, type Detector } from './hints';
import { clip } from '../text/clip';

export interface BodyHit<T> {
  value: T;
  /** Set when the hit sits inside a JSON string member (never for the document root). */
  pointer?: string;
}

const MAX_NODES = 100_000;
const MAX_DEPTH = 64;

type Path = (string | number)[];

/**
 * Visits a document's string members depth-first in document order, trimmed so that they add
 * up to at most `budget` characters, without recursing and without copying a path per node.
 * `onString` may return false to stop. With `withPaths`, it also gets the string's path as the
 * first `depth` entries of `path` (a buffer it must not keep); without, members are read with
 * `Object.values`, which is much cheaper than a lookup per key. Returns true when bounds (node
 * count, depth, budget) left some strings unseen.
 */
function walkStrings(
  root: JsonValue,
  budget: number,
  onString: (text: string, path: readonly (string | number)[], depth: number) => boolean | void,
  withPaths = false,
): boolean {
  const lists: JsonValue[][] = []; // each open container's members, in document order
  const keyLists: (string[] | undefined)[] = []; // with paths: their keys (undefined for arrays)
  const cursors: number[] = [];
  const path: Path = [];
  let truncated = false;
  let visited = 0;
  let node: JsonValue | undefined = root;
  let depth = 0;
  for (;;) {
    if (visited >= MAX_NODES || budget <= 0) return true;
    visited++;
    if (typeof node === 'string') {
      const text = node.length > budget ? node.slice(0, budget) : node;
      budget -= text.length;
      if (onString(text, path, depth) === false) return truncated;
    } else if (node !== null && typeof node === 'object') {
      if (depth >= MAX_DEPTH) truncated = true;
      else if (Array.isArray(node)) {
        lists.push(node);
        if (withPaths) keyLists.push(undefined);
        cursors.push(0);
      } else {
        lists.push(Object.values(node));
        if (withPaths) keyLists.push(Object.keys(node));
        cursors.push(0);
      }
    }
    // Step to the next node in document order, leaving finished containers.
    for (;;) {
      const top = lists.length - 1;
      if (top < 0) return truncated || visited >= MAX_NODES;
      const i = cursors[top]!;
      const list = lists[top]!;
      if (i < list.length) {
        cursors[top] = i + 1;
        node = list[i];
        if (withPaths) path[top] = keyLists[top]?.[i] ?? i;
        depth = top + 1;
        break;
      }
      lists.pop();
      if (withPaths) keyLists.pop();
      cursors.pop();
    }
  }
}

/** The JSON path of the `ordinal`-th string `walkStrings` reports. */
function pathOf(root: JsonValue, budget: number, ordinal: number): Path {
  let seen = 0;
  let found: Path = [];
  walkStrings(
    root,
    budget,
    (_text, path, depth) => {
      if (seen++ < ordinal) return true;
      found = path.slice(0, depth);
      return false;
    },
    true,
  );
  return found;
}

/** A string member holding some detector's hint. */
interface Candidate {
  ordinal: number;
  text: string;
  bits: number;
}

interface JsonScan {
  root: JsonValue;
  budget: number;
  candidates: Candidate[];
  truncated: boolean;
}

/**
 * The last context's scan, and nothing older. The engine runs every rule on one exchange before
 * the next, so one slot serves all three scanning rules. It is not a WeakMap keyed by context:
 * V8's young-generation collector keeps a WeakMap's values alive while it runs, so every body
 * (a scan holds its text) outlived its exchange and was copied out of the young generation:
 * 220 MB of promotion and a tenth of the CLI's time in collection on the bench's small-calls
 * HAR, against 12 MB without.
 */
class LastScan<T> {
  private ctx: RuleContext | undefined;
  private scan: T | undefined;

  get(ctx: RuleContext): T | undefined {
    return ctx === this.ctx ? this.scan : undefined;
  }

  set(ctx: RuleContext, scan: T): void {
    this.ctx = ctx;
    this.scan = scan;
  }
}

/*
 * The three scanning rules read the same body: look for hints once per rule context, and walk
 * the document once, keeping only the strings worth a closer look. Checked against the
 * context's document and text too, in case a caller reuses one.
 */
const jsonScans = new LastScan<JsonScan>();
const textScans = new LastScan<TextScan>();

/** What one pass over a body's raw text tells every scanning rule. */
interface TextScan {
  text: string;
  /** The detectors with a hint in the text. */
  bits: number;
  /** Whether a `\u` or `\/` escape could spell a hint that the raw text does not show (computed on first use). */
  escapes?: boolean;
}

function jsonScan(ctx: RuleContext, root: JsonValue, budget: number): JsonScan {
  const cached = jsonScans.get(ctx);
  if (cached && cached.root === root && cached.budget === budget) return cached;
  const candidates: Candidate[] = [];
  let ordinal = 0;
  const truncated = walkStrings(root, budget, (text) => {
    const bits = hintsIn(text);
    if (bits !== 0) candidates.push({ ordinal, text, bits });
    ordinal++;
  });
  const scan: JsonScan = { root, budget, candidates, truncated };
  jsonScans.set(ctx, scan);
  return scan;
}

/** Whether `text` is the exchange's whole body, not the prefix scanning rules are limited to. */
function isWholeBody(ctx: RuleContext, text: string): boolean {
  const body = ctx.exchange.body;
  return body.kind === 'text' && body.text.length === text.length;
}

function textScan(ctx: RuleContext, text: string): TextScan {
  const cached = textScans.get(ctx);
  if (cached && cached.text === text) return cached;
  const scan: TextScan = { text, bits: hintsIn(text) };
  textScans.set(ctx, scan);
  return scan;
}

/**
 * Whether the body's text (the engine-capped prefix the scanning rules read) holds one of the
 * detector's hints, as written: a `\u` escape is not decoded. Shares the one pass over the text.
 */
export function hasHint(ctx: RuleContext, detector: Detector<unknown>): boolean {
  const text = ctx.text;
  return text !== undefined && text.length > 0 && (textScan(ctx, text).bits & detector.bit) !== 0;
}

/** True when the text holds a `\u` or `\/` escape: one native search per backslash, once per body. */
function hasHintHidingEscape(text: string): boolean {
  for (let i = text.indexOf('\\'); i !== -1; i = text.indexOf('\\', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (next === 0x75 /* u */ || next === 0x2f /* / */) return true;
  }
  return false;
}

function escapesIn(scan: TextScan): boolean {
  return (scan.escapes ??= hasHintHidingEscape(scan.text));
}

/**
 * Runs a detector over a response body and returns at most `max` hits. For parsed JSON each
 * string member is scanned on its own: the hit can then name its member (`/trace`), and JSON
 * escapes such as `\n\tat …` are already decoded. The strings scanned add up to no more than
 * the engine-capped text. When the walk hits its bounds without finding anything, the raw text
 * is scanned instead. Either way the detector's patterns run only on text holding its hints.
 */
export function scanBody<T>(ctx: RuleContext, detector: Detector<T>, max: number): BodyHit<T>[] {
  const text = ctx.text;
  if (text === undefined || text.length === 0 || max <= 0) return [];
  const out: BodyHit<T>[] = [];
  if (ctx.json.kind === 'ok') {
    // Most bodies hold no hint at all, and one pass over the raw text (shared by the detectors)
    // costs far less than walking the document. It is conclusive when every member's text is
    // verbatim in it: the whole body was read (not a capped prefix) and no `\/` or `\u` escape
    // could spell a hint (hints hold no `"` or `\`, see hints.ts).
    const scanned = textScan(ctx, text);
    if ((scanned.bits & detector.bit) === 0 && isWholeBody(ctx, text) && !escapesIn(scanned)) {
      return out;
    }
    const root = ctx.json.value;
    const scan = jsonScan(ctx, root, text.length);
    for (const { ordinal, text: s, bits } of scan.candidates) {
      if (out.length >= max) break;
      if ((bits & detector.bit) === 0) continue;
      const hits = detector.detect(s);
      if (hits.length === 0) continue;
      // Paths are looked up only for strings that hit, so the walk above never copies one.
      const path = pathOf(root, text.length, ordinal);
      for (const hit of hits) {
        if (out.length >= max) break;
        out.push(path.length > 0 ? { value: hit, pointer: jsonPointer(path) } : { value: hit });
      }
    }
    if (out.length > 0 || !scan.truncated) return out;
  }
  if ((textScan(ctx, text).bits & detector.bit) === 0) return out;
  for (const hit of detector.detect(text)) {
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
  return clip(s, max);
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
