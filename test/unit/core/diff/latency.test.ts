import { describe, expect, it } from 'vitest';
import { EXACT_SAMPLES, LATENCY_ACCURACY, LatencySketch } from '../../../../src/core/diff/capture/latency';

describe('latency sketch', () => {
  it('gives exact p50 and p95 for small captures (nearest rank)', () => {
    const s = new LatencySketch();
    for (let ms = 1; ms <= 20; ms++) s.add(ms * 10);
    expect(s.quantiles()).toEqual({ samples: 20, p50: 100, p95: 190 });
  });

  it('skips unknown times (HAR -1) and has no quantiles without samples', () => {
    const s = new LatencySketch();
    s.add(-1);
    s.add(Number.NaN);
    expect(s.quantiles()).toBeUndefined();
  });

  it('stays within its relative accuracy past the exact samples, in memory that does not grow', () => {
    const s = new LatencySketch();
    const values: number[] = [];
    // A deterministic spread over four orders of magnitude.
    for (let i = 0; i < 100_000; i++) values.push(0.5 + ((i * 7919) % 100_000) / 10);
    for (const v of values) s.add(v);
    values.sort((a, b) => a - b);
    for (const q of [0.5, 0.95]) {
      const truth = values[Math.ceil(q * values.length) - 1]!;
      expect(Math.abs(s.quantile(q)! - truth) / truth).toBeLessThanOrEqual(LATENCY_ACCURACY + 1e-9);
    }
    expect(values.length).toBeGreaterThan(EXACT_SAMPLES);
    // Buckets, not samples: the private map holds one entry per distinct ⌈log_γ⌉.
    expect((s as unknown as { buckets: Map<number, number> }).buckets.size).toBeLessThan(1_000);
  });

  it('gives the same quantiles whatever the order of the samples', () => {
    const a = new LatencySketch();
    const b = new LatencySketch();
    const values = Array.from({ length: 500 }, (_, i) => (i * 37) % 1000);
    values.forEach((v) => a.add(v));
    [...values].reverse().forEach((v) => b.add(v));
    expect(a.quantiles()).toEqual(b.quantiles());
  });
});
