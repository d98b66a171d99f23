import { describe, expect, it } from 'vitest';
import { cli, harEntry, harText, writeScratch } from './cli-harness';

const acme = {
  id: 'acme',
  name: 'Acme API',
  summary: 'Acme errors are JSON objects with a code.',
  source: 'https://acme.example/guide',
  scope: { urls: ['https://api.acme.example/*'] },
  body: { error: { required: ['code'] } },
};

const JSON_CT = { 'Content-Type': 'application/json' };
const traffic = writeScratch(
  'traffic.har',
  harText([
    harEntry({
      url: 'https://api.acme.example/orders',
      status: 400,
      headers: JSON_CT,
      text: '{"message":"bad"}',
      mimeType: 'application/json',
    }),
    harEntry({
      url: 'https://api.other.example/orders',
      status: 400,
      headers: JSON_CT,
      text: '{"message":"bad"}',
      mimeType: 'application/json',
    }),
  ]),
);

interface JsonReport {
  profiles: string[];
  exchanges: { index: number; findings: { rule: string; profile?: string }[] }[];
}
const profileFindings = (stdout: string) =>
  (JSON.parse(stdout) as JsonReport).exchanges.flatMap((ex) =>
    ex.findings.filter((f) => f.profile).map((f) => `#${ex.index} ${f.rule} ${f.profile}`),
  );

