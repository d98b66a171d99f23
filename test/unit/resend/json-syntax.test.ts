import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../../src/core/json/syntax';

describe('findJsonSyntaxError', () => {
  it.each(['{}', '[]', ' {"a":[1,-2.5e3,true,false,null,"x\\n\\u00e9"],"b":{}} ', '"just a string"', '0'])(
    'accepts %s (as JSON.parse does)',
    (text) => {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(findJsonSyntaxError(text)).toBeNull();
    },
  );

  it.each([
    ['{"item":}', 1, 9, /expected a value, found “}”/],
    ['{\n  "a": 1,\n}', 3, 1, /member name/],
    ['[1,]', 1, 4, /expected a value/],
    ["{'a':1}", 1, 2, /member name in double quotes/],
    ['{"a" 1}', 1, 6, /expected “:”/],
    ['[1 2]', 1, 4, /“,” or “]”/],
    ['{"a":1} x', 1, 9, /after the end/],
    ['{"a":"x', 1, 8, /not closed/],
    ['[01]', 1, 3, /“,” or “]”/],
    ['', 1, 1, /expected a value, found the end/],
  ])('%j: line %i, column %i', (text, line, column, message) => {
    expect(() => JSON.parse(text)).toThrow();
    const err = findJsonSyntaxError(text)!;
    expect([err.line, err.column]).toEqual([line, column]);
    expect(err.message).toMatch(message);
  });

  it('is safe at 100,000 levels of nesting', () => {
    const text = '['.repeat(100_000) + ']'.repeat(99_999);
    expect(findJsonSyntaxError(text)).toMatchObject({
      offset: text.length,
      message: expect.stringMatching(/the end/),
    });
    expect(findJsonSyntaxError('['.repeat(100_000) + ']'.repeat(100_000))).toBeNull();
  });
});
