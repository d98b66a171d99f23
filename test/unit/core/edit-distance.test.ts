import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from '../../../src/core/text/edit-distance';

describe('editDistance', () => {
  it.each([
    ['status', 'status', 0],
    ['stauts', 'status', 1], // two letters swapped: one edit
    ['statu', 'status', 1],
    ['xstatus', 'status', 1],
    ['sttaus', 'status', 1], // "ta" for "at"
    ['stat', 'status', 2],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('%s → %s: %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('nearest', () => {
  it('gives the closest candidate within the limit, the first listed on a tie, none past it', () => {
    expect(nearest('rulez', ['version', 'rules', 'ruleOptions'])).toBe('rules');
    expect(nearest('abc', ['abd', 'abe'])).toBe('abd');
    expect(nearest('zzzzzz', ['rules', 'capture'])).toBeUndefined();
    expect(nearest('ruls', ['rules'], 0)).toBeUndefined();
  });
});
