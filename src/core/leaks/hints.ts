/**
 * A scanning rule's patterns are costly to run, and nearly every body holds nothing they could
 * match. So each detector also names hints: literals such that every hit contains at least one
 * of them. One cheap pass over a text tells, for all detectors at once, which of them could find
 * anything there; the patterns then run only on those texts. A missing hint would silently hide
 * findings, so keep each list next to its patterns and widen it with them.
 */
export interface Detector<T> {
  /** The hits in one text, in order. */
  detect(text: string): T[];
  readonly hints: readonly string[];
  /** This detector's bit in what `hintsIn` returns. */
  readonly bit: number;
}

interface Anchor {
  hint: string;
  /** Where the anchor pair starts in `hint`. */
  offset: number;
  bit: number;
  /** The hint matches in any case of its ASCII letters (it is written in lower case). */
  ignoreCase: boolean;
}

/*
 * Each hint is looked for at one pair of adjacent characters, its anchor, picked to be rare in
 * JSON and prose so that few positions need a closer look. Characters earlier in this list are
 * more common; ones not in it (capitals, most punctuation) count as rarest.
 */
const COMMON = ' "etaoinsrhldcu:,0123456789.mfpgwyb{}[]-_/vkxjqz';

/** For each pair of ASCII characters (first << 7 | second): the bits of the hints anchored there. */
const pairMask = new Uint32Array(1 << 14);
/** For each pair with anchors, the hints anchored there (a dense array: looked up on every anchor pair a text holds). */
const pairAnchors: (Anchor[] | undefined)[] = new Array<Anchor[] | undefined>(1 << 14).fill(undefined);
let allBits = 0;
let count = 0;

function rarity(c: string): number {
  const i = COMMON.indexOf(c);
  return i < 0 ? COMMON.length : i;
}

/** A character and, for a letter when case is ignored, its capital. */
function cases(c: string, ignoreCase: boolean): string[] {
  return ignoreCase && c !== c.toUpperCase() ? [c, c.toUpperCase()] : [c];
}

function addHint(hint: string, bit: number, ignoreCase: boolean): void {
  let offset = 0;
  let best = -1;
  for (let k = 0; k + 1 < hint.length; k++) {
    const score = rarity(hint[k]!) + rarity(hint[k + 1]!);
    if (score > best) [best, offset] = [score, k];
  }
  // A hint that ignores case is anchored at every case of its pair ("sw", "sW", "Sw", "SW").
  for (const first of cases(hint[offset]!, ignoreCase)) {
    for (const second of cases(hint[offset + 1]!, ignoreCase)) {
      const pair = (first.charCodeAt(0) << 7) | second.charCodeAt(0);
      pairAnchors[pair] = [...(pairAnchors[pair] ?? []), { hint, offset, bit, ignoreCase }];
      pairMask[pair]! |= bit;
    }
  }
}

function nextBit(): number {
  if (count >= 31) throw new Error('too many detectors for one hint scan');
  const bit = 1 << count++;
  allBits |= bit;
  return bit;
}

/**
 * Printable ASCII, two characters at least (the anchor is a pair), and neither `"` nor `\`:
 * JSON writes those two escaped, so without them a hint in a decoded string member is, unless
 * written with `\/` or `\u` escapes, verbatim in the raw JSON too (scan.ts relies on it).
 */
const HINT = /^[\x20\x21\x23-\x5b\x5d-\x7e]{2,}$/;

/**
 * Registers a detector; call once per detector, at module load. With `ignoreCase`, each hint
 * (written in lower case) also matches with any of its letters in capitals.
 */
export function defineDetector<T>(
  detect: (text: string) => T[],
  hints: readonly string[],
  { ignoreCase = false }: { ignoreCase?: boolean } = {},
): Detector<T> {
  const bit = nextBit();
  for (const hint of hints) {
    if (!HINT.test(hint) || (ignoreCase && hint !== hint.toLowerCase()))
      throw new Error(`unusable hint ${JSON.stringify(hint)}`);
    addHint(hint, bit, ignoreCase);
  }
  return { detect, hints, bit };
}

/** Whether `hint` (lower case) is at `at` in `text`, any of its ASCII letters possibly a capital. */
function startsWithIgnoringCase(text: string, hint: string, at: number): boolean {
  if (at + hint.length > text.length) return false;
  for (let k = 0; k < hint.length; k++) {
    const h = hint.charCodeAt(k);
    const c = text.charCodeAt(at + k);
    // Folding with 0x20 is only right for letters: "[" | 0x20 is "{".
    if (c !== h && !(h >= 0x61 && h <= 0x7a && (c | 0x20) === h)) return false;
  }
  return true;
}

function confirm(text: string, at: number, pair: number, found: number): number {
  const anchors = pairAnchors[pair]!;
  for (let k = 0; k < anchors.length; k++) {
    const a = anchors[k]!;
    if ((found & a.bit) !== 0 || at < a.offset) continue;
    const start = at - a.offset;
    if (a.ignoreCase ? startsWithIgnoringCase(text, a.hint, start) : text.startsWith(a.hint, start))
      found |= a.bit;
  }
  return found;
}

/**
 * The bits of every detector with a hint in `text`. One table lookup per position; only where
 * an anchor pair occurs is a hint compared in full.
 */
export function hintsIn(text: string): number {
  let found = 0;
  let prev = text.length > 0 ? text.charCodeAt(0) : 0x80;
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((prev | c) < 0x80) {
      const pair = (prev << 7) | c;
      const mask = pairMask[pair]!;
      if ((found & mask) !== mask) {
        found = confirm(text, i - 1, pair, found);
        if (found === allBits) break;
      }
    }
    prev = c;
  }
  return found;
}
