import { describe, expect, it } from 'vitest';
import { expectLinearScaling } from '../helpers/scaling';

/*
 * The scaling guard of the hostile-input tests (test/helpers/scaling.ts) must fail quadratic
 * work, and must not fail linear work because one measurement was slowed by other work on the
 * machine: the 2 MB scan of test/unit/leaks/scan.test.ts once measured 24.03× against 24.
 */
const N = 200;
/** About `size` steps of work, `times` over (the sum returned, so that none is left out). */
function work(size: number, times = 1): number {
  const a = new Float64Array(size).fill(1);
  let sum = 0;
  for (let t = 0; t < times; t++) for (let i = 0; i < size; i++) sum += a[i]!;
  return sum;
}
const quick = { n: N, maxSize: 1 << 22, minMs: 4, repeats: 3 };

describe('expectLinearScaling', () => {
  it('passes linear work', () => {
    expectLinearScaling(
      (size) => size,
      (size) => work(size),
      quick,
    );
  });

  it('fails quadratic work, in every measurement', { timeout: 60_000 }, () => {
    const quadratic = (size: number) => {
      let sum = 0;
      for (let i = 0; i < size; i += 64) sum += work(size);
      return sum;
    };
    expect(() =>
      expectLinearScaling((size) => size, quadratic, { ...quick, minMs: 2, repeats: 1, maxSize: 1 << 16 }),
    ).toThrow(/over 24× in each of 3 measurements: t\(/);
  });

  it('measures again when one measurement is over the bound', { timeout: 60_000 }, () => {
    // A measurement starts from the size N: the large inputs of the first are slow (8 times the
    // work, as if the machine had been busy for them alone), those of the next are not.
    // A small input doubles the last; a large one is factor (8) times it.
    let measurements = 0;
    let small = 0;
    const make = (size: number) => {
      if (size === N) measurements++;
      const large = size === 8 * small;
      if (!large) small = size;
      return { size, slow: measurements === 1 && large };
    };
    expectLinearScaling(make, ({ size, slow }) => work(size, slow ? 8 : 1), quick);
    expect(measurements).toBe(2);
  });
});
