import { describe, expect, it } from 'vitest';
import { SAFE_METHODS, withArticle } from '../../../src/core/exchange/methods';

describe('exchange/methods', () => {
  it('names a method with the article a reader says before it', () => {
    expect(withArticle('GET')).toBe('a GET');
    expect(withArticle('OPTIONS')).toBe('an OPTIONS');
    expect(withArticle('PATCH')).toBe('a PATCH');
    expect(withArticle('options')).toBe('an options');
  });

  it('knows the safe methods of RFC 9110 §9.2.1 and no others', () => {
    expect([...SAFE_METHODS].sort()).toEqual(['GET', 'HEAD', 'OPTIONS', 'TRACE']);
    expect(SAFE_METHODS.has('POST')).toBe(false);
  });
});
