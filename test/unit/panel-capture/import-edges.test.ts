import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createPanelStore } from '../../../src/state/panel-store';
import { createInlineAnalyzer } from '../../../src/surfaces/panel/analyzer';
import { createImporter } from '../../../src/surfaces/panel/importer';
import { harText } from './fakes';

const FIXTURES = join(__dirname, '../../fixtures/har');

/** Imports `bytes` as `name` into a fresh panel and resolves once the final notice is up. */
async function importBytes(name: string, bytes: Uint8Array) {
  const store = createPanelStore();
  const importer = createImporter(createInlineAnalyzer(), store);
  await importer.importFiles([
    new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/json' }),
  ]);
  await vi.waitFor(() => expect(importer.running).toBe(0));
  return store.getState();
}

function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  let o = 0;
  const put = (u: number) => {
    out[o++] = order === 'le' ? u & 0xff : u >> 8;
    out[o++] = order === 'le' ? u >> 8 : u & 0xff;
  };
  if (bom) put(0xfeff);
  for (let i = 0; i < text.length; i++) put(text.charCodeAt(i));
  return out;
}

describe('panel HAR import edges', () => {
  it('keeps the entries of a truncated HAR before the break, and says where it broke', async () => {
    const state = await importBytes('truncated.har', readFileSync(join(FIXTURES, 'truncated.har')));
    expect(state.rows.map((r) => r.exchange.url)).toHaveLength(3);
    expect(state.notice).toMatch(
      /^Imported 3 of 3 entries from truncated\.har; the rest of the file could not be read \(line \d+, column \d+: unexpected end of file inside entry 3 \(log\.entries\[3\], which starts on line \d+\)\)$/,
    );
  });

  it('still refuses a file that is not JSON at all, saying what it found', async () => {
    const state = await importBytes('notes.har', new TextEncoder().encode('hello, not a HAR'));
    expect(state.rows).toHaveLength(0);
    expect(state.notice).toMatch(/^notes\.har: not a HAR file: expected a JSON object at the top level/);
  });

  it.each([
    ['UTF-16LE with a byte order mark', 'le', true],
    ['UTF-16BE with a byte order mark', 'be', true],
    ['UTF-16LE without one', 'le', false],
  ] as const)('reads a HAR saved as %s', async (_name, order, bom) => {
    const text = harText(3).replace('https://imp.io/i/0', 'https://imp.io/café/0');
    const state = await importBytes('windows.har', utf16(text, order, bom));
    expect(state.notice).toBe('Imported 3 of 3 entries from windows.har');
    expect(state.rows.map((r) => r.exchange.url)).toEqual([
      'https://imp.io/café/0',
      'https://imp.io/i/1',
      'https://imp.io/i/2',
    ]);
  });

  it('says a fractional status code is invalid, naming the entry, instead of showing it as failed', async () => {
    const doc = JSON.parse(harText(3)) as { log: { entries: { response: { status: number } }[] } };
    doc.log.entries[1]!.response.status = 200.5;
    const state = await importBytes('odd.har', new TextEncoder().encode(JSON.stringify(doc)));
    expect(state.rows).toHaveLength(2);
    expect(state.rows.every((r) => r.exchange.status === 404)).toBe(true);
    expect(state.notice).toBe(
      'Imported 2 of 3 entries from odd.har; 1 could not be read (entry 1: response.status is 200.5, not a whole number: a status code is an integer such as 200)',
    );
  });

  it('imports an entry with an empty request URL and names the place, as `status-lens lint` does', async () => {
    const doc = JSON.parse(harText(3)) as { log: { entries: { request: { url: string } }[] } };
    doc.log.entries[1]!.request.url = '';
    const state = await importBytes('insomnia.har', new TextEncoder().encode(JSON.stringify(doc)));
    expect(state.rows.map((r) => r.exchange.url)).toEqual(['https://imp.io/i/0', '', 'https://imp.io/i/2']);
    expect(state.rows.every((r) => r.analysis !== undefined)).toBe(true);
    expect(state.notice).toBe(
      "Imported 3 of 3 entries from insomnia.har; 1 entry with a problem (log.entries[1].request.url: the request URL is empty; the entry's status, headers and body were still checked)",
    );
  });
});