describe('lint --profile-file', () => {
  it('judges the profile’s scope only, and says which profile raised each finding', async () => {
    const r = await cli([
      'lint',
      '--profile-file',
      writeScratch('acme.json', acme),
      '--format',
      'json',
      traffic,
    ]);
    expect(r.stderr).toBe('');
    expect(profileFindings(r.stdout)).toEqual(['#0 acme/body-shape acme']);
    expect((JSON.parse(r.stdout) as JsonReport).profiles).toEqual(['acme']);
  });

  it('gives the same findings as the profile inline in a settings file', async () => {
    const viaFile = await cli([
      'lint',
      '--profile-file',
      writeScratch('acme.json', acme),
      '--format',
      'json',
      traffic,
    ]);
    const config = writeScratch('settings.json', { version: 1, profiles: [acme] });
    const viaConfig = await cli(['lint', '-c', config, '--format', 'json', traffic]);
    expect(viaConfig.stderr).toBe('');
    expect(profileFindings(viaConfig.stdout)).toEqual(profileFindings(viaFile.stdout));
  });

  it('is repeatable and combines with built-ins', async () => {
    const beta = { ...acme, id: 'beta', scope: { urls: ['https://api.other.example/*'] } };
    const r = await cli([
      'lint',
      '--profile-file',
      writeScratch('acme.json', acme),
      '--profile-file',
      writeScratch('beta.json', beta),
      '--profile',
      'problem',
      '--format',
      'json',
      traffic,
    ]);
    const found = profileFindings(r.stdout);
    expect(found).toContain('#0 acme/body-shape acme');
    expect(found).toContain('#1 beta/body-shape beta');
    expect(found).toContain('#0 problem/content-type problem');
  });

  it.each([
    // Where it stops being JSON is the place, as for a config file: FILE:LINE:COLUMN.
    ['not JSON', '{ "id": "acme", ', [':1:17: error: the profile file is not valid JSON: ']],
    [
      'a status outside 100–599',
      { ...acme, statuses: { all: [200, 999] } },
      ['$.statuses.all[1]: expected a status code from 100 to 599'],
    ],
    [
      'an unknown check',
      { ...acme, checks: ['problem/shapes'] },
      ['$.checks[0]: unknown check "problem/shapes"'],
    ],
    [
      'an invalid URL pattern',
      { ...acme, scope: { urls: ['api.acme.example'] } },
      ['$.scope.urls[0]:', 'is not a URL pattern'],
    ],
    [
      'a kind of request the scope cannot be limited to',
      { ...acme, scope: { requests: 'rest' } },
      ['$.scope.requests: expected "graphql"', 'got "rest"'],
    ],
    ['a built-in id', { ...acme, id: 'problem' }, ['$.id:', "built-in profile's id"]],
    [
      'what the schema refuses (a wrong type, an unknown member)',
      { ...acme, name: 7, mediaType: {} },
      [
        '$.name: expected a non-empty string, got 7',
        '$.mediaType: unknown member (did you mean "mediaTypes"?)',
      ],
    ],
  ])('rejects a file with %s: names the file and the JSON path, exit 2', async (name, content, parts) => {
    const file = writeScratch('bad-profile.json', content);
    const r = await cli(['lint', '--profile-file', file, traffic]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}${name === 'not JSON' ? ':1:17' : ''}: error: `);
    for (const p of parts) expect(r.stderr).toContain(p);
  });

  it('rejects a missing file and a profile two files define', async () => {
    const missing = await cli(['lint', '--profile-file', 'no/such/profile.json', traffic]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no/such/profile.json: error: cannot read the profile file');
    const first = writeScratch('acme.json', acme);
    const second = writeScratch('acme-again.json', acme);
    const twice = await cli(['lint', '--profile-file', first, '--profile-file', second, traffic]);
    expect(twice.code).toBe(2);
    // Which one would judge would depend on the order of the arguments.
    expect(twice.stderr).toBe(
      `${second}: error: $.id: a profile "acme" is already defined (by --profile-file ${first})\n`,
    );
  });

  it("a --profile-file replaces the settings file's profile of the same id, with a note", async () => {
    // Before: "acme.json: error: $.id: a profile "acme" is already defined", exit 2, though
    // --profile and --rule are applied on top of the settings file.
    const config = writeScratch('settings.json', { version: 1, userProfiles: [acme] });
    const edited = writeScratch('acme.json', { ...acme, scope: { urls: ['https://api.other.example/*'] } });
    const r = await cli(['lint', '-c', config, '--profile-file', edited, '--format', 'json', traffic]);
    expect(r.code).not.toBe(2);
    expect(profileFindings(r.stdout)).toEqual(['#1 acme/body-shape acme']);
    expect(r.stderr).toBe(
      `${config}: note: userProfiles: the profile "acme" is replaced by --profile-file ${edited} (the command line wins)\n`,
    );
    // `rules` reads them the same way.
    const rules = await cli(['rules', '-c', config, '--profile-file', edited]);
    expect(rules.code).toBe(0);
    expect(rules.stdout).toContain('acme/body-shape');
    expect(rules.stderr).toBe(r.stderr);
  });

  it('names user profiles in --profile errors, and accepts a user profile id after its file', async () => {
    const unknown = await cli(['lint', '--profile', 'acme', traffic]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      '--profile must be one of problem, hal, envelope, graphql or jsonapi (got "acme")',
    );
    // A typo gets the settings file's "did you mean", a user profile's id included.
    expect((await cli(['lint', '--profile', 'problm', traffic])).stderr).toContain(
      '(got "problm"; did you mean "problem"?); a profile of your own comes from --profile-file',
    );
    const file = writeScratch('acme-typo.json', acme);
    expect((await cli(['lint', '--profile-file', file, '--profile', 'acm', traffic])).stderr).toContain(
      '(got "acm"; did you mean "acme"?)',
    );
    const config = writeScratch('settings.json', { version: 1, userProfiles: [acme] });
    const on = await cli(['lint', '-c', config, '--profile', 'acme', '--format', 'json', traffic]);
    expect(profileFindings(on.stdout)).toEqual(['#0 acme/body-shape acme']);
  });

  it('prints a disagreeing problem status once (issue #13 item 7)', async () => {
    const har = writeScratch(
      'problem.har',
      harText([
        harEntry({
          status: 404,
          headers: { 'Content-Type': 'application/problem+json' },
          mimeType: 'application/problem+json',
          text: '{"title":"Not Found","detail":"x","status":500}',
        }),
      ]),
    );
    const r = await cli(['lint', '--profile', 'problem', har]);
    expect(r.stdout.match(/at \/status/g)).toHaveLength(1);
    expect(r.stdout).toContain('problem/status-match');
    expect(r.stdout).not.toContain('body/status-mismatch');
  });
});

describe('a --rule for a rule that does not run', () => {
  it("names the rule's profile and how to turn it on, when that profile is off", async () => {
    // Before: --rule problem/content-type=error without -p problem did nothing, silently.
    const off = await cli(['lint', '--rule', 'problem/content-type=error', traffic]);
    expect(off.stderr).toBe(
      'status-lens: warning: --rule problem/content-type=error: the rule belongs to the profile problem, which is not on, so it does not run: turn it on with -p problem\n',
    );
    const on = await cli(['lint', '-p', 'problem', '--rule', 'problem/content-type=error', traffic]);
    expect(on.stderr).toBe('');
    // Switching it off asks nothing of the profile.
    expect((await cli(['lint', '--rule', 'problem/content-type=off', traffic])).stderr).toBe('');
  });

  it("says the same of a settings file's rating, as a note", async () => {
    const config = writeScratch('settings.json', {
      version: 1,
      userProfiles: [acme],
      rules: { 'problem/content-type': 'warning', 'acme/body-shape': 'error' },
    });
    const r = await cli(['lint', '-c', config, traffic]);
    expect(r.stderr).toBe(
      `${config}: note: rules["problem/content-type"]: the rule belongs to the profile problem, which is not on, so it does not run: turn it on with -p problem or in "profiles"\n` +
        `${config}: note: rules["acme/body-shape"]: the rule belongs to the profile acme, which is not on, so it does not run: turn it on with -p acme or in "profiles"\n`,
    );
    // Rated on the command line too: said once, for the command line.
    const both = await cli([
      'lint',
      '-c',
      config,
      '-p',
      'acme',
      '--rule',
      'problem/content-type=info',
      traffic,
    ]);
    expect(both.stderr).toBe(
      'status-lens: warning: --rule problem/content-type=info: the rule belongs to the profile problem, which is not on, so it does not run: turn it on with -p problem\n',
    );
  });

  it('an id that is no rule gets the one it is close to', async () => {
    const typo = await cli(['lint', '--rule', 'problem/contnet-type=error', traffic]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain(
      '--rule: unknown rule "problem/contnet-type" (did you mean problem/content-type?)',
    );
  });
});
