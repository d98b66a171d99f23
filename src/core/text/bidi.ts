/**
 * The invisible characters that reorder the text around them: the bidi marks (U+061C ARABIC
 * LETTER MARK, U+200E/U+200F LEFT-TO-RIGHT/RIGHT-TO-LEFT MARK), embeddings and overrides
 * (U+202A–U+202E) and isolates (U+2066–U+2069). From recorded traffic one can make a URL or a
 * message read as something else ("Trojan Source": `invoice` U+202E `fdp.exe` reads
 * `invoiceexe.pdf`), so the terminal, the reports and the Markdown show them instead
 * (cli/terminal.ts, report/tool.ts, report/markdown.ts). The panel's readable paths keep every
 * format character escaped, these among them (readable-path.ts).
 */
const BIDI_RANGES: readonly (readonly [number, number])[] = [
  [0x061c, 0x061c],
  [0x200e, 0x200f],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
];

const escape = (cp: number) => `\\u${cp.toString(16).padStart(4, '0')}`;

/**
 * The bidi controls as the body of a regular expression's character class, for a pattern that
 * adds to them (the terminal's adds the C0 and C1 controls, CONTROL_CLASS).
 */
export const BIDI_CLASS = BIDI_RANGES.map(([from, to]) =>
  from === to ? escape(from) : `${escape(from)}-${escape(to)}`,
).join('');

/** Every bidi control, one string each, for tables of tests. */
export const BIDI_CONTROLS: readonly string[] = BIDI_RANGES.flatMap(([from, to]) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)),
);

/** The C0 and C1 control characters (U+0000–U+001F, U+007F–U+009F), as a character class's body. */
export const CONTROL_CLASS = '\\u0000-\\u001f\\u007f-\\u009f';

const BIDI = new RegExp(`[${BIDI_CLASS}]`, 'g');

/** A character as `U+XXXX`: how reports show one they will not print. */
export function codePointLabel(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` with each bidi control shown as its code point (`aU+202Eb`). */
export function showBidi(text: string): string {
  return text.replace(BIDI, codePointLabel);
}
