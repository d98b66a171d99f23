import { describe, expect, it } from 'vitest';
import { activeRules } from '../../../src/core/engine/analyze';
import { defaultSettings } from '../../../src/core/settings';
import { importHar, type ImportBatch } from '../../../src/surfaces/panel/har-import';
import { ingestRequest } from '../../../src/surfaces/panel/ingest';
import { cli, writeScratch } from '../cli/cli-harness';
import { harDocument, harEntry } from '../../helpers/har';

/**
 * The body-size cap has one meaning for every reader: a body larger than the cap, in bytes
 * (UTF-8 bytes for text), text or binary, is analysed by status and headers only; a body exactly
 * at the cap is analysed. Live capture, the panel's HAR import and `status-lens lint` must agree
 * on every entry at the boundary.
 */

const CAP = 10 * 1024;

/** Invalid JSON labelled as JSON of exactly `bytes` UTF-8 bytes: body/invalid-json fires iff the body is read. */
function brokenJson(bytes: number, wide = false): string {
  const open = '{"a": "';
  // "é" is two bytes in UTF-8 and one UTF-16 unit: a 12 KiB body of 6 K characters.
  const rest = bytes - open.length;
  const fill = wide ? 'é'.repeat(Math.floor(rest / 2)) + 'x'.repeat(rest % 2) : 'x'.repeat(rest);
  const text = open + fill;
  expect(new TextEncoder().encode(text).length).toBe(bytes);
  return text;
}

const J = { 'Content-Type': 'application/json' };
const cases = [
  { name: 'ascii-at-cap', text: brokenJson(CAP) },
  { name: 'ascii-over-cap', text: brokenJson(CAP + 1) },
  // 12 KiB of UTF-8 but only ~6 K UTF-16 units: once read by the panel, skipped by the CLI.
  { name: 'wide-12k', text: brokenJson(12 * 1024, true) },
  { name: 'wide-under-cap', text: brokenJson(8 * 1024, true) },
];
// 11 KiB of bytes with no Content-Type: body/missing-content-type fires iff the body is read.
const binary = Buffer.alloc(11 * 1024, 0).toString('base64');

function entries() {
  return [
    ...cases.map((c) =>
      harEntry({ url: `https://api.test/${c.name}`, status: 200, headers: J, text: c.text }),
    ),
    harEntry({ url: 'https://api.test/binary-over-cap', status: 200, text: binary, encoding: 'base64' }),
  ];
}

type Outcome = Record<string, { rules: string[]; overCap: boolean }>;

async function viaPanelImport(): Promise<Outcome> {
  const bytes = new TextEncoder().encode(JSON.stringify(harDocument(entries())));
  const batches: ImportBatch[] = [];
  await importHar(
    bytes.buffer,
    { importId: 'cap', bodyCap: CAP, idPrefix: 'cap-', fileName: 'cap.har' },
    activeRules(defaultSettings()),
    (b) => batches.push(b),
    Number.MAX_SAFE_INTEGER,
  );
  const out: Outcome = {};
  for (const item of batches.flatMap((b) => b.items)) {
    out[new URL(item.exchange.url).pathname.slice(1)] = {
      rules: item.analysis.findings.map((f) => f.rule).sort(),
      overCap: item.bodyNote !== undefined,
    };
  }
  return out;
}

async function viaCli(): Promise<{ outcome: Outcome; overCap: number }> {
  const path = writeScratch('cap.har', harDocument(entries()));
  const r = await cli(['lint', path, '--format', 'json', '--include-bodies-over', String(CAP)]);
  const report = JSON.parse(r.stdout) as {
    exchanges: { url: string; findings: { rule: string }[] }[];
    summary: { bodiesOverCap: { count: number; cap: number } };
  };
  expect(report.summary.bodiesOverCap.cap).toBe(CAP);
  const outcome: Outcome = {};
  for (const ex of report.exchanges) {
    outcome[new URL(ex.url).pathname.slice(1)] = {
      rules: ex.findings.map((f) => f.rule).sort(),
      overCap: false,
    };
  }
  return { outcome, overCap: report.summary.bodiesOverCap.count };
}

describe('the body-size cap', () => {
  it('means the same in the panel import and the CLI at the boundary: bytes, larger than the cap, text or binary', async () => {
    const panel = await viaPanelImport();
    expect(Object.entries(panel).map(([k, v]) => [k, v.overCap])).toEqual([
      ['ascii-at-cap', false],
      ['ascii-over-cap', true],
      ['wide-12k', true],
      ['wide-under-cap', false],
      ['binary-over-cap', true],
    ]);
    expect(panel['ascii-at-cap']!.rules).toContain('body/invalid-json');
    expect(panel['wide-under-cap']!.rules).toContain('body/invalid-json');
    expect(panel['wide-12k']!.rules).not.toContain('body/invalid-json');
    expect(panel['binary-over-cap']!.rules).not.toContain('body/missing-content-type');

    const { outcome, overCap } = await viaCli();
    expect(overCap).toBe(Object.values(panel).filter((v) => v.overCap).length);
    for (const [name, v] of Object.entries(panel)) expect(outcome[name]!.rules, name).toEqual(v.rules);
  });

  it('is applied to live capture the same way, with the same note as the import', async () => {
    const notes: (string | undefined)[] = [];
    for (const [i, c] of cases.entries()) {
      const entry = harEntry({ url: `https://api.test/${c.name}`, status: 200, headers: J });
      // DevTools reports no size before the body is read: the cap applies to what getContent gives.
      entry.response.content.size = -1;
      const r = await ingestRequest(
        { entry, getContent: async () => ({ text: c.text, encoding: '' }) },
        `l${i}`,
        CAP,
      );
      if ('error' in r) throw new Error(r.error);
      notes.push(r.bodyNote);
    }
    expect(notes).toEqual([
      undefined,
      'Body of 10,241 B is over the 10,240 B cap: analysed by headers only.',
      'Body of 12 KiB is over the 10 KiB cap: analysed by headers only.',
      undefined,
    ]);
  });

  it('holds live bodies the entry already carries to the cap too, and keeps no fetcher for an image over it', async () => {
    const over = brokenJson(CAP + 1);
    const inline = harEntry({ url: 'https://api.test/inline', status: 200, headers: J, text: over });
    // Recorded without a size (as a compressed or streamed body can be): only the text says how big it is.
    inline.response.content.size = -1;
    let fetched = 0;
    const r = await ingestRequest(
      {
        entry: inline,
        getContent: async () => {
          fetched++;
          return { text: over, encoding: '' };
        },
      },
      'inline',
      CAP,
    );
    if ('error' in r) throw new Error(r.error);
    expect(r.exchange.body).toEqual({ kind: 'unknown', reason: 'too-large', size: CAP + 1 });
    expect(r.bodyNote).toBe('Body of 10,241 B is over the 10,240 B cap: analysed by headers only.');

    const image = harEntry({
      url: 'https://api.test/big.png',
      status: 200,
      mimeType: 'image/png',
      size: 12 * 1024,
    });
    const img = await ingestRequest(
      { entry: image, getContent: async () => ({ text: '', encoding: 'base64' }) },
      'img',
      CAP,
    );
    if ('error' in img) throw new Error(img.error);
    expect(img.exchange.body).toMatchObject({ kind: 'unknown', reason: 'too-large' });
    expect(img.bodyNote).toBe('Body of 12 KiB is over the 10 KiB cap: analysed by headers only.');
    expect(fetched).toBe(0);
  });
});
