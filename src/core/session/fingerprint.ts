/**
 * Tells identical texts apart from changed ones without keeping them: FNV-1a's step over the
 * text's UTF-8 bytes taken four at a time, in four interleaved lanes (word 0, 4, 8… in one,
 * 1, 5, 9… in the next) so the processor multiplies four words at once instead of waiting on
 * each product (the lanes are mixed at the end). The bytes come from the native encoder into
 * a reused buffer, so a body costs one native copy and a quarter as many multiplications as
 * hashing it character by character in JavaScript; every body session/polling-without-
 * validators compares is fingerprinted, so this is most of what that rule costs the CLI. Any
 * one changed word changes the hash (each step, and each lane's part in the mix, is a
 * bijection); lone surrogates encode as U+FFFD, so texts differing only in those look alike, as
 * the rules that compare bodies can afford.
 */
const encoder = new TextEncoder();
/** Characters encoded at a time: the buffer stays small (about 200 KB) whatever the text. */
const SLICE = 1 << 16;
// UTF-8 takes at most three bytes per UTF-16 unit; sixteen more so the last four words are whole.
const bytes = new Uint8Array(SLICE * 3 + 16);
const words = new Int32Array(bytes.buffer);
const PRIME = 0x01000193;

export function textHash(text: string): number {
  let a = 0x811c9dc5 ^ text.length;
  let b = 0x2545f491;
  let c = 0x9e3779b9;
  let d = 0x85ebca6b;
  for (let at = 0; at < text.length; at += SLICE) {
    const part = at === 0 && text.length <= SLICE ? text : text.slice(at, at + SLICE);
    const n = encoder.encodeInto(part, bytes).written;
    bytes.fill(0, n, n + 16);
    const count = (n + 15) >> 4;
    for (let i = 0, w = 0; i < count; i++, w += 4) {
      a = Math.imul(a ^ words[w]!, PRIME);
      b = Math.imul(b ^ words[w + 1]!, PRIME);
      c = Math.imul(c ^ words[w + 2]!, PRIME);
      d = Math.imul(d ^ words[w + 3]!, PRIME);
    }
  }
  return (a ^ Math.imul(b, 0x5bd1e995) ^ Math.imul(c, 0x27d4eb2d) ^ Math.imul(d, 0x165667b1)) >>> 0;
}

/** A fingerprint as `fingerprint` writes it: NUL, the text's length, a colon, its hash. */
// eslint-disable-next-line no-control-regex -- the NUL is what marks a fingerprint
const PRINT = /^\u0000\d+:\d+$/;

/**
 * A body's stand-in where session rules compare bodies: NUL, its length and its `textHash`.
 * Idempotent (a fingerprint's fingerprint is itself), so a rule gets the same print from a
 * session view, whose compared bodies are fingerprints already (view.ts), as from the exchange:
 * the CLI's session rules read views for some entries and exchanges for others (--jobs). The
 * leading NUL keeps real bodies from reading as one by chance.
 */
export function fingerprint(text: string): string {
  return text.charCodeAt(0) === 0 && PRINT.test(text) ? text : `\u0000${text.length}:${textHash(text)}`;
}
