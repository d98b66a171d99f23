import { describe, expect, it } from 'vitest';
import { allRulesOffConfig, cli, fixture, harEntry, harText, scratch, writeScratch } from './cli-harness';

function noStack(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at [\w<.]+ \(/);
  expect(stderr).not.toContain('node:internal');
}

describe('lint with input that is not a usable HAR', () => {
  it.each([
    [
      'not JSON',
      fixture('not-json.har'),
      'test/fixtures/har/not-json.har:1:1: not a HAR file: expected a JSON object at the top level, found "t"',
    ],
    [
      'JSON that is not a HAR',
      fixture('not-har.json'),
      'test/fixtures/har/not-har.json:4:1: not a HAR file: no "log" object at the top level',
    ],
    ['a missing file', 'no/such/file.har', 'no/such/file.har: cannot read: no such file'],
    ['a directory', 'test/fixtures/har', 'test/fixtures/har: cannot read: is a directory, not a file'],
  ])('reports %s with the file name, exit 2', async (_name, file, message) => {
    const r = await cli(['lint', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${message}\n`);
    noStack(r.stderr);
  });

  it('reports a truncated file with the entry it stopped in, after linting the entries before it', async () => {
    const r = await cli([
      'lint',
      '-f',
      'json',
      '-c',
      allRulesOffConfig({ 'http/created-location': 'warning' }),
      fixture('truncated.har'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /truncated\.har:\d+:\d+: log\.entries\[3\]: unexpected end of file inside entry 3 \(log\.entries\[3\], which starts on line \d+\)/,
    );
    const report = JSON.parse(r.stdout);
    expect(report.exchanges.map((e: { index: number }) => e.index)).toEqual([0, 1, 2]);
    expect(report.problems).toEqual([
      expect.objectContaining({
        kind: 'file',
        file: 'test/fixtures/har/truncated.har',
        index: 3,
        path: 'log.entries[3]',
      }),
    ]);
  });

  it('lints the good entries of a HAR with bad ones, names each bad one, and exits 2', async () => {
    const r = await cli([
      'lint',
      '-f',
      'json',
      '-c',
      allRulesOffConfig({ 'http/created-location': 'error' }),
      fixture('bad-entries.har'),
    ]);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    // Entry 2 (bad base64) is still linted, by headers only.
    expect(report.exchanges.map((e: { index: number }) => e.index)).toEqual([0, 2, 4]);
    expect(report.exchanges[0].findings).toHaveLength(1);
    expect(
      report.problems.map((p: { index: number; path: string; message: string }) => [
        p.index,
        p.path,
        p.message,
      ]),
    ).toEqual([
      [1, 'log.entries[1]', 'entry has no "response" object'],
      [2, 'log.entries[2].response.content.text', expect.stringContaining('base64')],
      [3, 'log.entries[3]', 'response.status is missing or not a number'],
      [5, 'log.entries[5]', expect.stringMatching(/^not valid JSON: /)],
      [6, 'log.entries[6]', 'request.url is missing or not a string'],
    ]);
    for (const p of report.problems) expect(p.line).toBeGreaterThan(1);
    const stderr = r.stderr.split('\n');
    expect(stderr).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^error: test\/fixtures\/har\/bad-entries\.har:\d+: log\.entries\[1\]: entry has no "response" object$/,
        ),
        expect.stringMatching(/^5 input problems/),
      ]),
    );
    noStack(r.stderr);
  });

  it('goes on to the next file after a broken one', async () => {
    const r = await cli(['lint', '-f', 'json', fixture('not-json.har'), fixture('sample.har')]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).exchanges).toHaveLength(8);
  });

  it('locates JSON syntax errors inside an entry on the right line', async () => {
    // A missing comma: V8 gives a position for this one, which becomes a line of the file.
    const text = harText([harEntry(), harEntry()]).replace('"time": 1', '"time": 1\n      "oops": true');
    const r = await cli(['lint', '-f', 'json', writeScratch('syntax.har', text)]);
    expect(r.code).toBe(2);
    const [p] = JSON.parse(r.stdout).problems;
    expect(p.index).toBe(0);
    expect(text.split('\n')[p.line - 1]).toContain('"oops": true');
    expect(p.message).toMatch(/^not valid JSON: Expected ',' or '}' after property value$/);
  });

  it('reports a file that is not valid UTF-8 JSON structure clearly', async () => {
    const r = await cli(['lint', writeScratch('garbage.har', '\u0000\u0001binary')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('found byte 0x00');
  });

  it('keeps standard error short when every entry is broken, listing them all in the report', async () => {
    const text = harText(Array.from({ length: 150 }, () => ({ request: {} })));
    const r = await cli(['lint', '-f', 'json', writeScratch('all-bad.har', text)]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).problems).toHaveLength(150);
    const lines = r.stderr.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('error: '))).toHaveLength(100);
    expect(r.stderr).toContain('… and 50 more, all listed in the report');
  });

  it('cannot write the report to a directory', async () => {
    const r = await cli(['lint', fixture('sample.har'), '-o', scratch()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write the report: is a directory/);
    noStack(r.stderr);
  });
});
