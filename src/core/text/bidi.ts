type Ranges = readonly (readonly [number, number])[];

/**
 * The invisible characters that reorder the text around them: the bidi marks (U+061C ARABIC
 * LETTER MARK, U+200E/U+200F LEFT-TO-RIGHT/RIGHT-TO-LEFT MARK), embeddings and overrides
 * (U+202A–U+202E) and isolates (U+2066–U+2069). From recorded traffic one can make a URL or a
 * message read as something else ("Trojan Source": `invoice` U+202E `fdp.exe` reads
 * `invoiceexe.pdf`), so the terminal, the reports and the Markdown show them instead
 * (cli/terminal.ts, report/tool.ts, report/markdown.ts). The panel's readable paths keep every
 * format character escaped, these among them (readable-path.ts).
 */
const BIDI_RANGES: Ranges = [
  [0x061c, 0x061c],
  [0x200e, 0x200f],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
];

/**
 * Format characters that draw nothing and, in a URL, a message or a header value, only hide
 * or spoof text (`ad` U+200B `min` reads `admin` but is not): U+00AD SOFT HYPHEN, U+180E
 * MONGOLIAN VOWEL SEPARATOR, U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER, U+2061–U+2064 the
 * invisible operators, U+FEFF ZERO WIDTH NO-BREAK SPACE (the BOM). Nothing a server sends
 * needs them raw in a report, so everything that shows the bidi controls shows these too.
 */
const INVISIBLE_RANGES: Ranges = [
  [0x00ad, 0x00ad],
  [0x180e, 0x180e],
  [0x200b, 0x200b],
  [0x2060, 0x2064],
  [0xfeff, 0xfeff],
];

/**
 * U+200C ZERO WIDTH NON-JOINER and U+200D ZERO WIDTH JOINER are invisible too, but text needs
 * them: the joiner makes 👩 U+200D 💻 one emoji, the non-joiner is spelling in Persian and
 * Indic scripts. A server's message or header in the terminal or a report keeps them: escaping
 * every emoji sequence would garble the message, for a trick (`ad` U+200D `min`) that hides no
 * more than a look-alike letter would. A URL path shown decoded never wants one, so readable
 * paths escape them. readable-path.ts escapes every format character (\p{Cf}), a superset of
 * all three sets here, rather than composing from them; the table test in bidi.test.ts checks
 * it against each member.
 */
const JOINER_RANGES: Ranges = [[0x200c, 0x200d]];

const escape = (cp: number) => `\\u${cp.toString(16).padStart(4, '0')}`;

/** Ranges as the body of a regular expression's character class. */
const classOf = (ranges: Ranges) =>
  ranges.map(([from, to]) => (from === to ? escape(from) : `${escape(from)}-${escape(to)}`)).join('');

/** Ranges as one string per character, for tables of tests. */
const charsOf = (ranges: Ranges): readonly string[] =>
  ranges.flatMap(([from, to]) =>
    Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)),
  );

/**
 * The bidi controls as the body of a regular expression's character class, for a pattern that
 * adds to them (the terminal's adds the C0 and C1 controls, CONTROL_CLASS).
 */
export const BIDI_CLASS = classOf(BIDI_RANGES);

/** Every bidi control, one string each, for tables of tests. */
export const BIDI_CONTROLS = charsOf(BIDI_RANGES);

/** The invisible format characters every user shows instead (U+200B …), as a character class's body. */
export const INVISIBLE_CLASS = classOf(INVISIBLE_RANGES);

/** Every invisible format character of INVISIBLE_CLASS, one string each, for tables of tests. */
export const INVISIBLE_FORMAT = charsOf(INVISIBLE_RANGES);

/** ZWNJ and ZWJ, one string each: escaped in readable paths only (see JOINER_RANGES). */
export const JOINERS = charsOf(JOINER_RANGES);

/** The C0 and C1 control characters (U+0000–U+001F, U+007F–U+009F), as a character class's body. */
export const CONTROL_CLASS = '\\u0000-\\u001f\\u007f-\\u009f';

const HIDDEN = new RegExp(`[${BIDI_CLASS}${INVISIBLE_CLASS}]`, 'g');

/** A character as `U+XXXX`: how reports show one they will not print. */
export function codePointLabel(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` with each bidi control and invisible format character shown as its code point (`aU+202Eb`). */
export function showInvisible(text: string): string {
  return text.replace(HIDDEN, codePointLabel);
}
