import type { ParamSegment, PathNode, PreparedOperation } from './types';

/** Decodes a percent-encoded path segment; a malformed escape is kept as written. */
export function decodeSegment(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Splits a path into decoded segments. Empty segments from a trailing slash are dropped, so
 * `/pets/` matches `/pets` (servers and clients differ on it; the description rarely means both).
 */
export function pathSegments(path: string): string[] {
  const out: string[] = [];
  for (const raw of path.split('/')) if (raw !== '') out.push(decodeSegment(raw));
  return out;
}

export function newNode(): PathNode {
  return { literal: new Map(), params: [] };
}

/** Deeper request paths are never matched (and never recursed into). */
const MAX_SEGMENTS = 128;

const PARAM = /\{[^{}]*\}/g;

function paramSegment(text: string): ParamSegment | undefined {
  if (!text.includes('{')) return undefined;
  if (/^\{[^{}]*\}$/.test(text)) return { text, literalLength: 0 };
  const pieces = text.split(PARAM);
  return { text, literalLength: pieces.join('').length, pieces };
}

/** Adds an operation under its path template. */
export function addOperation(root: PathNode, op: PreparedOperation): void {
  let node = root;
  for (const seg of op.pathTemplate.split('/')) {
    if (seg === '') continue;
    const param = paramSegment(seg);
    if (!param) {
      const lit = decodeSegment(seg);
      let next = node.literal.get(lit);
      if (!next) node.literal.set(lit, (next = newNode()));
      node = next;
      continue;
    }
    let entry = node.params.find((p) => p.segment.text === seg);
    if (!entry) {
      entry = { segment: param, node: newNode() };
      node.params.push(entry);
      // OpenAPI: concrete paths match before templated ones; among templated segments the one
      // with more literal text (`{id}.json`) is the more concrete.
      node.params.sort((a, b) => b.segment.literalLength - a.segment.literalLength);
    }
    node = entry.node;
  }
  (node.operations ??= new Map()).set(op.method, op);
}

/** Whether a concrete segment fits a segment with parameters and literal text around them. */
function fitsPieces(value: string, pieces: readonly string[]): boolean {
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  if (!value.startsWith(first) || !value.endsWith(last)) return false;
  let at = first.length;
  const end = value.length - last.length;
  if (end < at) return false;
  // Middle pieces leftmost first, each parameter before them taking at least one character:
  // if any split fits, this one does, and the scan is linear.
  for (let i = 1; i < pieces.length - 1; i++) {
    const p = pieces[i]!;
    const found = value.indexOf(p, at + 1);
    if (found === -1 || found + p.length > end) return false;
    at = found + p.length;
  }
  return end - at >= 1;
}

/**
 * The node whose template matches the segments, concrete segments first (leftmost decides), or
 * undefined. Backtracks only where a literal branch fails further down.
 */
export function findNode(root: PathNode, segments: readonly string[]): PathNode | undefined {
  // No description nests paths this deep; a hostile URL must not recurse without bound.
  if (segments.length > MAX_SEGMENTS) return undefined;
  const walk = (node: PathNode, i: number): PathNode | undefined => {
    if (i === segments.length) return node.operations ? node : undefined;
    const seg = segments[i]!;
    const lit = node.literal.get(seg);
    if (lit) {
      const found = walk(lit, i + 1);
      if (found) return found;
    }
    for (const p of node.params) {
      if (p.segment.pieces && !fitsPieces(seg, p.segment.pieces)) continue;
      const found = walk(p.node, i + 1);
      if (found) return found;
    }
    return undefined;
  };
  return walk(root, 0);
}
