import { describe, expect, it } from 'vitest';
import { hideCutValues, holdsCutValue } from '../../../src/core/export/cut-values';
import { clip } from '../../../src/core/text/clip';

const token = 'Qz7mW2xPLk94Rt5Yu8Io0Pa3Sd6Fg9Hj';

describe('a known value cut part-way by clip()', () => {
  it('is found and its beginning hidden, wherever the cut fell', () => {
    for (let keep = 4; keep < token.length; keep++) {
      const text = clip(`GET /v1/feed?t=${token} was sent again`, 'GET /v1/feed?t='.length + keep + 1);
      expect(holdsCutValue(text, token)).toBe(true);
      expect(hideCutValues(text, [token])).toBe('GET /v1/feed?t=[REDACTED]…');
    }
  });

  it('leaves a text alone when fewer than four characters were left, or nothing was cut', () => {
    const short = clip(`GET /v1/feed?t=${token}`, 'GET /v1/feed?t='.length + 4);
    expect(short).toBe('GET /v1/feed?t=Qz7…');
    expect(holdsCutValue(short, token)).toBe(false);
    expect(hideCutValues(short, [token])).toBe(short);
    const whole = `GET /v1/feed?t=${token}… and more`;
    expect(hideCutValues(`GET /v1/feed…`, [token])).toBe('GET /v1/feed…');
    // A whole value is hidden where it stands (hideKnownValues), not as a cut one.
    expect(holdsCutValue(whole, token)).toBe(false);
  });

  it("keeps a secret's start a finding shows on purpose, outside a URL", () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlMTIzNDU2';
    const text = 'A body member holds a JWT (eyJhbGciOi…). Fine if this endpoint issues it';
    expect(holdsCutValue(text, jwt)).toBe(false);
    expect(hideCutValues(text, [jwt])).toBe(text);
    // The same start where a URL was cut is hidden.
    expect(hideCutValues('GET /v1/s?t=eyJhbGciOi…', [jwt])).toBe('GET /v1/s?t=[REDACTED]…');
    expect(hideCutValues(`${token.slice(0, 8)}…`, [token])).toBe('[REDACTED]…');
  });

  it('hides each cut in a text with several, the longest beginning of any value', () => {
    const other = 'Lm3nB6vC9xZ2';
    const text = `a=${token.slice(0, 10)}… b=${other.slice(0, 6)}…`;
    expect(hideCutValues(text, [other, token])).toBe('a=[REDACTED]… b=[REDACTED]…');
  });
});
