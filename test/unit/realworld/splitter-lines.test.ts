import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HarStreamSplitter } from '../../../src/core/har/stream-splitter';
import { CORPUS_DIR, corpusFiles } from '../../helpers/realworld';

/**
 * The splitter's line mode (src/core/har/stream-splitter/line-skipper.ts) against reading every
 * byte, on every real capture: the same entries, lines, offsets and errors, whatever the
 * chunks. The synthetic layouts are in test/unit/har/stream-splitter-lines.test.ts.
 */

function split(bytes: Uint8Array, size: number, byteByByte: boolean) {
  const s = new HarStreamSplitter({ byteByByte });
  const out: string[] = [];
  const keep = (e: { index: number; line: number; offset: number; bytes: Uint8Array }) =>
    out.push(`${e.index} ${e.line} ${e.offset} ${Buffer.from(e.bytes).toString('base64')}`);
  for (let at = 0; at < bytes.length; at += size) s.push(bytes.subarray(at, at + size)).forEach(keep);
  const end = s.end();
  end.entries.forEach(keep);
  return { out, error: end.error, byLine: s.entriesFollowedByLine };
}

const files = corpusFiles();

describe('real-world corpus: the splitter line by line and byte by byte', () => {
  it.each(files)('%s', (file) => {
    const bytes = new Uint8Array(readFileSync(resolve(CORPUS_DIR, file)));
    const reference = split(bytes, 1 << 20, true);
    for (const size of [1 << 20, 4096, 777]) {
      const got = split(bytes, size, false);
      expect(got.error, `chunks of ${size}`).toEqual(reference.error);
      expect(got.out, `chunks of ${size}`).toEqual(reference.out);
    }
  });

  it('reads most captures line by line (they are indented)', () => {
    let followed = 0;
    let total = 0;
    for (const file of files) {
      const got = split(new Uint8Array(readFileSync(resolve(CORPUS_DIR, file))), 1 << 20, false);
      followed += got.byLine;
      total += got.out.length;
    }
    expect(followed / total).toBeGreaterThan(0.5);
  });
});
