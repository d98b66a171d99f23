import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../../../src/surfaces/panel/list-columns';

const README = readFileSync(join(__dirname, '../../../README.md'), 'utf8');

/** The README's "Any dock size" paragraph: where a user reads which columns a narrow list keeps. */
function dockParagraph(): string {
  const line = README.split('\n').find((l) => l.startsWith('- **Any dock size.**'));
  if (line === undefined) throw new Error('README has no "Any dock size" paragraph');
  return line;
}

describe('the README says when each request-list column shows, as list-columns.ts does', () => {
  // A new user looked for the "local Started column" the README promised and, with the list
  // 770 px wide in a 1,400 px DevTools, did not find it: it shows from 900 px only.
  it('names every column that hides, with the width it hides below', () => {
    const said: Record<string, number> = {};
    for (const m of dockParagraph().matchAll(
      /(Started|Type|Size|Host|Time|`#`)(?:, [^;]*?)? (?:from|below) ~(\d+)/g,
    ))
      said[m[1]!.replaceAll('`', '')] = Number(m[2]);
    const code = Object.fromEntries(
      COLUMNS.filter((c) => c.hideBelow !== undefined).map((c) => [c.label, c.hideBelow]),
    );
    expect(said).toEqual(code);
  });

  it('the list paragraph does not promise Started without saying when it shows', () => {
    const list = README.split('\n').find((l) => l.startsWith('- **The list.**'))!;
    const started = COLUMNS.find((c) => c.id === 'started')!;
    expect(list).toMatch(
      new RegExp(`~${started.hideBelow} px[^.]*Started column|Started column[^.]*~${started.hideBelow} px`),
    );
  });
});
