import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/run';
// @ts-expect-error: a plain .mjs build script without type declarations
import { cliBuildOptions } from '../../../scripts/cli-build-options.mjs';
// @ts-expect-error: a plain .mjs build script without type declarations
import { generateSmallHar } from '../../../scripts/gen-har.mjs';
import { ROOT, scratch } from './cli-harness';

// 401 without WWW-Authenticate: a finding on every entry, so the text report lists each one.
const entry = (i: number) =>
  `{"request":{"method":"GET","url":"http://a.test/r/${i}"},"response":{"status":401}}`;

/** The report is written in chunks of about 64 K: this many entries fill more than one. */
const FIRST = 1000;

/**
 * Standard input (the second input) that gives the HAR's head, then waits until standard output
 * has received the first input's first entry before it gives the rest: a run that writes its
 * report only at the end never gets there (the wait gives up after 2 s). Within one file,
 * entries are reported once the file is read, in request order (core/report/request-order.ts):
 * a file's last entry may have started first.
 */
function gatedInput(seen: () => string): { stdin: AsyncIterable<Uint8Array>; opened: () => boolean } {
  let opened = false;
  async function* chunks() {
    yield Buffer.from(`{"log":{"version":"1.2","entries":[`);
    for (let i = 0; i < 200 && !seen().includes('http://a.test/r/0'); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    opened = seen().includes('http://a.test/r/0');
    yield Buffer.from(`${entry(FIRST)}]}}`);
  }
  return { stdin: chunks(), opened: () => opened };
}

describe('lint writes its report as it reads', () => {
  for (const format of ['text', 'json'] as const) {
    it(`--format ${format}: a file's entries are in the report before the next input ends`, async () => {
      const first = join(scratch(), 'first.har');
      writeFileSync(
        first,
        `{"log":{"version":"1.2","entries":[${Array.from({ length: FIRST }, (_, i) => entry(i)).join(',')}]}}`,
      );
      let stdout = '';
      const input = gatedInput(() => stdout);
      const code = await run(['lint', first, '-', '--format', format, '--fail-on', 'none'], {
        stdin: input.stdin,
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: () => undefined },
        env: { NO_COLOR: '1' },
        stdoutIsTTY: false,
        stderrIsTTY: false,
        cwd: ROOT,
      });
      expect(code).toBe(0);
      expect(input.opened()).toBe(true);
      expect(stdout).toContain(`http://a.test/r/${FIRST}`);
    });
  }
});

// The real process with a V8 heap far smaller than the report: 100,000 entries make a
// SARIF report of about 50 MB and a JSON one of about 40 MB. Keeping every exchange until
// the end (as lint did) needs more than 40 MB of heap at this size; streaming needs the
// same small amount whatever the number of entries.
describe('lint memory does not grow with the number of entries', () => {
  const ENTRIES = 100_000;
  let bin = '';
  let har = '';
  beforeAll(async () => {
    const dir = scratch();
    bin = join(dir, 'status-lens.mjs');
    har = join(dir, 'small.har');
    await build({ ...cliBuildOptions(ROOT, bin, '0.0.0-test'), logLevel: 'silent' });
    await generateSmallHar({ out: har, entries: ENTRIES });
  }, 60_000);

  const expected: Record<string, (report: string) => void> = {
    text: (r) => expect(r).toMatch(/ of 100000 exchanges \(1 file\)\n$/),
    json: (r) =>
      expect((JSON.parse(r) as { summary: { exchanges: number } }).summary.exchanges).toBe(ENTRIES),
    sarif: (r) => {
      const sarif = JSON.parse(r) as { runs: { results: unknown[]; artifacts: unknown[] }[] };
      expect(sarif.runs[0]!.results.length).toBeGreaterThan(ENTRIES / 4);
      expect(sarif.runs[0]!.artifacts).toHaveLength(1);
    },
    junit: (r) => expect(r).toContain(`<testsuites name="status-lens" tests="${ENTRIES}"`),
    markdown: (r) => expect(r).toMatch(/^# status-lens report\n\n100000 exchanges in 1 file/),
  };

  for (const format of Object.keys(expected)) {
    it(`--format ${format} with a 32 MB heap`, () => {
      const out = join(scratch(), `report.${format}`);
      const r = spawnSync(
        process.execPath,
        ['--max-old-space-size=32', bin, 'lint', har, '--format', format, '--fail-on', 'none', '-o', out],
        { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 80_000 },
      );
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expected[format]!(readFileSync(out, 'utf8'));
    }, 90_000);
  }

  it('a report that cannot be written (--output /dev/full) fails the run with a message', () => {
    const r = spawnSync(process.execPath, [bin, 'lint', har, '--format', 'json', '-o', '/dev/full'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 80_000,
    });
    expect(r.stderr).toContain('/dev/full: error: cannot write the report: no space left on the device');
    expect(r.status).toBe(2);
  }, 90_000);
});
