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
    ['{"item":}', 1, 9, /expected a value, found "}"/],
    // A trailing comma is named, at the comma (the closing bracket is not what to change).
    ['{\n  "a": 1,\n}', 2, 9, /^a trailing comma before "}", which JSON does not allow: remove it$/],
    ['[1,\n]', 1, 3, /^a trailing comma before "]"/],
    ['{,}', 1, 2, /expected a member name in double quotes, found ","/],
    ['[,]', 1, 2, /expected a value, found ","/],
    ['[1,,2]', 1, 4, /expected a value, found ","/],
    // So is a comment, wherever it stands.
    [
      '{\n  // the API\n  "a": 1}',
      2,
      3,
      /member name in double quotes, found a comment \("\/\/"\), which JSON does not allow/,
    ],
    ['{"a": /* one */ 1}', 1, 7, /expected a value, found a comment \("\/\*"\)/],
    ['[1 // one\n]', 1, 4, /expected "," or "]", found a comment/],
    ['{"a": 1 / 2}', 1, 9, /found "\/"$/],
    ["{'a':1}", 1, 2, /member name in double quotes/],
    ['{"a" 1}', 1, 6, /expected ":"/],
    ['[1 2]', 1, 4, /"," or "]"/],
    ['{"a":1} x', 1, 9, /after the end/],
    ['{"a":"x', 1, 8, /not closed/],
    ['[01]', 1, 3, /"," or "]"/],
    ['', 1, 1, /expected a value, found the end/],
    // Quoted so it can be copied: a double quote in single quotes, an invisible one by code point.
    ['{"a" "b"}', 1, 6, /expected ":" after a member name, found '"'$/],
    ['[\u00a01]', 1, 2, /expected a value, found U\+00A0$/],
    ['{"a": \u201c1\u201d}', 1, 7, /expected a value, found "\u201c"$/],
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
