import { describe, expect, it } from 'vitest';
import {
  MAX_ARRAY_ITEMS,
  MAX_SHAPE_DEPTH,
  MAX_SHAPE_MEMBERS,
  ShapeTally,
  type ShapeSummary,
} from '../../../../src/core/diff/capture/shape';
import type { JsonValue } from '../../../../src/core/json/walk';

function infer(...bodies: JsonValue[]): ShapeSummary {
  const t = new ShapeTally();
  for (const b of bodies) t.add(b);
  return t.summary();
}

const member = (s: ShapeSummary, path: string) => s.members.find((m) => m.path === path);

describe('shape inference', () => {
  it('lists every member with its JSON types, nested objects and array items included', () => {
    const s = infer({ id: 1, name: 'a', tags: ['x'], owner: { active: true, note: null } });
    expect(s.members.map((m) => [m.path, m.types.join('|')])).toEqual([
      ['', 'object'],
      ['/id', 'number'],
      ['/name', 'string'],
      ['/owner', 'object'],
      ['/owner/active', 'boolean'],
      ['/owner/note', 'null'],
      ['/tags', 'array'],
      ['/tags/[]', 'string'],
    ]);
    expect(s).toMatchObject({ bodies: 1, truncated: false });
  });

  it('unions types across bodies and counts in how many bodies a member occurs', () => {
    const s = infer({ id: 1, email: 'a@b' }, { id: 2, email: null }, { id: 3 });
    expect(member(s, '/email')).toEqual({ path: '/email', types: ['string', 'null'], seen: 2 });
    expect(member(s, '/id')!.seen).toBe(3);
  });

  it('counts an array item path once per body, however many items it has', () => {
    const s = infer({ items: [{ id: 1 }, { id: 2 }, { id: 3 }] }, { items: [] });
    expect(member(s, '/items/[]/id')).toEqual({ path: '/items/[]/id', types: ['number'], seen: 1 });
  });

  it('reads only the first items of an array', () => {
    const items: JsonValue[] = Array.from({ length: MAX_ARRAY_ITEMS }, () => 1);
    items.push('late');
    expect(member(infer(items), '/[]')!.types).toEqual(['number']);
  });

  it('folds members named like ids into one path, as route templates fold ids in URLs', () => {
    const s = infer({ '42': { name: 'a' }, '9f1c2d3e4b5a6978': { name: 'b' } });
    expect(s.members.map((m) => m.path)).toEqual(['', '/{id}', '/{id}/name']);
  });

  it('escapes / and ~ in member names as JSON Pointer does', () => {
    expect(infer({ 'a/b': 1, 'c~d': 2 }).members.map((m) => m.path)).toEqual(['', '/a~1b', '/c~0d']);
  });

  it('keeps __proto__ as data and leaves Object.prototype alone', () => {
    const s = infer(JSON.parse('{"__proto__": {"polluted": true}}') as JsonValue);
    expect(s.members.map((m) => m.path)).toEqual(['', '/__proto__', '/__proto__/polluted']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('caps the members it keeps and says the shape is truncated', () => {
    const wide: Record<string, number> = {};
    for (let i = 0; i < MAX_SHAPE_MEMBERS + 50; i++) wide[`m${i}x`] = i;
    const s = infer(wide);
    expect(s.members).toHaveLength(MAX_SHAPE_MEMBERS);
    expect(s.truncated).toBe(true);
  });

  it('is safe at 100,000 levels of nesting: types the top levels and stops', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`) as JsonValue;
    const s = infer(deep);
    expect(s.members).toHaveLength(MAX_SHAPE_DEPTH + 1);
    expect(s.members.at(-1)!.path).toBe('/a'.repeat(MAX_SHAPE_DEPTH));
  });

  it('types a scalar or array body at the root', () => {
    expect(infer([1, 'a'], 'text').members).toEqual([
      { path: '', types: ['array', 'string'], seen: 2 },
      { path: '/[]', types: ['string', 'number'], seen: 1 },
    ]);
  });
});
