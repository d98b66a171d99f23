import { describe, expect, it } from 'vitest';
import { groupEndpoints, percentile } from '../../../src/core/endpoints/grouper';
import type { Finding, Severity } from '../../../src/core/rules/types';
import { makeExchange } from '../../helpers/exchange';

const f = (rule: string, severity: Severity): Finding => ({
  rule,
  severity,
  message: 'm',
  source: { label: 'x', url: 'https://example.com' },
});
const call = (url: string, status: number, time: number, findings: Finding[] = []) => ({
  exchange: { ...makeExchange({ url, status }), time },
  findings,
});

describe('Endpoints: calls, error rate, latency and rank per route template (#16 point 8)', () => {
  it('gives each endpoint its error rate and p50/p95 latency (nearest rank, unknown times left out)', () => {
    const times = [10, 20, 30, 40, 50, 60, 70, 80, 90, 1000];
    const [g] = groupEndpoints([
      ...times.map((t, i) => call(`https://a.io/users/${i}`, i < 7 ? 200 : i < 9 ? 404 : 500, t)),
      call('https://a.io/users/99', 0, -1),
    ]);
    expect(g!.count).toBe(11);
    expect(g!.errorRate).toBeCloseTo(4 / 11);
    expect(g!.p50).toBe(50);
    expect(g!.p95).toBe(1000);
  });

  it('has no latency figures when no call has a known time', () => {
    const [g] = groupEndpoints([call('https://a.io/x', 200, -1)]);
    expect(g!.p50).toBeUndefined();
    expect(g!.p95).toBeUndefined();
    expect(g!.errorRate).toBe(0);
  });

  it('ranks 5xx and failed calls first, then error findings, then warnings, then volume', () => {
    const groups = groupEndpoints([
      ...Array.from({ length: 5 }, (_, i) => call(`https://a.io/busy/${i}`, 200, 1)),
      call('https://a.io/warned', 200, 1, [f('w/x', 'warning'), f('w/x', 'warning')]),
      call('https://a.io/erred', 200, 1, [f('e/x', 'error')]),
      call('https://a.io/down', 503, 1),
      call('https://a.io/refused', 0, 1),
      call('https://a.io/refused', 0, 1),
    ]);
    expect(groups.map((g) => g.path)).toEqual(['/refused', '/down', '/erred', '/warned', '/busy/{id}']);
  });

  it('marks each rule with the worst severity its findings have at that endpoint', () => {
    const [g] = groupEndpoints([
      call('https://a.io/x', 429, 1, [f('http/retry-after', 'warning'), f('body/a', 'info')]),
      call('https://a.io/x', 429, 1, [f('http/retry-after', 'error')]),
    ]);
    expect(g!.rules).toEqual({ 'http/retry-after': 2, 'body/a': 1 });
    expect(g!.ruleSeverity).toEqual({ 'http/retry-after': 'error', 'body/a': 'info' });
  });

  it('percentile uses the nearest rank', () => {
    expect(percentile([1], 95)).toBe(1);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 95)).toBe(4);
  });
});
