import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const BIN = resolve(ROOT, 'dist-cli/status-lens.mjs');

/** Runs the built CLI the way npm's bin link would, from the repository root. */
function statusLens(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the built status-lens binary', () => {
  beforeAll(() => {
    if (!existsSync(BIN))
      throw new Error(`${BIN} is missing: run "npm run build" (or node scripts/build-cli.mjs) first`);
  });

  it('starts with a node shebang', () => {
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('prints the package version', () => {
    const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = statusLens(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('prints help', () => {
    const r = statusLens(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('status-lens lint');
  });

  it('lints a fixture as JSON', () => {
    const r = statusLens(['lint', 'test/fixtures/har/sample.har', '--format', 'json', '--fail-on', 'none']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.version).toBe(1);
    expect(report.tool.name).toBe('status-lens');
    expect(report.exchanges).toHaveLength(8);
    expect(report.exchanges[1]).toMatchObject({ index: 1, method: 'POST', status: 201, reason: 'Created' });
    expect(report.exchanges[1].findings.map((f: { rule: string }) => f.rule)).toContain(
      'http/created-location',
    );
  });

  it("counts the fixture's failed request in the text summary, as its JSON report does", () => {
    const text = statusLens(['lint', 'test/fixtures/har/sample.har']);
    const json = statusLens(['lint', 'test/fixtures/har/sample.har', '--format', 'json']);
    const failed = JSON.parse(json.stdout).summary.families.failed as number;
    expect(failed).toBe(1);
    expect(text.stdout.trim().split('\n').pop()).toMatch(
      new RegExp(`in \\d+ of 8 exchanges, ${failed} failed \\(1 file\\)$`),
    );
  });

  it('lints standard input', () => {
    const r = statusLens(
      ['lint', '-', '-f', 'json', '--fail-on', 'none'],
      readFileSync(resolve(ROOT, 'test/fixtures/har/sample.har'), 'utf8'),
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).exchanges).toHaveLength(8);
  });

  // GitHub code scanning refuses results with no artifactLocation.uri, so standard input has one.
  it('locates the SARIF results of standard input at stdin.har, or at --stdin-filename', () => {
    const har = readFileSync(resolve(ROOT, 'test/fixtures/har/sample.har'), 'utf8');
    const uris = (args: string[]) => {
      const r = statusLens(['lint', '-', '-f', 'sarif', '--fail-on', 'none', ...args], har);
      expect(r.code).toBe(0);
      const run = JSON.parse(r.stdout).runs[0] as {
        results: { locations: { physicalLocation: { artifactLocation: { uri?: string } } }[] }[];
      };
      expect(run.results.length).toBeGreaterThan(0);
      return new Set(run.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri));
    };
    expect(uris([])).toEqual(new Set(['stdin.har']));
    expect(uris(['--stdin-filename', 'recordings/sample.har'])).toEqual(new Set(['recordings/sample.har']));
    expect(statusLens(['lint', '--help']).stdout).toContain('--stdin-filename NAME');
  });

  it('explains 404 as JSON', () => {
    const r = statusLens(['explain', '404', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ code: 404, reason: 'Not Found', family: '4xx' });
  });

  it('explains a class, a reason phrase and words from the built binary', () => {
    const cls = statusLens(['explain', '4XX']);
    expect(cls.code).toBe(0);
    expect(cls.stdout.split('\n')).toContain('  404  Not Found');
    const phrase = statusLens(['explain', 'not-found', '--format', 'json']);
    expect(JSON.parse(phrase.stdout)).toMatchObject({ code: 404 });
    const words = statusLens(['explain', 'too many']);
    expect(words.code).toBe(0);
    expect(words.stdout.split('\n')[1]).toMatch(/^429 {2}Too Many Requests — /);
    const typo = statusLens(['explain', 'Not Fuond']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('(did you mean Not Found (404)?)');
  });

  it('names a profile of the --config file left as an input after a space, with the comma form of the profile given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'status-lens-stray-'));
    try {
      const config = join(dir, 'settings.json');
      const myApi = { id: 'my-api', name: 'My API', summary: 's', source: 'https://my-api.example/guide' };
      writeFileSync(config, JSON.stringify({ version: 1, userProfiles: [myApi] }));
      const r = statusLens([
        'lint',
        'test/fixtures/har/sample.har',
        '--config',
        config,
        '--profile',
        'hal',
        'my-api',
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        'my-api: error: cannot read: no such file ("my-api" looks like a profile: an option takes one value, so list profiles after one --profile with commas (--profile hal,my-api) or repeat --profile)',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with a message, not a stack trace, on bad input', () => {
    const r = statusLens(['lint', 'test/fixtures/har/truncated.har']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unexpected end of file inside entry 3');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
