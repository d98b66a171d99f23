import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, harEntry, harText, scratch } from './cli-harness';

/** A directory of recordings: a.har (1 entry), b.har (2), sub/c.har (3), notes.txt. */
function recordings(): string {
  const dir = scratch();
  mkdirSync(join(dir, 'recordings/sub'), { recursive: true });
  const har = (n: number) => harText(Array.from({ length: n }, () => harEntry()));
  writeFileSync(join(dir, 'recordings/b.har'), har(2));
  writeFileSync(join(dir, 'recordings/a.har'), har(1));
  writeFileSync(join(dir, 'recordings/sub/c.har'), har(3));
  writeFileSync(join(dir, 'recordings/notes.txt'), 'not a HAR');
  return dir;
}

const filesOf = (stdout: string) =>
  (JSON.parse(stdout) as { exchanges: { file: string }[] }).exchanges.map((e) => e.file);

describe('lint with glob patterns in file arguments', () => {
  it('expands a quoted pattern itself, in sorted order', async () => {
    const cwd = recordings();
    const r = await cli(['lint', 'recordings/*.har', '--format', 'json', '--fail-on', 'none'], { cwd });
    expect(r.code).toBe(0);
    expect(filesOf(r.stdout)).toEqual(['recordings/a.har', 'recordings/b.har', 'recordings/b.har']);
  });

  it('takes ** and braces, and keeps plain arguments in their place', async () => {
    const cwd = recordings();
    const r = await cli(
      ['lint', 'recordings/sub/c.har', 'recordings/**/{a,c}.har', '--format', 'json', '--fail-on', 'none'],
      { cwd },
    );
    expect(r.code).toBe(0);
    // c.har, given first, keeps its place; the pattern's match of it is not linted again.
    expect(filesOf(r.stdout)).toEqual([...Array(3).fill('recordings/sub/c.har'), 'recordings/a.har']);
    expect(r.stderr).toBe('recordings/sub/c.har: note: given twice: linted once\n');
  });

  it('lints a file given twice, under any spelling, once, with a note: no doubled counts or SARIF results', async () => {
    const cwd = recordings();
    const twice = await cli(['lint', 'recordings/b.har', 'recordings/b.har', '--format', 'json'], { cwd });
    expect(filesOf(twice.stdout)).toEqual(['recordings/b.har', 'recordings/b.har']);
    expect(twice.stderr).toBe('recordings/b.har: note: given twice: linted once\n');
    const abs = join(cwd, 'recordings/b.har');
    const sarif = await cli(
      ['lint', 'recordings/b.har', abs, './recordings/b.har', '-f', 'sarif', '--rule', 'http/date=error'],
      { cwd },
    );
    const once = await cli(['lint', 'recordings/b.har', '-f', 'sarif', '--rule', 'http/date=error'], { cwd });
    type Sarif = { runs: { results: unknown[]; artifacts: unknown[] }[] };
    const run = (JSON.parse(sarif.stdout) as Sarif).runs[0]!;
    expect(run.artifacts).toHaveLength(1);
    expect(run.results.length).toBeGreaterThan(0);
    expect(run.results).toEqual((JSON.parse(once.stdout) as Sarif).runs[0]!.results);
    expect(sarif.stderr).toBe(
      `${abs}: note: the same file as recordings/b.har, given again: linted once\n` +
        './recordings/b.har: note: the same file as recordings/b.har, given again: linted once\n',
    );
  });

  it('names the files of an absolute pattern as the shell would: absolute, like an absolute file argument', async () => {
    const dir = recordings();
    const cwd = scratch();
    const pattern = join(dir, 'recordings/*.har');
    const quoted = await cli(['lint', pattern, '--format', 'json', '--fail-on', 'none'], { cwd });
    const a = join(dir, 'recordings/a.har');
    const b = join(dir, 'recordings/b.har');
    expect(filesOf(quoted.stdout)).toEqual([a, b, b]);
    const plain = await cli(['lint', a, b, '--format', 'json', '--fail-on', 'none'], { cwd });
    expect(filesOf(plain.stdout)).toEqual(filesOf(quoted.stdout));
    // In SARIF, an absolute file: URI for a file outside the working directory, not `../../…`.
    const sarif = await cli(['lint', pattern, '--format', 'sarif', '--rule', 'http/date=error'], { cwd });
    const uris = (
      JSON.parse(sarif.stdout) as { runs: { artifacts: { location?: { uri: string } }[] }[] }
    ).runs[0]!.artifacts.map((x) => x.location?.uri);
    expect(uris).toEqual([pathToFileURL(a).href, pathToFileURL(b).href]);
  });

  it('says which pattern matched nothing, exit 2, and lints nothing', async () => {
    const cwd = recordings();
    const r = await cli(['lint', 'recordings/a.har', 'recording/*.har'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`recording/*.har: no file matches this pattern (searched from ${cwd})`);
    expect(r.stdout).toBe('');
  });

  it('reads a file whose name only looks like a pattern', async () => {
    const cwd = recordings();
    writeFileSync(join(cwd, 'traffic[1].har'), harText([harEntry()]));
    const r = await cli(['lint', 'traffic[1].har', '--format', 'json', '--fail-on', 'none'], { cwd });
    expect(r.code).toBe(0);
    expect(filesOf(r.stdout)).toEqual(['traffic[1].har']);
  });
});
