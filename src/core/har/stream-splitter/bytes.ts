/** The bytes the splitter looks at, and small tests on single bytes. */

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const NEWLINE = 0x0a;
export const COMMA = 0x2c;
export const COLON = 0x3a;
export const OPEN_OBJ = 0x7b;
export const CLOSE_OBJ = 0x7d;
export const OPEN_ARR = 0x5b;
export const CLOSE_ARR = 0x5d;

export const BOM = [0xef, 0xbb, 0xbf];

export function isWhitespace(c: number): boolean {
  return c === 0x20 || c === NEWLINE || c === 0x0d || c === 0x09;
}

export function startsValue(c: number): boolean {
  return (
    c === OPEN_OBJ ||
    c === OPEN_ARR ||
    c === QUOTE ||
    c === 0x74 ||
    c === 0x66 ||
    c === 0x6e ||
    c === 0x2d ||
    (c >= 0x30 && c <= 0x39)
  );
}

export function concat(parts: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
