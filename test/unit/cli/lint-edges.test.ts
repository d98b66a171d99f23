import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/args';
import { lintFiles } from '../../../src/cli/lint/lint';
import { LINT_OPTIONS, planLint } from '../../../src/cli/lint/options';
import { ReportTotals } from '../../../src/core/report/writer';
import type { ExchangeRecord } from '../../../src/core/report/model';
import { cli, harEntry, harText, ROOT, scratch } from './cli-harness';

function utf16(text: string, order: 'le' | 'be', bom = true): Buffer {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  return order === 'le' ? le : Buffer.from(le).swap16();
}

const entries = [
  harEntry({ url: 'https://a.io/café', status: 401 }),
  harEntry({ url: 'https://a.io/ok', status: 200 }),
];

describe('lint edges', () => {
  describe('an entry longer than a string can be', () => {
    // The real limit is V8's longest string (about 512 MB); the plan's limit stands in for it.
    it('is skipped and named, and the entries after it are still linted', async () => {
      const big = harEntry({ url: `https://a.io/${'x'.repeat(5000)}`, status: 500 });
      const file = join(scratch(), 'big-entry.har');
      writeFileSync(file, harText([entries[0]!, big, entries[1]!, harEntry({ url: 'https://a.io/last' })]));
      const { plan } = await planLint(parseArgs([file], LINT_OPTIONS, 'lint'), {
        cwd: ROOT,
      } as never);
      plan.maxEntryBytes = 2000;
      const totals = new ReportTotals({ toolVersion: 't', profiles: [], failOn: 'error' });
      const seen: ExchangeRecord[] = [];
      await lintFiles(plan, { cwd: ROOT, env: {}, stderrIsTTY: false } as never, {
        totals,
        events: {
          exchange: (ex) => (seen.push(ex), totals.exchange(ex)),
          problem: (p) => totals.problem(p),
          file: (f) => totals.file(f),
        },
      });
      expect(seen.map((e) => e.index)).toEqual([0, 2, 3]);
      expect(totals.problems).toEqual([
        expect.objectContaining({
          kind: 'entry',
          index: 1,
          path: 'log.entries[1]',
          message: expect.stringMatching(
            /^the entry is \d+ bytes, more than the 2000 bytes that can be read as one string; it was skipped$/,
          ),
        }),
      ]);
      expect(totals.files).toEqual([expect.objectContaining({ entries: 4, failed: false })]);
    });
  });

  describe('a HAR saved as UTF-16', () => {
    const utf8 = harText(entries);
    it.each([
      ['UTF-16LE with a byte order mark', 'le', true],
      ['UTF-16BE with a byte order mark', 'be', true],
      ['UTF-16LE without one', 'le', false],
    ] as const)('is read like its UTF-8 twin: %s', async (_name, order, bom) => {
      const expected = await cli(['lint', '-', '-f', 'json'], { stdin: utf8 });
      const file = join(scratch(), 'windows.har');
      writeFileSync(file, utf16(utf8, order, bom));
      const r = await cli(['lint', file, '-f', 'json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(expected.code);
      const strip = (s: string) => s.replace(/"file": "[^"]*"/g, '"file": "x"');
      expect(strip(r.stdout)).toBe(strip(expected.stdout));
      expect(r.stdout).toContain('https://a.io/café');
    });

    it('is read from standard input arriving a byte at a time', async () => {
      const bytes = utf16(utf8, 'le');
      const chunks = [...bytes].map((b) => Uint8Array.of(b));
      const r = await cli(['lint', '-', '-f', 'json'], { stdin: chunks });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout).summary.exchanges).toBe(2);
    });
  });

  it('says a fractional status code is invalid, naming the entry', async () => {
    const doc = JSON.parse(harText(entries)) as { log: { entries: { response: { status: number } }[] } };
    doc.log.entries[1]!.response.status = 200.5;
    const r = await cli(['lint', '-', '-f', 'json'], { stdin: JSON.stringify(doc) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '<stdin>:1: error: log.entries[1]: response.status is 200.5, not a whole number: a status code is an integer such as 200',
    );
    const report = JSON.parse(r.stdout);
    expect(report.exchanges.map((e: { index: number }) => e.index)).toEqual([0]);
    expect(report.summary.families.failed).toBe(0);
  });
});
