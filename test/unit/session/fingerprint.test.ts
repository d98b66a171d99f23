import { describe, expect, it } from 'vitest';
import { fingerprint, textHash } from '../../../src/core/session/fingerprint';

describe('textHash', () => {
  it('gives equal texts one fingerprint and tells changed ones apart', () => {
    // 56 bytes of UTF-8: its last 16-byte group is half padding.
    const body = JSON.stringify({ items: [{ id: 1, name: 'café 日本 😀' }], page: 1 });
    const first = textHash(body);
    // The text is read through one reused buffer: bytes a longer text left past this one's end
    // must not count, or the same body would hash differently after it (and session rules
    // comparing bodies would call equal answers changed).
    textHash('z'.repeat(5_000));
    expect(textHash(body)).toBe(first);
    expect(textHash(body)).not.toBe(textHash(body.replace('1', '2')));
    expect(textHash('')).not.toBe(textHash('\u0000'));
    expect(textHash('a')).not.toBe(textHash('a\u0000'));
  });

  it('reads all of a long text, past the slices it encodes at a time', () => {
    const long = 'x'.repeat(200_000);
    expect(textHash(long)).toBe(textHash('x'.repeat(200_000)));
    expect(textHash(long)).not.toBe(textHash(`${long.slice(0, -1)}y`));
    expect(textHash(long)).not.toBe(textHash(`y${long.slice(1)}`));
    expect(textHash(long)).not.toBe(textHash(long.slice(0, 100_000)));
  });
});

describe('fingerprint', () => {
  it('is idempotent, so a session view (which carries fingerprints) and the exchange compare alike', () => {
    const body = JSON.stringify({ order: 7, note: 'café 日本 😀' });
    const print = fingerprint(body);
    expect(print.startsWith('\u0000')).toBe(true);
    expect(print.slice(1)).toMatch(/^\d+:\d+$/);
    expect(fingerprint(print)).toBe(print);
    expect(fingerprint(`${body} `)).not.toBe(print);
    // A text that merely starts like one is hashed like any other.
    expect(fingerprint('\u0000abc')).not.toBe('\u0000abc');
  });
});
