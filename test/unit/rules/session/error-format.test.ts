import { describe, expect, it } from 'vitest';
import { errorFormat } from '../../../../src/core/rules/session/error-format';
import { makeExchange } from '../../../helpers/exchange';

/**
 * session/mixed-error-formats names a JSON error body that does not parse "malformed JSON". A body
 * cut short is named so without asking JSON.parse (its thrown error cost the rule most of its
 * time); every other body is still judged by the parse.
 */
const json = (body: string) =>
  errorFormat(makeExchange({ status: 500, body, headers: { 'Content-Type': 'application/json' } }))?.label;

describe('errorFormat of JSON error bodies', () => {
  it.each([
    ['an object cut short', '{"error": "quota exceeded", "det'],
    ['an array cut short', '[{"message": "a"}, {"mess'],
    ['an object and trailing text', '{"error": "x"} and more'],
    ['an unclosed object after whitespace', ' \n\t{"error": "x"'],
    ['an object that closes but does not parse', '{"error": }'],
    ['an array that closes but does not parse', '[1, 2,]'],
    ['a lone brace', '{'],
  ])('%s: malformed JSON', (_name, body) => expect(json(body)).toBe('malformed JSON'));

  it.each([
    ['an object with whitespace around it', '\r\n  {"error": "x"}  \n', 'JSON {"error": string}'],
    ['an array', '[{"message": "a"}]', 'a JSON array'],
    ['a bare string', '"down"', 'a bare JSON value'],
  ])('%s: read by its shape', (_name, body, label) => expect(json(body)).toBe(label));
});
