import { describe, expect, it } from 'vitest';
import { cli, fixture } from './cli-harness';

const NO_WORKER =
  /^status-lens: note: no worker started, the main thread linted every entry \(inputs under 8 MiB, --jobs 1 and diff use one thread\)$/m;

// STATUS_LENS_JOBS_STATS=1 on a small input used to print nothing, which read as if the variable were ignored.
describe('STATUS_LENS_JOBS_STATS on a run without workers', () => {
  it('says that no worker started (an input under 8 MiB, even with --jobs 2)', async () => {
    const r = await cli(['lint', fixture('sample.har'), '--jobs', '2'], {
      env: { NO_COLOR: '1', STATUS_LENS_JOBS_STATS: '1' },
    });
    expect(r.stderr).toMatch(NO_WORKER);
    expect(r.stderr).not.toContain('batches linted on the main thread');
  });

  it('says it for diff too, and nothing without the variable', async () => {
    const args = ['diff', fixture('sample.har'), fixture('tricky.har')];
    const asked = await cli(args, { env: { NO_COLOR: '1', STATUS_LENS_JOBS_STATS: '1' } });
    expect(asked.stderr).toMatch(NO_WORKER);
    const quiet = await cli(args, { env: { NO_COLOR: '1' } });
    expect(quiet.stderr).not.toContain('worker');
  });

  it('diff refuses --jobs with its reason, rather than taking an option that does nothing', async () => {
    for (const flag of ['--jobs', '-j']) {
      const r = await cli(['diff', fixture('sample.har'), fixture('tricky.har'), flag, '2']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("is lint's: diff compares on one thread, so it takes no --jobs");
    }
  });
});
