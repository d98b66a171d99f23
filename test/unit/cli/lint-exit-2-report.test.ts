import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture, scratch, writeScratch } from './cli-harness';

/**
 * docs/cli.md, "Which runs that exit 2 write a report", and the comment of the CI recipes
 * (README "In CI", docs/cli.md "CI example") that upload results.sarif when it exists: an
 * unreadable HAR still gets the report, a run stopped before any HAR is read writes none.
 */
const truncated = writeScratch('truncated.har', readFileSync(fixture('sample.har'), 'utf8').slice(0, 400));

describe('lint exit 2: which runs write the --output report', () => {
  it.each([
    ['a missing HAR', ['nonexistent.har']],
    ['a truncated HAR', [truncated]],
    ['bad entries', [fixture('bad-entries.har')]],
  ])('%s: the report, covering what could be read, its run marked unsuccessful', async (_what, args) => {
    const out = join(scratch(), 'results.sarif');
    const r = await cli(['lint', ...args, fixture('sample.har'), '-f', 'sarif', '-o', out]);
    expect(r.code).toBe(2);
    const run = JSON.parse(readFileSync(out, 'utf8')).runs[0];
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications.length).toBeGreaterThan(0);
    expect(run.results.length).toBeGreaterThan(0);
  });

  it.each([
    ['an unknown option', ['--bogus', fixture('sample.har')]],
    ['a bad value', ['--fail-on', 'sometimes', fixture('sample.har')]],
    ['a pattern matching no file', [join(scratch(), 'none-*.har')]],
    [
      'a settings file that cannot be used',
      ['-c', writeScratch('bad-settings.json', { version: 2 }), fixture('sample.har')],
    ],
    [
      'a profile file that cannot be used',
      ['--profile-file', writeScratch('bad-profile.json', { id: 'x' }), fixture('sample.har')],
    ],
    ['an OpenAPI document that cannot be read', ['--openapi', 'nonexistent.yaml', fixture('sample.har')]],
  ])('%s: no report, and an earlier --output file left as it was', async (_what, args) => {
    const out = join(scratch(), 'results.sarif');
    const r = await cli(['lint', ...args, '-f', 'sarif', '-o', out]);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    writeFileSync(out, 'earlier');
    await cli(['lint', ...args, '-f', 'sarif', '-o', out]);
    expect(readFileSync(out, 'utf8')).toBe('earlier');
  });
});
