import { describe, expect, it } from 'vitest';
import { parseHttpDate, parseRetryAfter } from '../../../src/core/catalogue/http-date';

const NOW = new Date('2025-03-01T12:00:00Z');

describe('parseHttpDate', () => {
  it('reads the three HTTP-date forms', () => {
    const expected = '1994-11-06T08:49:37.000Z';
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')?.toISOString()).toBe(expected);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', NOW)?.toISOString()).toBe(expected);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')?.toISOString()).toBe(expected);
  });

  it('puts two-digit RFC 850 years within 50 years of now', () => {
    expect(parseHttpDate('Monday, 01-Jan-30 00:00:00 GMT', NOW)?.getUTCFullYear()).toBe(2030);
    expect(parseHttpDate('Friday, 01-Jan-99 00:00:00 GMT', NOW)?.getUTCFullYear()).toBe(1999);
  });

  it('rejects things that are not dates', () => {
    for (const v of [
      '',
      'soon',
      '120',
      'Sun, 31 Feb 2025 00:00:00 GMT',
      'Sun, 06 Nov 1994 25:00:00 GMT',
      'Sun, 06 Foo 1994 08:49:37 GMT',
      'x'.repeat(10_000),
    ]) {
      expect(parseHttpDate(v), v.slice(0, 30)).toBeUndefined();
    }
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('120')).toEqual({ kind: 'seconds', seconds: 120 });
    expect(parseRetryAfter(' 0 ')).toEqual({ kind: 'seconds', seconds: 0 });
  });

  it('reads an HTTP-date', () => {
    const r = parseRetryAfter('Sat, 01 Mar 2025 12:30:00 GMT', NOW);
    expect(r.kind === 'date' && r.date.toISOString()).toBe('2025-03-01T12:30:00.000Z');
  });

  it('calls garbage invalid', () => {
    for (const v of ['soon', '-5', '1.5', '12345678901', '', '5 minutes']) {
      expect(parseRetryAfter(v), v).toEqual({ kind: 'invalid' });
    }
  });
});
