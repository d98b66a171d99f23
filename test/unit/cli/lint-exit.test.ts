import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRulesOffConfig, cli, fixture, harEntry, harText, writeScratch } from './cli-harness';

const created = harText([harEntry({ method: 'POST', status: 201 })]);

describe('lint exit codes and --fail-on', () => {
  it('exits 1 when a finding reaches the default --fail-on error', async () => {
    const r = await cli([
      'lint',
      '-c',
      allRulesOffConfig({ 'http/created-location': 'error' }),
      fixture('sample.har'),
    ]);
    expect(r.code).toBe(1);
  });

  it('exits 0 when findings stay under --fail-on', async () => {
    const config = allRulesOffConfig({ 'http/created-location': 'warning' });
    expect((await cli(['lint', '-c', config, fixture('sample.har')])).code).toBe(0);
    expect((await cli(['lint', '-c', config, '--fail-on', 'warning', fixture('sample.har')])).code).toBe(1);
    expect((await cli(['lint', '-c', config, '--fail-on', 'info', fixture('sample.har')])).code).toBe(1);
  });

  it('never exits 1 with --fail-on none', async () => {
    const config = allRulesOffConfig({ 'http/created-location': 'error' });
    expect((await cli(['lint', '-c', config, '--fail-on', 'none', fixture('sample.har')])).code).toBe(0);
  });

  it('exits 0 with nothing found', async () => {
    expect((await cli(['lint', '-c', allRulesOffConfig(), fixture('sample.har')])).code).toBe(0);
  });
});

