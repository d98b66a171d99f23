import { expect } from 'vitest';

/**
 * Guards against catastrophic backtracking and quadratic work without a wall-clock limit: an
 * absolute limit flakes when the machine is busy (2 cores shared by CI and several sessions), and
 * a benchmark is not a test. Instead the same work is timed on input of size n and of size
 * factor·n, and the ratio is asserted. A uniform slowdown of the machine scales both runs alike,
 * so the ratio does not move; what moves it is work that grows faster than the input. To be
 * slowed alike, the two must also last alike: the small input is run factor times for each run
 * of the large one (see measureScaling).
 *
 * With the default factor 8, linear work gives a ratio near 8 and quadratic work near 64; the
 * default bound of 24 sits three times above linear (room for GC, caches, a preempted run) and
 * well below quadratic. Exponential backtracking is far beyond either.
 */
export interface ScalingOptions {
  /**
   * The starting size, doubled until a run of it takes `minMs` so that timer noise cannot dominate.
   * Start small: if the code has become quadratic, the doubling stops early and the large run,
   * though slow, still ends (a regex cannot be interrupted, so a huge start would just hang).
   */
  n: number;
  /** How much bigger the large input is (default 8). */
  factor?: number;
  /** The largest allowed t(factor·n) / t(n) (default 3 × factor: linear is 1×, quadratic factor×). */
  maxRatio?: number;
  /** Each size is timed this many times, interleaved, and the best kept (default 5). */
  repeats?: number;
  /** The shortest run of the small input worth comparing (default 20 ms). */
  minMs?: number;
  /**
   * The largest size the code scans in full (factor·n never exceeds it). Past a cap on the input
   * (`maxScanChars`, a node bound) both sizes do the same capped work and the ratio says nothing,
   * even if that capped work were quadratic.
   */
  maxSize: number;
  /** The most the starting size and the loop count may be doubled, together, while looking for `minMs` (default 24). */
  maxDoublings?: number;
  /**
   * How many measurements expectLinearScaling makes before it fails (default 3): a ratio over
   * `maxRatio` is measured again, and fails only if every measurement is over it.
   */
  attempts?: number;
}

function timeOnce(run: () => void, loops: number): number {
  const started = performance.now();
  for (let i = 0; i < loops; i++) run();
  return performance.now() - started;
}

/**
 * Times `run(make(size))` (input built outside the timing) at n and factor·n and returns the
 * best-of-`repeats` times and their ratio. When even `maxSize` runs too quickly to time, each
 * timing runs the work several times over (`loops` runs of the large input per timing).
 *
 * Each timing of the small input runs it factor times as often as the large one and `small` is
 * that time over factor, so for linear work both timings last about as long. On a loaded machine
 * a long timing is preempted more than a short one, which can fit between other work: timed
 * once each, n and 8n of the hostile long-line analysis measured 24× beside one busy core (and
 * 6× on a quiet machine); timed this way, 5–8× beside two busy cores at a load average of 8.
 */
export function measureScaling<T>(
  make: (size: number) => T,
  run: (input: T) => void,
  options: ScalingOptions,
): { n: number; loops: number; small: number; large: number; ratio: number } {
  const factor = options.factor ?? 8;
  const repeats = options.repeats ?? 5;
  const minMs = options.minMs ?? 20;
  const maxDoublings = options.maxDoublings ?? 24;
  let n = options.n;
  let loops = 1;
  let doublings = 0;
  let smallInput = make(n);
  const grow = () => {
    doublings++;
    if (2 * n * factor <= options.maxSize) {
      n *= 2;
      smallInput = make(n);
    } else loops *= 2;
  };
  // Best of two, so the first run's compilation does not stop the growth too soon.
  const quickest = () =>
    Math.min(
      timeOnce(() => run(smallInput), loops),
      timeOnce(() => run(smallInput), loops),
    );
  while (doublings < maxDoublings && quickest() < minMs) grow();
  for (;;) {
    const largeInput = make(n * factor);
    let small = Infinity;
    let large = Infinity;
    // Interleaved, so a burst of load from elsewhere hits both sizes rather than one.
    for (let r = 0; r < repeats; r++) {
      small = Math.min(small, timeOnce(() => run(smallInput), loops * factor) / factor);
      large = Math.min(
        large,
        timeOnce(() => run(largeInput), loops),
      );
    }
    // Two runs slowed by other work can stop the growth early: the small input then times at a
    // fraction of minMs here (1.5 ms of 20, at a load average of 16), too short to compare.
    if (small >= minMs / 4 || doublings >= maxDoublings) {
      return { n, loops, small, large, ratio: large / Math.max(small, 0.001) };
    }
    grow();
  }
}

/**
 * Asserts that `run` does at most about linear work in the size of what `make` builds.
 *
 * A ratio over the bound is measured again, from the start (`attempts`, default 3), and the
 * assertion fails only when every measurement is over it. Quadratic work is over it every time
 * (near 64 against 24, with the default factor); a burst of load from elsewhere rarely lasts
 * through three measurements: the hostile 2 MB scan in test/unit/leaks/scan.test.ts, near 8×
 * at a load average of 9, measured 24.03× once under heavier load, and a one-off like that
 * failed the run.
 */
export function expectLinearScaling<T>(
  make: (size: number) => T,
  run: (input: T) => void,
  options: ScalingOptions,
): void {
  const factor = options.factor ?? 8;
  const maxRatio = options.maxRatio ?? 3 * factor;
  const attempts = options.attempts ?? 3;
  const measured: string[] = [];
  for (let a = 0; a < attempts; a++) {
    const m = measureScaling(make, run, options);
    measured.push(
      `t(${m.n * factor}) = ${m.large.toFixed(1)} ms is ${m.ratio.toFixed(1)}× t(${m.n}) = ${m.small.toFixed(1)} ms (${m.loops} runs of ${m.n * factor}; ${m.loops * factor} of ${m.n}, over ${factor})`,
    );
    if (m.ratio < maxRatio) return;
  }
  expect.fail(`over ${maxRatio}× in each of ${attempts} measurements: ${measured.join('; ')}`);
}
