import { describe, expect, it } from 'vitest';
import { readablePath, readablePathAndQuery } from '../../../src/core/text/readable-path';
import { expectLinearScaling } from '../../helpers/scaling';

describe('readablePath: a recorded path decoded for reading, never into something that reads otherwise', () => {
  it.each([
    ['/Another%20Test', '/Another Test'],
    ['/caf%C3%A9/m%c3%bcnchen', '/café/münchen'],
    ['/%E6%97%A5%E6%9C%AC', '/日本'],
    ['/emoji/%F0%9F%98%80', '/emoji/😀'],
    ['/users/{id}/a%2Bb', '/users/{id}/a+b'],
    // A letter's combining accent decodes with it.
    ['/e%CC%81t%C3%A9', '/e\u0301té'],
    ['/plain/path', '/plain/path'],
  ])('%s reads %s', (raw, shown) => {
    expect(readablePath(raw)).toBe(shown);
  });

  it.each([
    // Controls, newlines, tabs, DEL and C1 controls.
    ['/a%0Ab', '/a%0Ab'],
    ['/a%0d%0aSet-Cookie', '/a%0d%0aSet-Cookie'],
    ['/a%09b%00c%7Fd%C2%85e', '/a%09b%00c%7Fd%C2%85e'],
    // Bidi controls: the "Trojan Source" trick (U+202E, U+2066–U+2069, U+200F, U+061C).
    ['/invoice%E2%80%AEfdp.exe', '/invoice%E2%80%AEfdp.exe'],
    ['/x%E2%81%A6y%E2%81%A9', '/x%E2%81%A6y%E2%81%A9'],
    ['/x%E2%80%8Fy%D8%9C', '/x%E2%80%8Fy%D8%9C'],
    // Zero-width characters, the BOM, soft hyphen, line and paragraph separators.
    ['/ad%E2%80%8Bmin%EF%BB%BF%C2%AD', '/ad%E2%80%8Bmin%EF%BB%BF%C2%AD'],
    ['/a%E2%80%A8b%E2%80%A9c', '/a%E2%80%A8b%E2%80%A9c'],
    // Spaces that are not U+0020 look like one; private use and unassigned code points.
    ['/a%C2%A0b%E3%80%80c', '/a%C2%A0b%E3%80%80c'],
    ['/%EE%80%80/%F3%B0%80%80', '/%EE%80%80/%F3%B0%80%80'],
    // What would make another path or route: %, /, ?, #, { and }.
    ['/50%25/a%2Fb/c%3Fd%23e/%7Bid%7D', '/50%25/a%2Fb/c%3Fd%23e/%7Bid%7D'],
    // Not UTF-8: a lone lead byte, a stray continuation byte, overlong forms, surrogates, past U+10FFFF.
    ['/a%C3b', '/a%C3b'],
    ['/a%80b%FFc', '/a%80b%FFc'],
    ['/%C0%AF/%E0%80%AF', '/%C0%AF/%E0%80%AF'],
    ['/%ED%A0%80', '/%ED%A0%80'],
    ['/%F4%90%80%80', '/%F4%90%80%80'],
    // Not escapes at all.
    ['/100%/%zz/%4', '/100%/%zz/%4'],
    // A space that HTML would not show: at the end, or doubled.
    ['/trailing%20', '/trailing%20'],
    ['/two%20%20spaces', '/two%20%20spaces'],
    // A combining mark that would sit on the "/" rather than a letter.
    ['/%CC%B8etc', '/%CC%B8etc'],
  ])('%s stays %s', (raw, shown) => {
    expect(readablePath(raw)).toBe(shown);
  });

  it('escapes such characters when the path holds them raw (a hand-made HAR)', () => {
    expect(readablePath('/invoice\u202Efdp.exe')).toBe('/invoice%E2%80%AEfdp.exe');
    expect(readablePath('/a\nb\u0000')).toBe('/a%0Ab%00');
    expect(readablePath('/lone\uD800')).toBe('/lone%EF%BF%BD');
  });

  it(
    'leaves a path of megabytes (a data: URL) encoded, only its raw unsafe characters escaped, at once',
    { timeout: 60_000 },
    () => {
      const long = (size: number) => `/${'%41'.repeat(size)}\u202E`;
      expect(readablePath(long(400_000))).toBe(`/${'%41'.repeat(400_000)}%E2%80%AE`);
      // At once means linear: t(8n) near 8 × t(n), far from quadratic's 64× (see scaling.ts for
      // why a ratio and not a wall-clock limit).
      expectLinearScaling(long, (path) => readablePath(path), { n: 10_000, maxSize: 3_200_000 });
      // Up to 16 K characters, decoded.
      expect(readablePath(`/${'%41'.repeat(5_000)}`)).toBe(`/${'A'.repeat(5_000)}`);
    },
  );

  it('decodes what is safe beside what it keeps', () => {
    expect(readablePath('/Caf%C3%A9%20%E2%80%AE%20menu%0A')).toBe('/Café %E2%80%AE menu%0A');
  });

  it('never yields a character that changes how the text reads, whatever the escapes', () => {
    const unsafe = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]/u;
    for (let b = 0; b < 0x100; b++) {
      const hex = b.toString(16).padStart(2, '0');
      for (const tail of ['', '%80', '%80%80', '%80%80%80', '%AE', '%80%AE'])
        expect(readablePath(`/x%${hex}${tail}y`)).not.toMatch(unsafe);
    }
  });
});

describe('readablePathAndQuery: a path or last segment with its query, as the Name column reads it', () => {
  it.each([
    ['Another%20Test', 'Another Test'],
    ['Another%20Test?q=caf%C3%A9%20menu', 'Another Test?q=café menu'],
    ['/?q=%E6%97%A5', '/?q=日'],
    // What separates parameters and values stays escaped in the query: one parameter, not two.
    ['x?q=a%26b%3Dc&d=e%2Bf%3Bg', 'x?q=a%26b%3Dc&d=e%2Bf%3Bg'],
    // …but reads decoded in the path, as readablePath reads it.
    ['a%26b%3Dc%2B', 'a&b=c+'],
    // A second `?` belongs to the query, and stays as it is.
    ['x?a=%3F?b', 'x?a=%3F?b'],
    // What reads otherwise stays escaped on either side of the `?`.
    ['invoice%E2%80%AEfdp.exe?x=%0A%FF%2F', 'invoice%E2%80%AEfdp.exe?x=%0A%FF%2F'],
    ['plain?q=1', 'plain?q=1'],
  ])('%s reads %s', (raw, shown) => {
    expect(readablePathAndQuery(raw)).toBe(shown);
  });

  it('never yields a character that changes how the text reads, in the path or the query', () => {
    const unsafe = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]/u;
    for (let b = 0; b < 0x100; b++) {
      const hex = b.toString(16).padStart(2, '0');
      for (const tail of ['', '%80', '%80%AE', '%81%A6'])
        expect(readablePathAndQuery(`x%${hex}${tail}y?q=%${hex}${tail}z`)).not.toMatch(unsafe);
    }
  });
});
