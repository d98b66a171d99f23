/**
 * HAR files are JSON, which is UTF-8 on the wire, but some Windows tools save them as
 * UTF-16 (with a byte order mark, or without one). Both the CLI and the panel read those
 * too instead of failing with a JSON error about byte 0xFF.
 */
export type HarEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** What a HAR can start with: "{" or JSON whitespace. */
function startsJson(c: number): boolean {
  return c === 0x7b || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * The encoding from the first bytes: a UTF-16 byte order mark (FF FE, FE FF), or "{" or
 * whitespace with the zero byte ASCII has in UTF-16. Anything else is read as UTF-8 (and
 * judged by the JSON reader). Needs at least two bytes to tell.
 */
export function detectHarEncoding(head: Uint8Array): HarEncoding {
  if (head.length < 2) return 'utf-8';
  const [a, b] = [head[0]!, head[1]!];
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  if (startsJson(a) && b === 0) return 'utf-16le';
  if (a === 0 && startsJson(b)) return 'utf-16be';
  return 'utf-8';
}

/** A whole HAR's bytes as text, in whichever of the encodings it is (byte order mark dropped). */
export function decodeHarText(bytes: Uint8Array): string {
  return new TextDecoder(detectHarEncoding(bytes)).decode(bytes);
}

/** Turns UTF-16 chunks into UTF-8 ones as they arrive (a pair split across chunks is kept whole). */
export function utf16ToUtf8(encoding: 'utf-16le' | 'utf-16be'): {
  push(chunk: Uint8Array): Uint8Array;
  end(): Uint8Array;
} {
  const decoder = new TextDecoder(encoding);
  const encoder = new TextEncoder();
  return {
    push: (chunk) => encoder.encode(decoder.decode(chunk, { stream: true })),
    end: () => encoder.encode(decoder.decode()),
  };
}

const REPLACEMENT = '\uFFFD';

/**
 * Whether decoding `bytes` as UTF-8 replaced bytes that are not UTF-8 (a HAR saved as
 * Windows-1252, bytes damaged on the way) with U+FFFD: the text holds more U+FFFD than the
 * bytes spelled out (EF BF BD). A fatal decoder would tell as well, but at the cost of a second
 * decoding of every entry; this costs one search per entry, answered at once on the usual text
 * (V8 knows a Latin-1 string cannot hold U+FFFD), and the bytes are counted only when it is found.
 */
export function replacedInvalidUtf8(text: string, bytes: Uint8Array): boolean {
  let i = text.indexOf(REPLACEMENT);
  if (i === -1) return false;
  let inText = 0;
  for (; i !== -1; i = text.indexOf(REPLACEMENT, i + 1)) inText++;
  let inBytes = 0;
  for (let j = bytes.indexOf(0xef); j !== -1 && j + 2 < bytes.length; j = bytes.indexOf(0xef, j + 1))
    if (bytes[j + 1] === 0xbf && bytes[j + 2] === 0xbd) inBytes++;
  return inText > inBytes;
}
