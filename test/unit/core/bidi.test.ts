import { describe, expect, it } from 'vitest';
import { safeText } from '../../../src/cli/terminal';
import { mdText } from '../../../src/core/report/markdown';
import { showInvisible } from '../../../src/core/report/tool';
import { xmlAttr, xmlText } from '../../../src/core/report/xml';
import {
  BIDI_CLASS,
  BIDI_CONTROLS,
  INVISIBLE_CLASS,
  INVISIBLE_FORMAT,
  JOINERS,
} from '../../../src/core/text/bidi';
import { readablePath } from '../../../src/core/text/readable-path';

const hex = (c: string) => c.codePointAt(0)!.toString(16).padStart(4, '0');

/** The BMP characters a character class's body matches. */
function classMembers(body: string): string[] {
  const inClass = new RegExp(`^[${body}]$`);
  const matched: string[] = [];
  for (let cp = 0; cp <= 0xffff; cp++)
    if (inClass.test(String.fromCharCode(cp))) matched.push(String.fromCharCode(cp));
  return matched;
}

describe('the bidi controls (text/bidi.ts)', () => {
  it('are the marks, embeddings, overrides and isolates, and the class holds exactly them', () => {
    expect(BIDI_CONTROLS.map(hex)).toEqual([
      '061c',
      '200e',
      '200f',
      '202a',
      '202b',
      '202c',
      '202d',
      '202e',
      '2066',
      '2067',
      '2068',
      '2069',
    ]);
    expect(classMembers(BIDI_CLASS)).toEqual(BIDI_CONTROLS);
  });

  it('the invisible format characters are the soft hyphen, U+180E, the zero width space, the word joiner, the invisible operators and the BOM, and their class holds exactly them', () => {
    expect(INVISIBLE_FORMAT.map(hex)).toEqual([
      '00ad',
      '180e',
      '200b',
      '2060',
      '2061',
      '2062',
      '2063',
      '2064',
      'feff',
    ]);
    expect(classMembers(INVISIBLE_CLASS)).toEqual(INVISIBLE_FORMAT);
    expect(JOINERS.map(hex)).toEqual(['200c', '200d']);
  });

  /** Each place recorded text leaves the tool, and how it shows such a character instead. */
  const users: [string, (text: string) => string, (c: string) => string][] = [
    // A character up to U+00FF as `\xad`, as the C1 controls.
    ['the terminal (safeText)', safeText, (c) => (c <= '\u00ff' ? `\\x${hex(c).slice(2)}` : `\\u${hex(c)}`)],
    ['SARIF and JUnit text (showInvisible)', showInvisible, (c) => `U+${hex(c).toUpperCase()}`],
    ['JUnit XML text (xmlText)', xmlText, (c) => `U+${hex(c).toUpperCase()}`],
    ['JUnit XML attributes (xmlAttr)', xmlAttr, (c) => `U+${hex(c).toUpperCase()}`],
    // Its `+` escaped as every ASCII punctuation mark is.
    ['Markdown (mdText)', mdText, (c) => `U\\+${hex(c).toUpperCase()}`],
    ['the panel’s readable paths (readablePath)', readablePath, (c) => encodeURIComponent(c)],
  ];

  const readablePaths = users.at(-1)!;
  /** What each user must show instead: readable paths the joiners too (see JOINER_RANGES). */
  const table = users.map(
    (user) =>
      [
        ...user,
        user === readablePaths
          ? [...BIDI_CONTROLS, ...INVISIBLE_FORMAT, ...JOINERS]
          : [...BIDI_CONTROLS, ...INVISIBLE_FORMAT],
      ] as const,
  );

  describe.each(table)('%s', (_name, show, shown, escaped) => {
    it.each(escaped.map((c) => [`U+${hex(c).toUpperCase()}`, c]))(
      'shows %s instead of sending it',
      (_cp, c) => {
        const out = show(`/invoice${c}fdp.exe`);
        expect(out).not.toContain(c);
        expect(out).toContain(`invoice${shown(c)}fdp`);
      },
    );
  });

  // Recorded paths are percent-encoded: decoding for reading keeps every one of them escaped
  // (`/ad%E2%80%8Bmin` would read `/admin`).
  it.each([...BIDI_CONTROLS, ...INVISIBLE_FORMAT, ...JOINERS].map((c) => [encodeURIComponent(c)]))(
    'readablePath keeps %s escaped',
    (escape) => {
      expect(readablePath(`/ad${escape}min`)).toBe(`/ad${escape}min`);
    },
  );

  // The other users keep the joiners: a server's message with an emoji sequence reads as sent.
  describe.each(users.filter((u) => u !== readablePaths))('%s', (_name, show) => {
    it.each(JOINERS.map((c) => [`U+${hex(c).toUpperCase()}`, c]))(
      'keeps %s, which emoji and scripts need',
      (_cp, c) => {
        expect(show(`coder \u{1F469}${c}\u{1F4BB} done`)).toBe(`coder \u{1F469}${c}\u{1F4BB} done`);
      },
    );
  });
});
