import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const BIN = resolve(ROOT, 'dist-cli/status-lens.mjs');

/*
 * `status-lens lint big.har --format json | head -c 100`: a report longer than the pipe can hold
 * waits for it to drain, again and again, and the reader may leave at any point. Every wait used
 * to leave two listeners behind on standard output, so a long report printed Node's
 * MaxListenersExceededWarning on standard error; a reader that leaves (EPIPE) is not an error,
 * and does not change the exit code either.
 */

interface Outcome {
  code: number | null;
  stderr: string;
  read: number;
}

/**
 * Runs the built CLI with standard output read slowly, 16 KiB at a time (so the report waits to
 * drain at every check), and closed once `stopAfter` bytes have been read.
 */
function slowlyRead(args: string[], stopAfter: number): Promise<Outcome> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    let read = 0;
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.pause();
    const tick = setInterval(() => {
      if (child.stdout.destroyed) return;
      const chunk = (child.stdout.read(Math.min(16_384, child.stdout.readableLength)) ??
        child.stdout.read()) as Buffer | null;
      if (chunk) read += chunk.length;
      if (read >= stopAfter) child.stdout.destroy();
    }, 2);
    const timer = setTimeout(() => child.kill(), 90_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearInterval(tick);
      clearTimeout(timer);
      done({ code, stderr, read });
    });
  });
}

describe('the built CLI piped into a reader that stops early', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'status-lens-pipe-'));
  const har = join(tmp, 'big.har');

  beforeAll(() => {
    if (!existsSync(BIN))
      throw new Error(`${BIN} is missing: run "npm run build" (or node scripts/build-cli.mjs) first`);
    // 30,000 small entries: a JSON report of about 11 MB, some thirty waits for the pipe.
    const gen = spawnSync(
      process.execPath,
      ['scripts/gen-har.mjs', '--out', har, '--entries', '30000', '--small'],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(gen.status, gen.stderr).toBe(0);
  });

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('prints no MaxListenersExceededWarning while a slow reader drains a long report, and exits quietly when it leaves', async () => {
    const r = await slowlyRead(['lint', har, '--format', 'json', '--fail-on', 'none'], 8_000_000);
    expect(r.read).toBeGreaterThanOrEqual(8_000_000);
    expect(r.stderr).not.toContain('MaxListenersExceededWarning');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 120_000);

  it('says nothing when `| head -c 100` closes the pipe at once', () => {
    const r = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${BIN}" lint "${har}" --format json --fail-on none | head -c 100`],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(r.stdout).toHaveLength(100);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 60_000);

  // GitHub Actions runs `bash -eo pipefail`: a lint cut short by `| head` must still fail the
  // step when its findings call for exit 1 (the file has errors), in text and in JSON.
  it.each([['text'], ['json']])(
    '--format %s | head -n 3 under pipefail: the exit code the findings give, no stack trace',
    (format) => {
      const cmd = `"${process.execPath}" "${BIN}" lint "${har}" --format ${format}`;
      const whole = spawnSync('sh', ['-c', `${cmd} > /dev/null`], { cwd: ROOT, timeout: 60_000 });
      expect(whole.status).toBe(1);
      const r = spawnSync('bash', ['-o', 'pipefail', '-c', `${cmd} | head -n 3`], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, NO_COLOR: '1' },
      });
      expect(r.stdout.split('\n')).toHaveLength(4);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
    },
    60_000,
  );
});
