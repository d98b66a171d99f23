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
    const args = ['diff', fixture('sample.har'), fixture('tricky.har'), '--jobs', '2'];
    const asked = await cli(args, { env: { NO_COLOR: '1', STATUS_LENS_JOBS_STATS: '1' } });
    expect(asked.stderr).toMatch(NO_WORKER);
    const quiet = await cli(args, { env: { NO_COLOR: '1' } });
    expect(quiet.stderr).not.toContain('worker');
  });
});
