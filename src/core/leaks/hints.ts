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

function addHint(hint: string, bit: number): void {
  let offset = 0;
  let best = -1;
  for (let k = 0; k + 1 < hint.length; k++) {
    const score = rarity(hint[k]!) + rarity(hint[k + 1]!);
    if (score > best) [best, offset] = [score, k];
  }
  const pair = (hint.charCodeAt(offset) << 7) | hint.charCodeAt(offset + 1);
  pairAnchors[pair] = [...(pairAnchors[pair] ?? []), { hint, offset, bit }];
  pairMask[pair]! |= bit;
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

/** Registers a detector; call once per detector, at module load. */
export function defineDetector<T>(detect: (text: string) => T[], hints: readonly string[]): Detector<T> {
  const bit = nextBit();
  for (const hint of hints) {
    if (!HINT.test(hint)) throw new Error(`unusable hint ${JSON.stringify(hint)}`);
    addHint(hint, bit);
  }
  return { detect, hints, bit };
}

function confirm(text: string, at: number, pair: number, found: number): number {
  const anchors = pairAnchors[pair]!;
  for (let k = 0; k < anchors.length; k++) {
    const a = anchors[k]!;
    if ((found & a.bit) === 0 && at >= a.offset && text.startsWith(a.hint, at - a.offset)) found |= a.bit;
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
