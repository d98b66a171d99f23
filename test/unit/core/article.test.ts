import { describe, expect, it } from 'vitest';
import { article, withArticle } from '../../../src/core/text/article';

describe('a or an before a filled-in word', () => {
  it.each([
    ['18-character value', 'an'],
    ['8-byte body', 'an'],
    ['11-character value', 'an'],
    ['80-character value', 'an'],
    ['110-character value', 'a'],
    ['11000-byte body', 'an'],
    ['24-character value', 'a'],
    ['1-byte body', 'a'],
    ['application/json body', 'an'],
    ['text/html body', 'a'],
    ['image/png body', 'an'],
    ['AWS access key ID', 'an'],
    ['PEM private key', 'a'],
    ['OpenAI API key', 'an'],
    ['npm access token', 'an'],
    ['GitHub token', 'a'],
    ['Azure storage account key', 'an'],
    ['HTML page', 'an'],
    ['xhr request', 'an'],
    ['fetch request', 'a'],
    ['object', 'an'],
    ['string', 'a'],
    ['undefined', 'an'],
    ['user', 'a'],
    ['unique id', 'a'],
    ['hour', 'an'],
    ['.NET stack trace', 'a'],
    ['Erlang stack trace', 'an'],
  ])('%s takes %s', (word, expected) => {
    expect(article(word)).toBe(expected);
    expect(withArticle(word)).toBe(`${expected} ${word}`);
  });
});