describe('lint --config, --profile and --rule', () => {
  it('names the line and column where a settings file or a profile file stops being JSON', async () => {
    const config = writeScratch('trailing-comma.json', '{\n  "version": 1,\n  "profiles": ["problem",]\n}\n');
    const c = await cli(['lint', '--config', config, fixture('sample.har')]);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain(
      'trailing-comma.json:3:25: error: the config file is not valid JSON: a trailing comma before "]", which JSON does not allow: remove it',
    );
    // One line: no fragment of the file's text spilled over several lines of the message.
    expect(c.stderr.split('\n').filter((l) => l.includes('trailing-comma.json'))).toHaveLength(1);
    const profile = writeScratch(
      'acme-typo.json',
      '{\n  "id": "acme",\n  "name": "Acme"\n  "summary": "s"\n}\n',
    );
    const p = await cli(['lint', '--profile-file', profile, fixture('sample.har')]);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain(
      // The place leads as the config's does (it read "acme-typo.json: error: $: not JSON: line 4, column 3: …").
      `acme-typo.json:4:3: error: the profile file is not valid JSON: expected "," or "}", found '"'`,
    );
  });

  it('applies the rule severities of a settings file exported by the options page', async () => {
    const r = await cli(['lint', '-f', 'json', '--config', fixture('settings.json'), fixture('sample.har')]);
    const report = JSON.parse(r.stdout);
    expect(report.profiles).toEqual(['problem']);
    const finding = report.exchanges[1].findings.find(
      (f: { rule: string }) => f.rule === 'http/created-location',
    );
    expect(finding.severity).toBe('error');
    expect(r.code).toBe(1);
  });

  it('lets --rule override the config file, and turn rules off', async () => {
    const base = ['lint', '-f', 'json', '--config', fixture('settings.json'), fixture('sample.har')];
    const warn = JSON.parse((await cli([...base, '--rule', 'http/created-location=warning'])).stdout);
    expect(
      warn.exchanges[1].findings.find((f: { rule: string }) => f.rule === 'http/created-location').severity,
    ).toBe('warning');
    const off = JSON.parse((await cli([...base, '--rule', 'http/created-location=off'])).stdout);
    expect(off.exchanges[1].findings.some((f: { rule: string }) => f.rule === 'http/created-location')).toBe(
      false,
    );
  });

  it('accepts comma-separated --rule settings, and levels, formats, --fail-on and profiles in any case', async () => {
    const har = writeScratch('c.har', created);
    const r = await cli([
      'lint',
      '--format',
      'JSON',
      '--fail-on',
      'WARNING',
      '-p',
      'Problem',
      '-r',
      'http/created-location=Warning,http/date=off',
      har,
    ]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.profiles).toEqual(['problem']);
    expect(
      report.exchanges[0].findings.find((f: { rule: string }) => f.rule === 'http/created-location').severity,
    ).toBe('warning');
    const off = await cli(['lint', '-f', 'json', '-r', 'http/created-location=off,http/date=off', har]);
    expect(
      JSON.parse(off.stdout).exchanges[0].findings.some(
        (f: { rule: string }) => f.rule === 'http/created-location',
      ),
    ).toBe(false);
  });

  it('overrides the default severity without a config', async () => {
    const har = writeScratch('c.har', created);
    const r = await cli(['lint', '-f', 'json', '-r', 'http/created-location=info', har]);
    expect(
      JSON.parse(r.stdout).exchanges[0].findings.find(
        (f: { rule: string }) => f.rule === 'http/created-location',
      ).severity,
    ).toBe('info');
  });

  it('adds --profile to the profiles of the config, comma-separated or repeated', async () => {
    const r = await cli([
      'lint',
      '-f',
      'json',
      '-c',
      fixture('settings.json'),
      '-p',
      'hal,envelope',
      fixture('sample.har'),
    ]);
    expect(JSON.parse(r.stdout).profiles).toEqual(['problem', 'hal', 'envelope']);
    const r2 = await cli([
      'lint',
      '-f',
      'json',
      '--profile',
      'envelope',
      '--profile',
      'hal',
      fixture('sample.har'),
    ]);
    expect(JSON.parse(r2.stdout).profiles).toEqual(['hal', 'envelope']);
  });

  it('runs profile rules only when the profile is on', async () => {
    const body = JSON.stringify({ title: 'Nope', status: 500 });
    const har = writeScratch(
      'p.har',
      harText([
        harEntry({ status: 404, headers: { 'Content-Type': 'application/problem+json' }, text: body }),
      ]),
    );
    const config = allRulesOffConfig({ 'problem/status-match': 'error' });
    // Setting a severity is not the same as turning the profile on.
    const without = JSON.parse((await cli(['lint', '-f', 'json', '-c', allRulesOffConfig(), har])).stdout);
    expect(without.exchanges[0].findings).toEqual([]);
    const withProfile = JSON.parse(
      (await cli(['lint', '-f', 'json', '-c', config, '-p', 'problem', har])).stdout,
    );
    expect(withProfile.exchanges[0].findings.map((f: { rule: string }) => f.rule)).toEqual([
      'problem/status-match',
    ]);
  });

  it('reports every problem of an invalid config with the file name, exit 2', async () => {
    const r = await cli(['lint', '--config', fixture('bad-settings.json'), fixture('sample.har')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining('test/fixtures/har/bad-settings.json: error: version: expected 1, got 2'),
        expect.stringContaining(
          'test/fixtures/har/bad-settings.json: error: profiles[0]: unknown profile "nope"',
        ),
        expect.stringContaining(
          'test/fixtures/har/bad-settings.json: error: rules["no/such-rule"]: unknown rule',
        ),
        expect.stringContaining(
          'test/fixtures/har/bad-settings.json: error: rules["http/created-location"]: expected',
        ),
      ]),
    );
  });

  it('says when the config file is missing or not JSON', async () => {
    const missing = await cli(['lint', '--config', 'nope/settings.json', fixture('sample.har')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope/settings.json: error: cannot read the config file: no such file');
    const broken = await cli([
      'lint',
      '--config',
      writeScratch('s.json', '{"rules": '),
      fixture('sample.har'),
    ]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(
      /s\.json:1:11: error: the config file is not valid JSON: expected a value, found the end/,
    );
  });
});

describe('lint --body-size-cap (formerly --include-bodies-over)', () => {
  // 6 MiB of broken JSON: over the extension's 5 MiB capture cap.
  const big = `{"x": "${'a'.repeat(6 * 1024 * 1024)}"`;
  const har = () =>
    writeScratch(
      'big.har',
      harText(
        [
          harEntry({
            headers: { 'Content-Type': 'application/json' },
            mimeType: 'application/json',
            text: big,
          }),
        ],
        0,
      ),
    );

  it('checks bodies over 5 MB by headers only by default, and says how many', async () => {
    const config = allRulesOffConfig({ 'body/invalid-json': 'error' });
    const file = har();
    const r = await cli(['lint', '-f', 'json', '-c', config, file]);
    const report = JSON.parse(r.stdout);
    expect(report.exchanges[0].findings).toEqual([]);
    expect(report.summary.bodiesOverCap).toEqual({ count: 1, cap: 5 * 1024 * 1024 });
    const text = await cli(['lint', '-c', config, file]);
    expect(text.stdout).toContain(
      '1 response body was over 5 MiB and checked by status and headers only (raise the limit with --body-size-cap)',
    );
    const raised = await cli(['lint', '-f', 'json', '-c', config, '--body-size-cap', '8M', file]);
    expect(JSON.parse(raised.stdout).summary.bodiesOverCap).toEqual({ count: 0, cap: 8 * 1024 * 1024 });
  });

  it('analyses bigger bodies when the threshold is raised', async () => {
    const config = allRulesOffConfig({ 'body/invalid-json': 'error' });
    const r = await cli(['lint', '-f', 'json', '-c', config, '--include-bodies-over', '8M', har()]);
    expect(JSON.parse(r.stdout).exchanges[0].findings.map((f: { rule: string }) => f.rule)).toEqual([
      'body/invalid-json',
    ]);
    expect(r.code).toBe(1);
  });

  it('reads the former name as the same option, the last of the two given winning', async () => {
    const small = writeScratch('small.har', harText([harEntry({ text: '{}' })]));
    const cap = async (...args: string[]) =>
      JSON.parse((await cli(['lint', '-f', 'json', ...args, small])).stdout).summary.bodiesOverCap.cap;
    expect(await cap('--include-bodies-over', '8M')).toBe(8 * 1024 * 1024);
    expect(await cap('--include-bodies-over=1K', '--body-size-cap', '2K')).toBe(2048);
    expect(await cap('--body-size-cap', '2K', '--include-bodies-over', '1K')).toBe(1024);
  });

  it('can lower the threshold too', async () => {
    const config = allRulesOffConfig({ 'body/invalid-json': 'error' });
    const small = writeScratch(
      'small.har',
      harText([harEntry({ headers: { 'Content-Type': 'application/json' }, text: '{"x":' })]),
    );
    expect(
      JSON.parse((await cli(['lint', '-f', 'json', '-c', config, small])).stdout).exchanges[0].findings,
    ).toHaveLength(1);
    expect(
      JSON.parse((await cli(['lint', '-f', 'json', '-c', config, '--body-size-cap', '2', small])).stdout)
        .exchanges[0].findings,
    ).toHaveLength(0);
  });
});

describe('lint reading standard input', () => {
  it('reads a HAR from - in one chunk', async () => {
    const r = await cli(['lint', '-f', 'json', '-'], { stdin: readFileSync(fixture('sample.har')) });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.exchanges).toHaveLength(8);
    expect(report.exchanges[0].file).toBe('<stdin>');
  });

  it('reads a HAR arriving in many small chunks', async () => {
    const bytes = readFileSync(fixture('tricky.har'));
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
    const r = await cli(['lint', '-f', 'json', '-'], { stdin: chunks });
    expect(JSON.parse(r.stdout).exchanges.map((e: { url: string }) => e.url)).toEqual(
      [0, 1, 2, 3, 4].map((i) => `https://api.example.com/things/${i}?q=%5D%7D`),
    );
  });

  it('mixes files and standard input, locating standard input at stdin.har', async () => {
    const config = allRulesOffConfig({ 'http/created-location': 'warning' });
    const r = await cli(['lint', '-c', config, '-f', 'sarif', fixture('sample.har'), '-'], {
      stdin: created,
    });
    const places = JSON.parse(r.stdout).runs[0].results.map(
      (x: { locations: { physicalLocation: { artifactLocation: unknown } }[] }) =>
        x.locations[0]!.physicalLocation.artifactLocation,
    );
    expect(places).toEqual([{ uri: 'test/fixtures/har/sample.har' }, { uri: 'stdin.har' }]);
  });

  it('names standard input as --stdin-filename says, in every report and message', async () => {
    const r = await cli(['lint', '-f', 'json', '-', '--stdin-filename', 'recordings/a.har'], { stdin: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('recordings/a.har:1:1: error: not valid JSON: the input is empty');
    expect(r.stderr).not.toContain('<stdin>');
    expect(JSON.parse(r.stdout).problems[0].file).toBe('recordings/a.har');
  });

  it.each([
    [
      ['lint', 'x.har', '--stdin-filename', 'a.har'],
      '--stdin-filename names standard input, and no input is -',
    ],
    [['lint', '-', '--stdin-filename', ' '], '--stdin-filename needs a file name'],
  ])('refuses %j', async (args, message) => {
    const r = await cli(args, { stdin: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('reports empty standard input', async () => {
    const r = await cli(['lint', '-'], { stdin: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('<stdin>');
    expect(r.stderr).toContain('the input is empty');
  });
});
