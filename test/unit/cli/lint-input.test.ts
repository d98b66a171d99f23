import { linkSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../../src/core/json/syntax';
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
      'test/fixtures/har/not-json.har:1:1: error: not a HAR file: expected a JSON object at the top level, found "t"',
    ],
    [
      'JSON that is not a HAR',
      fixture('not-har.json'),
      'test/fixtures/har/not-har.json:4:1: error: not a HAR file: no "log" object at the top level',
    ],
    ['a missing file', 'no/such/file.har', 'no/such/file.har: error: cannot read: no such file'],
    [
      'a directory',
      'test/fixtures/har/',
      'test/fixtures/har/: error: cannot read: is a directory, not a file (to lint the HAR files in it: "test/fixtures/har/*.har")',
    ],
  ])('reports %s with the file name, exit 2', async (_name, file, message) => {
    const r = await cli(['lint', file]);
    expect(r.code).toBe(2);
    // The documented form, file first: file[:line[:column]]: error: [path: ]message.
    expect(r.stderr.split('\n')).toContain(message);
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
      /truncated\.har:\d+:\d+: error: log\.entries\[3\]: unexpected end of file inside entry 3 \(log\.entries\[3\], which starts on line \d+\)/,
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
      [
        3,
        'log.entries[3]',
        'response.status is a string ("200"), not a number: a status code is a number such as 200',
      ],
      [5, 'log.entries[5]', expect.stringMatching(/^not valid JSON: (?!.*JSON)/)],
      [6, 'log.entries[6]', 'request.url is missing or not a string'],
    ]);
    for (const p of report.problems) expect(p.line).toBeGreaterThan(1);
    const stderr = r.stderr.split('\n');
    expect(stderr).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^test\/fixtures\/har\/bad-entries\.har:\d+: error: log\.entries\[1\]: entry has no "response" object$/,
        ),
        expect.stringMatching(
          /^test\/fixtures\/har\/bad-entries\.har:216:46: error: log\.entries\[5\]: not valid JSON: expected a value, found .o.$/,
        ),
        expect.stringMatching(/^status-lens: note: 5 input problems/),
      ]),
    );
    noStack(r.stderr);
  });

  it('says how much of a file a broken bracket left unread, and where the stray "}" probably is', async () => {
    const entry = JSON.stringify(harEntry({ url: 'https://api.test/a' }));
    // Entry 1 ends with a "}" too many before its last member: what follows is no entry, and
    // reading stops there with 40 entries unread.
    const broken = `${entry.slice(0, -1)}},\n"comment": "x"}`;
    const rest = Array(40).fill(entry).join(',');
    const file = writeScratch('stray-brace.har', `{"log":{"entries":[${entry},${broken},${rest}]}}`);
    const r = await cli(['lint', file]);
    expect(r.code).toBe(2);
    const stopped = r.stderr.split('\n').find((l) => l.includes('expected "," or "]" after entry 2'));
    expect(stopped).toContain(
      '(a member name outside any object: a "}" before it probably closed entry 1 too early)',
    );
    const unread =
      /reading stopped there, and the rest of the file \((\d+(?:\.\d)?) KiB, (\d+)% of it\) was not read/.exec(
        stopped ?? '',
      );
    expect(unread).not.toBeNull();
    // From the ":" on: a few bytes of the broken entry, then the 40 entries and the closing "]}}".
    const size = readFileSync(file).length;
    expect(Number(unread![1]) * 1024).toBeCloseTo(rest.length, -3);
    expect(Number(unread![2])).toBeGreaterThanOrEqual(Math.floor((rest.length / size) * 100));
    expect(Number(unread![2])).toBeLessThan(100);
    noStack(r.stderr);
  });

  it('goes on to the next file after a broken one', async () => {
    const r = await cli(['lint', '-f', 'json', fixture('not-json.har'), fixture('sample.har')]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).exchanges).toHaveLength(8);
  });

  it('locates JSON syntax errors inside an entry at their line and column, in the words settings files get', async () => {
    // A missing comma: the place is the file's, line and column, and the words are the JSON
    // scanner's (core/json/syntax.ts), not V8's "Expected ',' or '}' after property value".
    const text = harText([harEntry(), harEntry()]).replace('"time": 1', '"time": 1\n      "oops": true');
    const r = await cli(['lint', '-f', 'json', writeScratch('syntax.har', text)]);
    expect(r.code).toBe(2);
    const [p] = JSON.parse(r.stdout).problems;
    expect(p.index).toBe(0);
    expect(text.split('\n')[p.line - 1]!.slice(p.column - 1)).toBe('"oops": true,');
    expect(p.message).toMatch(/^not valid JSON: expected .,. or .}., found ."./);
  });

  it('a trailing comma in an entry is named as one, at its place: also on the line the entry starts on', async () => {
    // Pretty-printed: the comma on a line of its own after the entry's first.
    // In the first entry, the first scalar member last in its object gets a comma after it.
    const text = harText([harEntry(), harEntry()]);
    const start = text.indexOf('"entries"');
    const pretty =
      text.slice(0, start) + text.slice(start).replace(/("[^"\n]*": [^\n,{[]+)(\n\s*\})/, '$1,$2');
    const file = writeScratch('comma.har', pretty);
    const r = await cli(['lint', file]);
    const lines = pretty.split('\n');
    const line = lines.findIndex((l, i) => l.endsWith(',') && /^\s*\}/.test(lines[i + 1]!)) + 1;
    const column = lines[line - 1]!.length;
    expect(r.stderr).toContain(
      `${file}:${line}:${column}: error: log.entries[0]: not valid JSON: ${findJsonSyntaxError('{"a":1,}')!.message}\n`,
    );
    expect(r.stderr).toMatch(
      /not valid JSON: a trailing comma before .}., which JSON does not allow: remove it/,
    );
    // Compact, the whole file on one line: the column counts from the line's start, not the entry's.
    const entry = JSON.stringify(harEntry());
    const compact = `{"log":{"version":"1.2","entries":[${entry},${entry.slice(0, -1)},}]}}`;
    const one = writeScratch('compact.har', compact);
    const c = await cli(['lint', one]);
    expect(c.stderr).toContain(
      `${one}:1:${compact.lastIndexOf(',}') + 1}: error: log.entries[1]: not valid JSON: a trailing comma`,
    );
  });

  it('reports a file that is not valid UTF-8 JSON structure clearly', async () => {
    const r = await cli(['lint', writeScratch('garbage.har', '\u0000\u0001binary')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('found byte 0x00');
  });

  it('says a gzip file is one, to be decompressed first', async () => {
    const { gzipSync } = await import('node:zlib');
    const file = join(scratch(), 'traffic.har.gz');
    writeFileSync(file, gzipSync('{"log":{"entries":[]}}'));
    const r = await cli(['lint', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'error: not a HAR file: expected a JSON object at the top level, found byte 0x1f (a gzip file starts so: decompress it first, for example with gunzip)',
    );
  });

  it('keeps standard error short when every entry is broken, listing them all in the report', async () => {
    const text = harText(Array.from({ length: 150 }, () => ({ request: {} })));
    const r = await cli(['lint', '-f', 'json', writeScratch('all-bad.har', text)]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).problems).toHaveLength(150);
    const lines = r.stderr.trim().split('\n');
    expect(lines.filter((l) => /\.har:\d+: error: log\.entries\[\d+\]: /.test(l))).toHaveLength(100);
    expect(lines).toContain('status-lens: note: 50 more problems, listed in the report');
  });

  it('cannot write the report to a directory', async () => {
    const r = await cli(['lint', fixture('sample.har'), '-o', scratch()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write the report: is a directory/);
    noStack(r.stderr);
  });
});

describe('lint --output is checked before linting', () => {
  it('refuses to write the report over an input, by name, by another path or through a hard link', async () => {
    const dir = scratch();
    const har = join(dir, 'a.har');
    const original = harText([harEntry()]);
    writeFileSync(har, original);
    linkSync(har, join(dir, 'b.har'));
    for (const [input, output] of [
      [har, har],
      [har, join(dir, 'sub', '..', 'a.har')],
      [join(dir, 'b.har'), har],
    ] as const) {
      const r = await cli(['lint', fixture('sample.har'), input, '-o', output]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('would overwrite the recording');
      expect(r.stdout).toBe('');
    }
    const relative = await cli(['lint', 'a.har', '-o', './a.har'], { cwd: dir });
    expect(relative.code).toBe(2);
    expect(readFileSync(har, 'utf8')).toBe(original);
  });

  it('names a missing directory before reading any input', async () => {
    const r = await cli(['lint', 'no/such/input.har', '-o', 'out/missing-dir/r.sarif']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'out/missing-dir/r.sarif: error: cannot write the report: the directory out/missing-dir does not exist',
    );
    // Linting never started: the missing input was not even looked at.
    expect(r.stderr).not.toContain('no/such/input.har');
  });

  it('says when a part of the path is a file', async () => {
    const file = writeScratch('plain.txt', 'x');
    const r = await cli(['lint', fixture('sample.har'), '-o', `${file}/r.json`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write the report: .*plain\.txt is not a directory/);
  });

  it.each([[['-o', '']], [['--output=']], [['-o', '  ']]])('treats %j as a usage error', async (args) => {
    const r = await cli(['lint', fixture('sample.har'), ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--output needs a file name (or - for standard output)');
    expect(r.stdout).toBe('');
  });
});

describe('lint on recordings of other tools', () => {
  it('reads Playwright failed requests (status -1, _failureText) as failed, not as an invalid status', async () => {
    const entry = harEntry({ url: 'http://127.0.0.1:9/api', status: -1 }) as {
      response: Record<string, unknown>;
    };
    entry.response._failureText = 'net::ERR_CONNECTION_REFUSED';
    const r = await cli(['lint', '-f', 'json', writeScratch('pw.har', harText([entry]))]);
    expect(r.code).toBe(0);
    const [ex] = JSON.parse(r.stdout).exchanges;
    expect(ex).toMatchObject({ status: 0, family: 'failed', reason: 'net::ERR_CONNECTION_REFUSED' });
    expect(ex.findings.map((f: { rule: string }) => f.rule)).not.toContain('http/status-unregistered');
  });

  it('warns about a HAR without entries, without changing the exit code', async () => {
    const r = await cli(['lint', writeScratch('empty.har', harText([]))]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^\S*empty\.har: warning: no entries \(log\.entries is empty\)$/m);
    expect(r.stdout).toBe('✔ no findings in 0 exchanges (1 file)\n');
  });
});
