import { describe, expect, it } from 'vitest';
import {
  countQueryParams,
  decodeComponent,
  joinUrl,
  parseQueryString,
  splitUrl,
} from '../../../src/core/export/query';
import { expectLinearScaling } from '../../helpers/scaling';

describe('query helpers', () => {
  it('splits and joins URLs without re-encoding', () => {
    const url = 'https://a.example/p%20q?x=%41&y#frag?not=query';
    const parts = splitUrl(url);
    expect(parts).toEqual({ base: 'https://a.example/p%20q', query: 'x=%41&y', fragment: 'frag?not=query' });
    expect(joinUrl(parts)).toBe(url);
    expect(splitUrl('https://a.example/')).toEqual({
      base: 'https://a.example/',
      query: null,
      fragment: null,
    });
  });

  it('decodes form-style and survives malformed escapes', () => {
    expect(decodeComponent('a+b%20c')).toBe('a b c');
    expect(decodeComponent('%E0%A4%A')).toBe('%E0%A4%A');
  });

  it('parses pairs, skips empty pieces, and respects a limit', () => {
    expect(parseQueryString('a=1&&b&c=x=y&=v')).toEqual([
      { name: 'a', value: '1' },
      { name: 'b', value: '' },
      { name: 'c', value: 'x=y' },
      { name: '', value: 'v' },
    ]);
    expect(parseQueryString('a=1&b=2&c=3', 2)).toHaveLength(2);
    expect(countQueryParams('a=1&&b&')).toBe(2);
    expect(countQueryParams('')).toBe(0);
  });

  it('handles 100,000 parameters quickly', { timeout: 60_000 }, () => {
    const query = (size: number) => Array.from({ length: size }, (_, i) => `p${i}=${i}`).join('&');
    expect(countQueryParams(query(100_000))).toBe(100_000);
    expect(parseQueryString(query(100_000), 500)).toHaveLength(500);
    // Quickly means linear: t(8n) near 8 × t(n), far from quadratic's 64× (see scaling.ts for
    // why a ratio and not a wall-clock limit).
    expectLinearScaling(query, (q) => countQueryParams(q), { n: 2_000, maxSize: 800_000 });
    expectLinearScaling(query, (q) => parseQueryString(q), { n: 2_000, maxSize: 800_000 });
  });
});
