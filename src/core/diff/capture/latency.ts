/**
 * Latency quantiles in bounded memory: exact up to EXACT_SAMPLES requests, then a log-bucket
 * sketch (DDSketch's idea). A sample falls in the bucket ⌈log_γ(ms)⌉ with
 * γ = (1 + α) / (1 − α), so every quantile it reports is within
 * α (1%) of a sample that really is at that rank. Memory follows the range of the values, not
 * their number: 0.01 ms to a day is under 1,100 buckets; a capture of a million requests to one
 * endpoint costs what a hundred do. Unlike a reservoir it is exact in rank and deterministic
 * (the same capture gives the same p95 on every run), which a diff needs: two runs of one
 * capture must compare equal.
 */

/** Relative accuracy of every quantile. */
export const LATENCY_ACCURACY = 0.01;
const GAMMA = (1 + LATENCY_ACCURACY) / (1 - LATENCY_ACCURACY);
const LOG_GAMMA = Math.log(GAMMA);
/** Samples below this (ms) share one bucket and read as 0. */
const MIN_MS = 0.01;
/** Above this (a day, in ms) a sample is clamped: a recorder's garbage cannot grow the sketch. */
const MAX_MS = 86_400_000;

export interface LatencyQuantiles {
  /** How many requests had a known time. */
  samples: number;
  /** Milliseconds, rounded to 0.1. */
  p50: number;
  p95: number;
}

/** Up to this many samples are kept as they are, so small captures get exact quantiles. */
export const EXACT_SAMPLES = 64;

export class LatencySketch {
  private readonly buckets = new Map<number, number>();
  private zeros = 0;
  /** The samples themselves while there are few; undefined once they went into buckets. */
  private exact: number[] | undefined = [];
  count = 0;

  /** A request's total time in ms; unknown (negative) or non-finite times are not samples. */
  add(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.count++;
    if (this.exact) {
      this.exact.push(ms);
      if (this.exact.length <= EXACT_SAMPLES) return;
      const held = this.exact;
      this.exact = undefined;
      for (const v of held) this.bucket(v);
      return;
    }
    this.bucket(ms);
  }

  /** Takes in another sketch's samples (two endpoints found to be one: summary.ts). */
  absorb(other: LatencySketch): void {
    if (other.exact) {
      for (const v of other.exact) this.add(v);
      return;
    }
    if (this.exact) {
      const held = this.exact;
      this.exact = undefined;
      for (const v of held) this.bucket(v);
    }
    this.count += other.count;
    this.zeros += other.zeros;
    for (const [i, n] of other.buckets) this.buckets.set(i, (this.buckets.get(i) ?? 0) + n);
  }

  private bucket(ms: number): void {
    if (ms < MIN_MS) {
      this.zeros++;
      return;
    }
    const i = Math.ceil(Math.log(Math.min(ms, MAX_MS)) / LOG_GAMMA);
    this.buckets.set(i, (this.buckets.get(i) ?? 0) + 1);
  }

  /** The value at quantile q (0–1) by nearest rank; undefined without samples. */
  quantile(q: number): number | undefined {
    if (this.count === 0) return undefined;
    const rank = Math.max(1, Math.ceil(q * this.count));
    if (this.exact) return [...this.exact].sort((a, b) => a - b)[rank - 1];
    if (rank <= this.zeros) return 0;
    let seen = this.zeros;
    const keys = [...this.buckets.keys()].sort((a, b) => a - b);
    for (const k of keys) {
      seen += this.buckets.get(k)!;
      // The bucket's midpoint in relative terms: at most α from any value in it.
      if (seen >= rank) return (2 * GAMMA ** k) / (GAMMA + 1);
    }
    return undefined;
  }

  /** p50 and p95, or undefined when no request had a known time. */
  quantiles(): LatencyQuantiles | undefined {
    if (this.count === 0) return undefined;
    const round = (v: number | undefined) => Math.round((v ?? 0) * 10) / 10;
    return { samples: this.count, p50: round(this.quantile(0.5)), p95: round(this.quantile(0.95)) };
  }
}
