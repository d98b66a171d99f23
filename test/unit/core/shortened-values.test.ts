import { describe, expect, it } from 'vitest';
import { excerpt } from '../../../src/core/leaks/scan';
import { describeValue, quote } from '../../../src/core/json/describe';

/** A lone half of a surrogate pair: what cutting an emoji in two leaves (drawn as �). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('values quoted from responses are shortened by text/clip.ts', () => {
  const emojiAtTheCut = `${'x'.repeat(59)}😀 and more`;

  it('rule messages quote 60 characters and "…", never half an emoji', () => {
    expect(quote(emojiAtTheCut)).toBe(`"${'x'.repeat(59)}…"`);
    expect(describeValue(emojiAtTheCut)).toBe(`a string ("${'x'.repeat(59)}…")`);
    expect(quote('y'.repeat(70))).toBe(`"${'y'.repeat(60)}…"`);
  });

  it('a value of 61 characters is quoted whole, not cut by one for the "…"', () => {
    expect(quote('z'.repeat(61))).toBe(`"${'z'.repeat(61)}"`);
  });

  it("the leak scanner's excerpts keep whole characters", () => {
    const shown = excerpt(`${'a'.repeat(78)}😀 trace`, 0);
    expect(shown).toBe(`${'a'.repeat(78)}…`);
    expect(shown).not.toMatch(LONE_SURROGATE);
  });
});
