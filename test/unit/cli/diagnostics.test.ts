import { describe, expect, it } from 'vitest';
import { contractDiagnostic, diagnosticLine, inputProblemDiagnostic } from '../../../src/cli/diagnostic';
import { allRulesOffConfig, cli, fixture, harText, writeScratch } from './cli-harness';

/**
 * Every line a run writes on standard error, but the usage hint that follows a usage error:
 * FILE[:LINE[:COLUMN]]: SEVERITY: message, or status-lens[ COMMAND]: SEVERITY: message.
 */
const DIAGNOSTIC =
  /^(?<where>.+?)(?::(?<line>\d+)(?::(?<column>\d+))?)?: (?<severity>error|warning|note): \S/;
const HINT = /^Run "status-lens(?: \w+)? --help" for usage\.$/;

function lines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l !== '');
}

/** Each line's place and severity, after checking that every line has the one shape. */
function parsed(stderr: string) {
  const all = lines(stderr).filter((l) => !HINT.test(l));
  for (const l of all) expect(l).toMatch(DIAGNOSTIC);
  return all.map((l) => {
    const g = DIAGNOSTIC.exec(l)!.groups!;
    return { where: g.where!, line: g.line, column: g.column, severity: g.severity! };
  });
}

describe('standard error: one shape for every problem, the file it is about first', () => {
  it('HAR problems, OpenAPI warnings, profile warnings and the closing note', async () => {
    const profile = writeScratch('acme.json', {
      id: 'acme',
      name: 'Acme',
      summary: 's',
      source: 'https://acme.test/guide',
      scope: { urls: ['https://nowhere.test/*'] },
    });
    const empty = writeScratch('empty.har', harText([]));
    const r = await cli([
      'lint',
      '-c',
      allRulesOffConfig(),
      fixture('bad-entries.har'),
      empty,
      fixture('sample.har'),
      '--openapi',
      'test/fixtures/openapi/bad/partly-broken.yaml',
      '--profile-file',
      profile,
    ]);
    expect(r.code).toBe(2);
    const got = parsed(r.stderr);
    const about = (file: string) => got.filter((d) => d.where === file);
    // Its five bad entries, each at its line, then the profile and the description that matched
    // none of its entries.
    expect(about('test/fixtures/har/bad-entries.har').map((d) => [d.severity, d.line !== undefined])).toEqual(
      [...Array.from({ length: 5 }, () => ['error', true]), ['warning', false], ['warning', false]],
    );
    expect(about('test/fixtures/openapi/bad/partly-broken.yaml').map((d) => d.severity)).toContain('warning');
    expect(about(empty).map((d) => d.severity)).toEqual(['warning']);
    expect(about(fixture('sample.har'))).toEqual([
      expect.objectContaining({ severity: 'warning' }),
      expect.objectContaining({ severity: 'warning' }),
    ]);
    // The closing count is a note: a problem matcher counts each problem once.
    expect(got.at(-1)).toEqual(expect.objectContaining({ where: 'status-lens', severity: 'note' }));
    expect(got.filter((d) => d.where === 'status-lens')).toHaveLength(1);
  });

  it('config, profile and OpenAPI errors name their file first; errors about the invocation name the tool', async () => {
    const config = await cli(['lint', '--config', fixture('bad-settings.json'), fixture('sample.har')]);
    const c = parsed(config.stderr);
    expect(c.length).toBeGreaterThan(1);
    for (const d of c)
      expect(d).toMatchObject({ where: 'test/fixtures/har/bad-settings.json', severity: 'error' });

    const spec = await cli([
      'lint',
      fixture('sample.har'),
      '--openapi',
      'test/fixtures/openapi/bad/invalid.yaml',
    ]);
    expect(parsed(spec.stderr)).toEqual([
      {
        where: 'test/fixtures/openapi/bad/invalid.yaml',
        line: expect.any(String),
        column: expect.any(String),
        severity: 'error',
      },
    ]);

    const usage = await cli(['lint', '--no-such-option', fixture('sample.har')]);
    expect(usage.code).toBe(2);
    expect(lines(usage.stderr)).toEqual([
      expect.stringMatching(/^status-lens lint: error: unknown option --no-such-option/),
      'Run "status-lens lint --help" for usage.',
    ]);

    const glob = await cli(['lint', 'no-such-dir/*.har']);
    expect(parsed(glob.stderr)).toEqual([
      expect.objectContaining({ where: 'status-lens', severity: 'error' }),
    ]);
    expect(glob.stderr).toContain('status-lens: error: no-such-dir/*.har: no file matches this pattern');

    const explain = await cli(['explain', '42']);
    expect(parsed(explain.stderr)).toEqual([
      expect.objectContaining({ where: 'status-lens', severity: 'error' }),
    ]);
  });
});

describe('diagnosticLine and its sources', () => {
  it('puts line and column in the place, and escapes control characters', () => {
    expect(
      diagnosticLine({ place: { file: 'a.har', line: 3, column: 7 }, severity: 'error', message: 'bad' }),
    ).toBe('a.har:3:7: error: bad\n');
    expect(diagnosticLine({ severity: 'note', message: 'x\u001b[31m' })).toBe(
      'status-lens: note: x\\x1b[31m\n',
    );
    expect(diagnosticLine({ severity: 'error', message: 'm' }, 'status-lens diff')).toBe(
      'status-lens diff: error: m\n',
    );
  });

  it('an OpenAPI syntax error carries its column in the place; a pointer leads the message', () => {
    expect(
      diagnosticLine(
        contractDiagnostic(
          { document: 's.yaml', location: 'line 8, column 3', message: 'not valid YAML: Nested mappings' },
          'error',
        ),
      ),
    ).toBe('s.yaml:8:3: error: not valid YAML: Nested mappings\n');
    expect(
      diagnosticLine(
        contractDiagnostic({ document: 's.yaml', location: '/paths/~1a/get', message: 'skipped' }, 'warning'),
      ),
    ).toBe('s.yaml: warning: /paths/~1a/get: skipped\n');
  });

  it('a rule that failed on an entry is a warning (the exit code stays); a bad entry an error', () => {
    const base = {
      source: 0,
      file: 'a.har',
      uri: 'a.har',
      line: 9,
      column: 2,
      path: 'log.entries[1]',
      message: 'm',
    };
    expect(diagnosticLine(inputProblemDiagnostic({ ...base, kind: 'rule' }))).toBe(
      'a.har:9:2: warning: log.entries[1]: m\n',
    );
    expect(diagnosticLine(inputProblemDiagnostic({ ...base, kind: 'entry' }))).toBe(
      'a.har:9:2: error: log.entries[1]: m\n',
    );
  });
});
