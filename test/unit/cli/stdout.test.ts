import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { guardStdout } from '../../../src/cli/stdio';
import { drainWaiter } from '../../../src/cli/lint/output';
// @ts-expect-error: a plain .mjs build script without type declarations
import { cliBuildOptions } from '../../../scripts/cli-build-options.mjs';
import { fixture, ROOT, scratch } from './cli-harness';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed, write`), { code });
}

function guarded() {
  const stdout = new EventEmitter();
  let stderr = '';
  const exits: number[] = [];
  guardStdout(stdout, { write: (s: string) => (stderr += s) }, (code) => exits.push(code));
  return { stdout, exits, stderr: () => stderr };
}

describe('standard output that cannot be written', () => {
  it('exits 2 with a message when the report is lost (a full disk)', () => {
    const g = guarded();
    g.stdout.emit('error', errno('ENOSPC'));
    expect(g.exits).toEqual([2]);
    expect(g.stderr()).toBe(
      'status-lens: error: cannot write to standard output: no space left on the device\n',
    );
  });

  it('lets the run go on to its own exit code, quietly, when the reader closed the pipe', () => {
    // Ending at once exited 0 before any finding was counted (test/e2e/cli-pipe.test.ts).
    const g = guarded();
    g.stdout.emit('error', errno('EPIPE'));
    g.stdout.emit('error', errno('EPIPE'));
    expect(g.exits).toEqual([]);
    expect(g.stderr()).toBe('');
  });

  it('reports once, however many writes fail', () => {
    const g = guarded();
    g.stdout.emit('error', errno('ENOSPC'));
    g.stdout.emit('error', errno('ENOSPC'));
    expect(g.exits).toEqual([2]);
  });

  // The real process: main.ts bundled as scripts/build-cli.mjs does, stdout sent to /dev/full.
  // Linux (where this project's CI runs) always has /dev/full.
  it('makes `status-lens lint x.har > /dev/full` exit 2', async () => {
    const outfile = join(scratch(), 'status-lens.mjs');
    await build({ ...cliBuildOptions(ROOT, outfile, '0.0.0-test'), logLevel: 'silent' });
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [outfile, 'lint', fixture('sample.har')], {
        cwd: ROOT,
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        timeout: 60_000,
      });
      expect(r.stderr).toContain(
        'status-lens: error: cannot write to standard output: no space left on the device',
      );
      expect(r.status).toBe(2);
    } finally {
      closeSync(full);
    }
  }, 60_000);
});

describe('waiting for a slow standard output to drain', () => {
  /** process.stdout as the waiter sees it: full until 'drain'. */
  function slowStdout() {
    const stdout = Object.assign(new EventEmitter(), { writableNeedDrain: true });
    const listeners = () =>
      stdout.listenerCount('drain') + stdout.listenerCount('close') + stdout.listenerCount('error');
    return { stdout, listeners };
  }

  it('leaves no listener behind after each drain, however many times it waits', async () => {
    const { stdout, listeners } = slowStdout();
    const wait = drainWaiter(stdout);
    for (let i = 0; i < 50; i++) {
      const waited = wait();
      expect(listeners()).toBe(3);
      stdout.emit('drain');
      await waited;
      expect(listeners()).toBe(0);
    }
  });

  it('shares one wait between callers, and ends it when the reader goes away', async () => {
    const { stdout, listeners } = slowStdout();
    const wait = drainWaiter(stdout);
    const waits = [wait(), wait(), wait()];
    expect(listeners()).toBe(3);
    stdout.emit('close');
    await Promise.all(waits);
    expect(listeners()).toBe(0);
  });

  it('does not begin a wait once a write failed: Node keeps a closed pipe "needing drain" for good', async () => {
    const { stdout, listeners } = slowStdout();
    Object.assign(stdout, { errored: errno('EPIPE') });
    await drainWaiter(stdout)();
    expect(listeners()).toBe(0);
  });

  it('does not wait when the output can take more', async () => {
    const stdout = Object.assign(new EventEmitter(), { writableNeedDrain: false });
    await drainWaiter(stdout)();
    expect(stdout.listenerCount('drain')).toBe(0);
  });
});
