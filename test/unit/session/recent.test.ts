import { describe, expect, it } from 'vitest';
import { Recent } from '../../../src/core/rules/shared/recent';

describe('a session rule’s bounded memory (Recent, #18)', () => {
  it('keeps at most `entries` keys, forgetting the least recently written first', () => {
    const r = new Recent<number>({ ms: 60_000, entries: 3 });
    r.set('a', 1, 0);
    r.set('b', 2, 0);
    r.set('c', 3, 0);
    // Writing `a` again makes it the most recent: `b` is now the oldest.
    r.set('a', 10, 1);
    r.set('d', 4, 2);
    expect(r.size).toBe(3);
    expect(r.get('b', 2)).toBeUndefined();
    expect([r.get('a', 2), r.get('c', 2), r.get('d', 2)]).toEqual([10, 3, 4]);
    // Reading does not refresh: `c` (written before `a` and `d`) goes next.
    r.set('e', 5, 3);
    expect(r.get('c', 3)).toBeUndefined();
    expect([r.get('a', 3), r.get('d', 3), r.get('e', 3)]).toEqual([10, 4, 5]);
  });

  it('forgets what was written longer than `ms` before the entry asking; exactly `ms` is still remembered', () => {
    const r = new Recent<string>({ ms: 1000, entries: 10 });
    r.set('k', 'v', 0);
    expect(r.get('k', 1000)).toBe('v');
    expect(r.get('k', 1001)).toBeUndefined();
    expect(r.size).toBe(0);
    // Without times only the count bounds it.
    r.set('n', 'v', NaN);
    expect(r.get('n', 5_000_000)).toBe('v');
  });

  it('stays exact over a long session of many keys (deletes, refreshes and evictions mixed)', () => {
    const entries = 50;
    const r = new Recent<number>({ ms: Number.POSITIVE_INFINITY, entries });
    const model: string[] = []; // least recently written first
    for (let i = 0; i < 20_000; i++) {
      const key = `k${(i * 7919) % 137}`;
      if (i % 11 === 0) {
        r.delete(key);
        const at = model.indexOf(key);
        if (at >= 0) model.splice(at, 1);
        continue;
      }
      r.set(key, i, i);
      if (model.includes(key)) model.splice(model.indexOf(key), 1);
      model.push(key);
      if (model.length > entries) model.shift();
    }
    expect(r.size).toBe(model.length);
    for (const key of model) expect(r.get(key, 0)).toBeDefined();
  });
});
