import { describe, expect, it } from 'vitest';
import { listOf } from '../../../src/core/text/list';

describe('listOf', () => {
  it.each([
    [[], 'and', ''],
    [['a'], 'and', 'a'],
    [['a', 'b'], 'and', 'a and b'],
    [['a', 'b', 'c'], 'and', 'a, b and c'],
    [['string', 'null'], 'or', 'string or null'],
  ] as const)('%j with %s: %s', (items, conjunction, expected) => {
    expect(listOf(items, conjunction)).toBe(expected);
  });
});
