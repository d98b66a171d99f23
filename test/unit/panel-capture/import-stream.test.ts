import { describe, expect, it } from 'vitest';
import { activeRules } from '../../../src/core/engine/analyze';
import { defaultSettings } from '../../../src/core/settings/schema';
import { createPanelStore } from '../../../src/state/panel-store';
import { createInlineAnalyzer } from '../../../src/surfaces/panel/analyzer';
import {
  IMPORT_CHUNK_BYTES,
  importHar,
  type HarSource,
  type ImportBatch,
} from '../../../src/surfaces/panel/har-import';
import { createImporter, STREAM_IMPORT_BYTES } from '../../../src/surfaces/panel/importer';
import { harBytes, recordNotices } from './fakes';

/**
 * A HAR given as a File is read in slices of IMPORT_CHUNK_BYTES through the streaming splitter
 * (no whole-file string, so no 512 MB ceiling): the rows, problems and counts must be the same
 * as reading the bytes at once, whatever falls on a slice boundary.
 */

/** Entries with bodies of ~1 KB, a broken one, and multi-byte text across slice boundaries. */
function bigHar(entries: number): string {
  const body = JSON.stringify({ items: 'café 日本 😀 "q" \\ '.repeat(50) });
  const list = Array.from({ length: entries }, (_, i) =>
    i === 7
      ? '{"request":{"method":"GET"},"response":{"status":200}}'
      : JSON.stringify({
          request: { method: 'GET', url: `https://big.example/items/${i}`, headers: [] },
          response: {
            status: i % 5 === 0 ? 500 : 200,
            headers: [{ name: 'Content-Type', value: 'application/json' }],
            content: { mimeType: 'application/json', size: body.length, text: body },
          },
        }),
  );
  return `{"log":{"version":"1.2","entries":[\n${list.join(',\n')}\n]}}`;
}

/** Slices of 4 KiB: the file below spans about a hundred of them. */
const CHUNK = 4096;

async function run(source: HarSource) {
  const batches: ImportBatch[] = [];
  await importHar(
    source,
    { importId: 'i', bodyCap: 5_000_000, idPrefix: 'i-', fileName: 'big.har', chunkBytes: CHUNK },
    activeRules(defaultSettings()),
    (b) => batches.push(b),
    1_000,
  );
  return batches;
}

const summary = (batches: ImportBatch[]) => ({
  rows: batches.flatMap((b) =>
    b.items.map((it) => [it.exchange.id, it.exchange.status, it.analysis.findings.map((f) => f.rule)]),
  ),
  problems: batches.flatMap((b) => b.problems),
  last: { total: batches.at(-1)!.total, done: batches.at(-1)!.done, stopped: batches.at(-1)!.stopped },
});

describe('HAR import from a File, read in slices', () => {
  const text = bigHar(300);
  const bytes = harBytes(text);

  it('spans several slices', () => {
    expect(bytes.byteLength).toBeGreaterThan(50 * CHUNK);
    expect(IMPORT_CHUNK_BYTES).toBeGreaterThanOrEqual(1 << 20);
  });

  it('gives the same rows, problems and totals as the bytes read at once, with progress', async () => {
    const whole = await run(bytes);
    const sliced = await run(new Blob([bytes]));
    expect(summary(sliced)).toEqual(summary(whole));
    expect(summary(sliced).rows).toHaveLength(299);
    expect(summary(sliced).problems.map((p) => p.index)).toEqual([7]);
    const progress = sliced.map((b) => b.progress!);
    expect(progress.at(-1)).toEqual({ read: bytes.byteLength, size: bytes.byteLength });
    expect(progress.every((p, i) => i === 0 || p.read >= progress[i - 1]!.read)).toBe(true);
    expect(whole.every((b) => b.progress === undefined)).toBe(true);
  });

  it('reads a UTF-16 file in slices too', async () => {
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      utf16[2 + 2 * i] = c & 0xff;
      utf16[3 + 2 * i] = c >> 8;
    }
    expect(summary(await run(new Blob([utf16])))).toEqual(summary(await run(bytes)));
  });

  it('keeps the entries before the break of a file cut short', async () => {
    const cut = bytes.slice(0, bytes.byteLength - 30_000);
    const sliced = summary(await run(new Blob([cut])));
    expect(sliced).toEqual(summary(await run(cut)));
    expect(sliced.last.stopped).toMatch(/unexpected end of file/);
    expect(sliced.rows.length).toBeGreaterThan(200);
  });

  it('the importer hands a big file over whole and shows how much was read', async () => {
    const store = createPanelStore();
    const analyzer = createInlineAnalyzer();
    const importer = createImporter(analyzer, store);
    const notices = recordNotices(store);
    // As big as STREAM_IMPORT_BYTES says, without making one: a File whose size says so.
    const file = new File([bytes], 'big.har');
    Object.defineProperty(file, 'size', { value: STREAM_IMPORT_BYTES + 1 });
    let sliced = false;
    const slice = file.slice.bind(file);
    file.slice = (...args: Parameters<Blob['slice']>) => {
      sliced = true;
      return slice(...args);
    };
    file.arrayBuffer = () => Promise.reject(new Error('a big file is never read whole'));
    await importer.importFiles([file]);
    await expect
      .poll(() => store.getState().notice, { timeout: 20_000 })
      .toMatch(/^Imported 299 of 300 entries/);
    expect(sliced).toBe(true);
    expect(notices.some((n) => /^Importing big\.har: \d+ entries, \d+% read…$/.test(n))).toBe(true);
    expect(store.getState().rows).toHaveLength(299);
  });
});
