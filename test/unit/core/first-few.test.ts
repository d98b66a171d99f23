import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeLines } from '../../../src/core/diff/capture/report';
import { relatedText } from '../../../src/core/report/related';
import { shownErrors } from '../../../src/state/settings-file';
import { cutList, firstFew, moreLine } from '../../../src/core/text/first-few';

const names = (n: number) => Array.from({ length: n }, (_, i) => `h${i}`);

describe('firstFew: the first few named in a sentence, the rest counted', () => {
  it.each([
    [0, ''],
    [1, 'h0'],
    [3, 'h0, h1 and h2'],
    [4, 'h0, h1, h2 and 1 more'],
    [10, 'h0, h1, h2 and 7 more'],
  ])('%i items, 3 named: "%s"', (n, expected) => {
    expect(firstFew(names(n), 3)).toBe(expected);
  });

  it('counts from the total when only the first few were kept', () => {
    expect(firstFew(names(3), 3, 10_000)).toBe('h0, h1, h2 and 9997 more');
    expect(firstFew(names(3), 3, 3)).toBe('h0, h1 and h2');
  });
});

describe('cutList and moreLine: a list of lines cut after the first few', () => {
  it.each([
    [0, 0],
    [3, 0],
    [4, 1],
  ])('%i items, 3 shown: %i more', (n, more) => {
    const cut = cutList(names(n), 3);
    expect(cut.shown).toEqual(names(Math.min(n, 3)));
    expect(cut.more).toBe(more);
  });

  it('says how many more', () => {
    expect(moreLine(1)).toBe('… and 1 more');
    expect(moreLine(49_995)).toBe('… and 49995 more');
  });
});

describe('every cut list of the project is written here', () => {
  const SRC = resolve(__dirname, '../../../src');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
    });

  it('no other file writes its own "and N more"', () => {
    const own = files(SRC).flatMap((f) =>
      /and \$?\{[^}]*\} more|…\s?and \{/.test(readFileSync(f, 'utf8')) ? [relative(SRC, f)] : [],
    );
    expect(own).toEqual(['core/text/first-few.ts']);
  });

  it('a session finding names its related requests as a sentence does', () => {
    const related = (n: number) => ({
      related: Array.from({ length: n }, (_, i) => ({ id: `r${i}`, index: i, note: `try ${i + 1}` })),
    });
    expect(relatedText(related(2))).toBe('related: #0 (try 1) and #1 (try 2)');
    expect(relatedText(related(10))).toBe(
      'related: #0 (try 1), #1 (try 2), #2 (try 3), #3 (try 4), #4 (try 5), #5 (try 6), #6 (try 7), #7 (try 8) and 2 more',
    );
  });

  it('a refused settings file lists 30 errors, then counts the rest', () => {
    const errors = Array.from({ length: 32 }, (_, i) => `profiles[${i}]: not an object`);
    const shown = shownErrors(errors);
    expect(shown).toHaveLength(31);
    expect(shown.at(-1)).toBe('… and 2 more');
    expect(shownErrors(errors.slice(0, 30))).toHaveLength(30);
  });

  it("the capture diff's shape line lists members as a sentence, 20 of them at most", () => {
    const members = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ path: `/m${i}`, types: ['string' as const] }));
    const shapeLine = (added: number, removed: number) =>
      changeLines({
        key: 'GET /x',
        method: 'GET',
        host: '',
        path: '/x',
        change: 'changed',
        count: { before: 1, after: 1 },
        newFindings: [],
        resolvedFindings: [],
        shape: [
          { family: '2xx', added: members(added), removed: members(removed), changed: [], partial: false },
        ],
      })[0]!.text;
    expect(shapeLine(2, 1)).toBe('2xx body: added /m0 (string) and /m1 (string); removed /m0 (string)');
    expect(shapeLine(22, 0)).toMatch(/^2xx body: added \/m0 \(string\), .*, \/m19 \(string\) and 2 more$/);
  });
});
