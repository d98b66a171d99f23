import { describe, expect, it } from 'vitest';
import { safeText } from '../../../src/cli/terminal';
import { mdText } from '../../../src/core/report/markdown';
import { showBidi } from '../../../src/core/report/tool';
import { xmlAttr, xmlText } from '../../../src/core/report/xml';
import { BIDI_CLASS, BIDI_CONTROLS } from '../../../src/core/text/bidi';
import { readablePath } from '../../../src/core/text/readable-path';

const hex = (c: string) => c.codePointAt(0)!.toString(16).padStart(4, '0');

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
    const inClass = new RegExp(`^[${BIDI_CLASS}]$`);
    const matched: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++)
      if (inClass.test(String.fromCharCode(cp))) matched.push(String.fromCharCode(cp));
    expect(matched).toEqual(BIDI_CONTROLS);
  });

  /** Each place recorded text leaves the tool, and how it shows a bidi control instead. */
  const users: [string, (text: string) => string, (c: string) => string][] = [
    ['the terminal (safeText)', safeText, (c) => `\\u${hex(c)}`],
    ['SARIF and JUnit text (showBidi)', showBidi, (c) => `U+${hex(c).toUpperCase()}`],
    ['JUnit XML text (xmlText)', xmlText, (c) => `U+${hex(c).toUpperCase()}`],
    ['JUnit XML attributes (xmlAttr)', xmlAttr, (c) => `U+${hex(c).toUpperCase()}`],
    // Its `+` escaped as every ASCII punctuation mark is.
    ['Markdown (mdText)', mdText, (c) => `U\\+${hex(c).toUpperCase()}`],
    ['the panel’s readable paths (readablePath)', readablePath, (c) => encodeURIComponent(c)],
  ];

  describe.each(users)('%s', (_name, show, shown) => {
    it.each(BIDI_CONTROLS.map((c) => [`U+${hex(c).toUpperCase()}`, c]))(
      'shows %s instead of sending it',
      (_cp, c) => {
        const out = show(`/invoice${c}fdp.exe`);
        expect(out).not.toContain(c);
        expect(out).toContain(`invoice${shown(c)}fdp`);
      },
    );
  });
});
