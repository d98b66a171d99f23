import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../src/core/json/walk';
import {
  expandSubtree,
  flattenTree,
  initialExpansion,
  resolvePointer,
  rowPointer,
  rowsOf,
  searchJson,
} from '../../../src/ui/json-tree/model';
import { MAX_INDENT_DEPTH, stringifyJson } from '../../../src/ui/json-tree/stringify';

const deepArray = (depth: number): JsonValue =>
  JSON.parse('['.repeat(depth) + '"leaf"' + ']'.repeat(depth)) as JsonValue;

describe('flattenTree', () => {
  it('lists the root and the children of open containers, depth-first', () => {
    const doc = JSON.parse('{"a":{"b":1},"c":[true,null],"d":"x"}') as { a: object; c: JsonValue[] };
    const rows = flattenTree(doc as JsonValue, new Set<object>([doc, doc.c]));
    expect(rows.map((r) => [r.key, r.depth, r.size, r.expanded])).toEqual([
      [null, 0, 3, true],
      ['a', 1, 1, false],
      ['c', 1, 2, true],
      [0, 2, -1, false],
      [1, 2, -1, false],
      ['d', 1, -1, false],
    ]);
    expect(rows.map((_, i) => rowPointer(rows, i))).toEqual(['', '/a', '/c', '/c/0', '/c/1', '/d']);
  });

  it('escapes pointer segments and keeps a __proto__ key as data', () => {
    const doc = JSON.parse('{"a/b":{"~x":1},"__proto__":{"polluted":true}}') as JsonValue;
    const open = new Set<object>();
    expandSubtree(doc, open);
    const rows = flattenTree(doc, open);
    expect(rows.map((_, i) => rowPointer(rows, i))).toEqual([
      '',
      '/a~1b',
      '/a~1b/~0x',
      '/__proto__',
      '/__proto__/polluted',
    ]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('flattens 100,000 levels fully expanded without recursion', () => {
    const doc = deepArray(100_000);
    const open = new Set<object>();
    expect(expandSubtree(doc, open, 200_000)).toBe(true);
    const rows = flattenTree(doc, open);
    expect(rows).toHaveLength(100_001);
    expect(rows[100_000]!.value).toBe('leaf');
    expect(rowPointer(rows, 3)).toBe('/0/0/0');
  });
});

describe('initialExpansion', () => {
  it('opens the root and small levels within the row budget', () => {
    const doc = JSON.parse('{"a":{"b":{"c":{"d":1}}},"e":[1,2]}') as { a: { b: { c: object } }; e: object };
    const open = initialExpansion(doc as JsonValue);
    expect(open.has(doc)).toBe(true);
    expect(open.has(doc.a)).toBe(true);
    expect(open.has(doc.e)).toBe(true);
    expect(open.has(doc.a.b)).toBe(true);
    expect(open.has(doc.a.b.c)).toBe(false);
  });

  it('keeps big documents closed below the root', () => {
    const doc = Array.from({ length: 1000 }, (_, i) => ({ i }));
    const open = initialExpansion(doc);
    expect(open.size).toBe(1);
    expect(initialExpansion(deepArray(20_000)).size).toBe(3);
    expect(initialExpansion('x').size).toBe(0);
  });
});

describe('expandSubtree', () => {
  it('stops at the container cap', () => {
    const open = new Set<object>();
    expect(expandSubtree(deepArray(50), open, 10)).toBe(false);
    expect(open.size).toBe(10);
  });
});

describe('resolvePointer', () => {
  const doc = JSON.parse('{"a":[{"b":1},{"c/d":{"~":2}}],"__proto__":3,"":4}') as JsonValue;

  it('finds members and their ancestors', () => {
    const hit = resolvePointer(doc, '/a/1/c~1d/~0')!;
    expect(hit.value).toBe(2);
    expect(hit.key).toBe('~');
    expect(hit.ancestors).toHaveLength(4);
    expect(resolvePointer(doc, '')).toMatchObject({
      key: null,
      holder: undefined,
      value: doc,
      ancestors: [],
    });
    expect(resolvePointer(doc, '/__proto__')!.value).toBe(3);
    expect(resolvePointer(doc, '/')!.value).toBe(4);
  });

  it('returns undefined for what is not there', () => {
    for (const p of ['/x', '/a/2', '/a/01', '/a/-1', '/a/0/b/c', 'a', '/toString', '/a/length']) {
      expect(resolvePointer(doc, p)).toBeUndefined();
    }
  });
});

describe('searchJson and rowsOf', () => {
  const doc = JSON.parse(
    '{"user":{"Name":"Ada","tags":["admin","ops"]},"count":42,"other":{"note":"named"}}',
  ) as JsonValue;

  it('matches keys and primitive values case-insensitively, in document order', () => {
    const { matches, truncated } = searchJson(doc, 'NAME');
    expect(truncated).toBe(false);
    expect(matches.map((m) => m.key)).toEqual(['Name', 'note']);
    expect(searchJson(doc, '42').matches.map((m) => m.key)).toEqual(['count']);
    expect(searchJson(doc, '').matches).toEqual([]);
  });

  it('gives the ancestors needed to show each match', () => {
    const [m] = searchJson(doc, 'ops').matches;
    const open = new Set<object>(m!.ancestors);
    const rows = flattenTree(doc, open);
    const [i] = rowsOf(rows, [m!]);
    expect(rowPointer(rows, i!)).toBe('/user/tags/1');
  });

  it('caps matches', () => {
    const many = Array.from({ length: 5000 }, () => 'x');
    const r = searchJson(many, 'x', 100);
    expect(r.matches).toHaveLength(100);
    expect(r.truncated).toBe(true);
  });

  it('searches 100,000 levels without recursion', () => {
    const r = searchJson(deepArray(100_000), 'leaf');
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0]!.ancestors).toHaveLength(100_000);
  });
});

describe('stringifyJson', () => {
  it('matches JSON.stringify for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, 4), (v, indent) => {
        const value = JSON.parse(JSON.stringify(v)) as JsonValue;
        expect(stringifyJson(value, indent)).toBe(JSON.stringify(value, null, indent || undefined));
      }),
      { numRuns: 300 },
    );
  });

  it('writes 100,000 levels without throwing, with indentation capped', () => {
    const out = stringifyJson(deepArray(100_000), 2);
    expect(out.startsWith('[\n  [\n    [')).toBe(true);
    expect(out).toContain('"leaf"');
    const longestIndent = Math.max(...out.split('\n', 2_000).map((l) => l.length - l.trimStart().length));
    expect(longestIndent).toBe(MAX_INDENT_DEPTH * 2);
    expect(stringifyJson(deepArray(100_000), 0)).toBe('['.repeat(100_000) + '"leaf"' + ']'.repeat(100_000));
  });
});
