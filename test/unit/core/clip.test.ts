import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusHints } from '../../../src/core/catalogue/hints';
import { defaultSettings } from '../../../src/core/settings';
import { clip, clipNoting } from '../../../src/core/text/clip';
import { readSettingsFile } from '../../../src/state/settings-file';
import { makeExchange } from '../../helpers/exchange';

const SRC = resolve(__dirname, '../../../src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });

/** No half of a surrogate pair left alone: what a cut emoji looks like. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('clip: one function, one contract', () => {
  it('keeps text within max units, ending in "…" when cut, never splitting a surrogate pair', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('abcdefghij', 5)).toBe('abcd…');
    const emoji = `${'a'.repeat(3)}😀${'b'.repeat(10)}`;
    for (let max = 1; max < emoji.length; max++) {
      const out = clip(emoji, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(LONE_SURROGATE);
    }
  });

  it('clipNoting says how many characters were left out', () => {
    expect(clipNoting('abcdef', 10)).toBe('abcdef');
    expect(clipNoting('abcdefghij', 4)).toBe('abcd… (6 more characters)');
  });

  it('is defined once in src: every other cut goes through it', () => {
    const defs = files(SRC).flatMap((f) =>
      /\b(?:function|const)\s+clip(?:Text)?\s*[=(]/.test(readFileSync(f, 'utf8')) ? [relative(SRC, f)] : [],
    );
    expect(defs).toEqual(['core/text/clip.ts']);
  });

  it('a hint quoting a long header keeps whole characters', () => {
    const failure = `net::ERR_${'X'.repeat(69)}😀andmore`; // the emoji straddles the 80-character cut
    const hints = statusHints(makeExchange({ status: 0, failure }));
    const text = hints.map((h) => h.text).join('\n');
    expect(text).toContain('No response; the browser reported');
    expect(text).not.toMatch(LONE_SURROGATE);
  });

  it('a settings-file error stays within its 300 characters', () => {
    const { result } = readSettingsFile('{', `${'n'.repeat(1000)}.json`, defaultSettings());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]).toMatch(/^n+…$/);
      for (const e of result.errors) expect(e.length).toBeLessThanOrEqual(300);
    }
  });
});
