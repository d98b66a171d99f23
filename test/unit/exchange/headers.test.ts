import { describe, expect, it } from 'vitest';
import { hasHeader, headerValue, headerValues } from '../../../src/core/exchange/headers';

const h = (...pairs: [string, string][]) => pairs.map(([name, value]) => ({ name, value }));

describe('header lookup', () => {
  it('matches names case-insensitively and joins repeated lines', () => {
    const headers = h(['Vary', 'Accept'], ['content-type', 'text/plain'], ['VARY', 'Origin']);
    expect(headerValue(headers, 'vary')).toBe('Accept, Origin');
    expect(headerValue(headers, 'Content-Type')).toBe('text/plain');
    expect(headerValues(headers, 'vary')).toEqual(['Accept', 'Origin']);
    expect(hasHeader(headers, 'CONTENT-TYPE')).toBe(true);
    expect(headerValue(headers, 'etag')).toBeUndefined();
    expect(hasHeader(headers, 'etag')).toBe(false);
  });

  it('finds names whose lower case is the wanted name, as toLowerCase says, non-ASCII letters included', () => {
    // The Kelvin sign lower-cases to "k"; U+0130 lower-cases to two units ("i" and a combining dot).
    const headers = h(['\u212Aeep-Alive', 'timeout=5'], ['\u0130f-Match', '"x"'], ['Ab\u0130', 'y']);
    expect(headerValue(headers, 'keep-alive')).toBe('timeout=5');
    expect(hasHeader(headers, 'if-match')).toBe(false);
    expect(headerValue(headers, 'ab\u0130')).toBe('y');
    expect(hasHeader(headers, 'AB\u0130')).toBe(true);
  });
});
