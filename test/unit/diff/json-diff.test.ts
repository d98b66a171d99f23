import { describe, expect, it } from 'vitest';
import { diffJson } from '../../../src/core/diff/json-diff';
import type { JsonChange } from '../../../src/core/diff/json-diff-types';
import { previewJson } from '../../../src/core/diff/json-preview';
import type { JsonValue } from '../../../src/core/json/walk';

const parse = (text: string): JsonValue => JSON.parse(text) as JsonValue;
const brief = (c: JsonChange): string =>
  `${c.kind} ${c.pointer}${c.before ? ` ${c.before.text}` : ''}${c.after ? ` → ${c.after.text}` : ''}`;
const list = (b: string, a: string): string[] => diffJson(parse(b), parse(a)).changes.map(brief);

describe('diffJson: objects', () => {
  it('ignores key order', () => {
    const d = diffJson(parse('{"a":1,"b":{"x":[1,2],"y":null}}'), parse('{"b":{"y":null,"x":[1,2]},"a":1}'));
    expect(d.equal).toBe(true);
    expect(d.changes).toEqual([]);
  });

  it('names added, removed and changed members with JSON Pointers', () => {
    expect(list('{"id":7,"name":"Ada","role":"admin"}', '{"id":7,"name":"Ada L.","email":"a@x.io"}')).toEqual(
      ['removed /role "admin"', 'added /email → "a@x.io"', 'changed /name "Ada" → "Ada L."'],
    );
  });

  it('escapes "/" and "~" in member names per RFC 6901', () => {
    expect(list('{"a/b":{"c~d":1}}', '{"a/b":{"c~d":2}}')).toEqual(['changed /a~1b/c~0d 1 → 2']);
  });

  it('keeps an empty member name distinct from the whole document', () => {
    expect(list('{"":1}', '{"":2}')).toEqual(['changed / 1 → 2']);
    expect(list('1', '2')).toEqual(['changed  1 → 2']);
  });

  it('reads only own members: "__proto__" is an ordinary key', () => {
    const d = diffJson(parse('{"__proto__":{"x":1}}'), parse('{"__proto__":{"x":2},"constructor":3}'));
    expect(d.changes.map(brief)).toEqual(['added /constructor → 3', 'changed /__proto__/x 1 → 2']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('diffJson: types', () => {
  it('marks type changes and does not descend into them', () => {
    expect(
      list(
        '{"n":1,"o":{"a":1},"l":[1],"s":"1","z":null}',
        '{"n":"1","o":[1],"l":{"0":1},"s":null,"z":false}',
      ),
    ).toEqual([
      'type-changed /n 1 → "1"',
      'type-changed /o object, 1 member → array, 1 item',
      'type-changed /l array, 1 item → object, 1 member',
      'type-changed /s "1" → null',
      'type-changed /z null → false',
    ]);
  });

  it('tells a changed value of one type from a type change', () => {
    const d = diffJson(parse('{"a":true,"b":1.5}'), parse('{"a":false,"b":2}'));
    expect(d.counts).toEqual({ added: 0, removed: 0, changed: 2, 'type-changed': 0 });
  });

  it('a changed root type is one change at pointer ""', () => {
    expect(list('{"a":1}', '[1]')).toEqual(['type-changed  object, 1 member → array, 1 item']);
  });
});

describe('diffJson: arrays', () => {
  it('one element inserted in the middle is one addition, not a change per index', () => {
    expect(list('[1,2,3,4]', '[1,2,9,3,4]')).toEqual(['added /2 → 9']);
  });

  it('one element removed from the middle is one removal at its index before', () => {
    expect(list('["a","b","c"]', '["a","c"]')).toEqual(['removed /1 "b"']);
  });

  it('matches records by a unique id, so reordering is no change and edits land on the record', () => {
    const before = '[{"id":1,"v":"a"},{"id":2,"v":"b"},{"id":3,"v":"c"}]';
    expect(list(before, '[{"id":3,"v":"c"},{"id":1,"v":"a"},{"id":2,"v":"b"}]')).toEqual([]);
    expect(list(before, '[{"id":3,"v":"C"},{"id":1,"v":"a"},{"id":4,"v":"d"}]')).toEqual([
      'removed /1 object, 2 members',
      'added /2 → object, 2 members',
      'changed /0/v "c" → "C"',
    ]);
  });

  it('an id is typed: 1 and "1" are different records', () => {
    expect(list('[{"id":1}]', '[{"id":"1"}]')).toEqual([
      'removed /0 object, 1 member',
      'added /0 → object, 1 member',
    ]);
  });

  it('falls back to index order when ids repeat or are missing', () => {
    expect(list('[{"id":1,"v":1},{"id":1,"v":2}]', '[{"id":1,"v":1},{"id":1,"v":3}]')).toEqual([
      'changed /1/v 2 → 3',
    ]);
    expect(list('[{"v":1},{"v":2}]', '[{"v":1},{"v":2},{"v":3}]')).toEqual(['added /2 → object, 1 member']);
  });

  it('an emptied list lists its removed elements', () => {
    expect(list('[1,2]', '[]')).toEqual(['removed /0 1', 'removed /1 2']);
  });
});

describe('diffJson: limits and hostile input', () => {
  it('is safe at 100,000 levels of nesting, and names the deep change', () => {
    const depth = 100_000;
    const before = parse('['.repeat(depth) + '1' + ']'.repeat(depth));
    const after = parse('['.repeat(depth) + '2' + ']'.repeat(depth));
    const d = diffJson(before, after);
    expect(d.total).toBe(1);
    expect(d.changes[0]!.kind).toBe('changed');
    expect(d.changes[0]!.pointer).toBe('/0'.repeat(depth));
  });

  it('is safe at 100,000 levels of nested objects that are equal', () => {
    const depth = 100_000;
    const text = '{"a":'.repeat(depth) + 'null' + '}'.repeat(depth);
    expect(diffJson(parse(text), parse(text)).equal).toBe(true);
  });

  it('lists at most maxChanges and counts the rest', () => {
    const b = JSON.stringify(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i])));
    const a = JSON.stringify(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i + 1])));
    const d = diffJson(parse(b), parse(a), { maxChanges: 10 });
    expect(d.changes).toHaveLength(10);
    expect(d.total).toBe(1000);
    expect(d.omitted).toBe(990);
    expect(d.equal).toBe(false);
  });

  it('bounds the characters it lists (long pointers and values)', () => {
    const key = 'k'.repeat(10_000);
    const b = JSON.stringify(
      Object.fromEntries(Array.from({ length: 50 }, (_, i) => [key + i, 'x'.repeat(10_000)])),
    );
    const d = diffJson(parse(b), parse('{}'), { maxOutputChars: 50_000 });
    expect(d.total).toBe(50);
    const listed = d.changes.reduce((n, c) => n + c.pointer.length + (c.before?.text.length ?? 0), 0);
    expect(listed).toBeLessThanOrEqual(50_000);
    expect(d.omitted).toBe(50 - d.changes.length);
    expect(d.changes[0]!.before!.text.length).toBeLessThanOrEqual(120);
  });

  it('stops after maxNodes pairs and says the result is incomplete', () => {
    const b = parse(JSON.stringify(Array.from({ length: 100 }, (_, i) => ({ v: i }))));
    const a = parse(JSON.stringify(Array.from({ length: 100 }, (_, i) => ({ v: -i - 1 }))));
    const d = diffJson(b, a, { maxNodes: 50 });
    expect(d.complete).toBe(false);
    expect(d.equal).toBe(false);
    expect(d.total).toBeLessThan(100);
  });
});

describe('previewJson', () => {
  it('clips long strings and summarises containers without serialising them', () => {
    expect(previewJson('x'.repeat(500), 20).text).toHaveLength(20);
    expect(previewJson({ a: 1, b: 2 })).toEqual({ type: 'object', text: 'object, 2 members' });
    expect(previewJson([])).toEqual({ type: 'array', text: 'array, 0 items' });
  });
});
