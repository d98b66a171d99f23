import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSplitEntry } from '../../../src/core/har/entry-reader';
import { replacedInvalidUtf8 } from '../../../src/core/har/text-encoding';
import { cli, harEntry, harText, scratch, writeScratch } from '../cli/cli-harness';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));
const decoded = (b: Uint8Array) => new TextDecoder().decode(b);

describe('replacedInvalidUtf8: whether decoding replaced bytes that are not UTF-8', () => {
  it.each([
    ['plain ASCII', bytes('{"a":"cafe"}'), false],
    ['UTF-8 é', bytes('{"a":"café"}'), false],
    ['a U+FFFD the file itself holds (EF BF BD)', bytes('{"a":"\uFFFD"}'), false],
    ['a Windows-1252 é (E9)', bytes('{"a":"caf', [0xe9], '"}'), true],
    ['FF FE inside a body', bytes('{"a":"', [0xff, 0xfe], '"}'), true],
    ['a held U+FFFD and a replaced byte', bytes('{"a":"\uFFFD', [0xe9], '"}'), true],
    ['a sequence cut short (E2 82 without AC)', bytes('{"a":"', [0xe2, 0x82], '"}'), true],
  ])('%s', (_what, b, replaced) => {
    expect(replacedInvalidUtf8(decoded(b), b)).toBe(replaced);
  });

  it('is told by the entry reader, which still reads the entry', () => {
    const entry = JSON.stringify(harEntry({ url: 'https://a.example/caf\u00e9' })).replace(
      'caf\u00e9',
      'caf\u0001',
    );
    const b = utf8(entry);
    b[b.indexOf(1)] = 0xe9;
    const r = readSplitEntry({ index: 0, line: 1, offset: 0, bytes: b }, '0');
    expect(r).toMatchObject({ ok: true, invalidUtf8: true });
    const clean = readSplitEntry(
      { index: 0, line: 1, offset: 0, bytes: utf8(JSON.stringify(harEntry())) },
      '0',
    );
    expect(clean).not.toHaveProperty('invalidUtf8');
  });
});

describe('lint: a HAR with bytes that are not UTF-8', () => {
  /** Entries 1 and 2 carry a raw 0xE9 (Windows-1252 é) in their URL. */
  function latin1Har(): string {
    const text = harText([
      harEntry({ url: 'https://a.example/ok' }),
      harEntry({ url: 'https://a.example/cafE9' }),
      harEntry({ url: 'https://a.example/thE9' }),
    ]);
    const b = Buffer.from(text.replace(/E9/g, '\u00e9'), 'latin1');
    const file = join(scratch(), 'latin1.har');
    writeFileSync(file, b);
    return file;
  }

  it.each([['text'], ['json']])(
    '--format %s: one warning naming the file and the first entry, exit code unchanged',
    async (format) => {
      const file = latin1Har();
      const r = await cli(['lint', file, '-f', format, '--fail-on', 'none']);
      expect(r.code).toBe(0);
      const lines = r.stderr.split('\n').filter((l) => l.includes('UTF-8'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        new RegExp(
          `^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+: warning: log\\.entries\\[1\\]: not valid UTF-8: bytes were read as U\\+FFFD \\(the first of 2 entries with such bytes\\)`,
        ),
      );
      expect(r.stdout).not.toContain('not valid UTF-8');
    },
  );

  it('says nothing of a UTF-8 file, U+FFFD in it or not', async () => {
    const file = writeScratch('fffd.har', harText([harEntry({ url: 'https://a.example/\uFFFD' })]));
    const r = await cli(['lint', file, '-f', 'json', '--fail-on', 'none']);
    expect(r.stderr).toBe('');
  });
});
