import { describe, expect, it } from 'vitest';
import { cli, harEntry, harText, writeScratch } from './cli-harness';

/**
 * What a new user ran into on a first pass through the README, the help and the real-world
 * captures (review branch): each case failed before its fix.
 */
describe('status-lens help reads cleanly', () => {
  it('lines up every command description in the global help, and lists explain --list', async () => {
    const r = await cli(['--help']);
    const usage = r.stdout.split('\n').filter((l) => l.startsWith('  status-lens '));
    expect(usage.length).toBeGreaterThanOrEqual(6);
    // The description starts after a run of at least two spaces, at the same column on every line.
    const columns = usage.map((l) => [...l].length - [...l.replace(/^.*? {2,}(?=\S)/u, '')].length);
    expect(new Set(columns).size).toBe(1);
    expect(r.stdout).toContain('status-lens explain --list');
  });
});

describe('status-lens diff summary', () => {
  it('counts info findings as "info", as lint does, not "infos"', async () => {
    const entry = (path: string, text: string) =>
      harEntry({
        method: 'GET',
        url: `https://api.example.com${path}`,
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        mimeType: 'application/json',
        text,
      });
    const before = writeScratch('before.har', harText([entry('/things', '{}'), entry('/users', '{}')]));
    // Two endpoints whose JSON is now cut short: two new findings, rated info here.
    const after = writeScratch('after.har', harText([entry('/things', '{'), entry('/users', '{')]));
    const config = writeScratch('info.json', JSON.stringify({ rules: { 'body/invalid-json': 'info' } }));
    const r = await cli(['diff', before, after, '--config', config]);
    expect(r.stdout).toMatch(/new findings: 2 info;/);
    expect(r.stdout).not.toContain('infos');
  });
});

describe('status-lens rules', () => {
  it('does not list the contract rules as "always on": they run only with an OpenAPI description', async () => {
    const text = (await cli(['rules'])).stdout;
    const always = text.slice(text.indexOf('Core rules (always on)'), text.indexOf('\n\n'));
    expect(always).toContain('http/created-location');
    expect(always).toContain('session/n-plus-one');
    expect(always).not.toContain('contract/');
    expect(text).toMatch(
      /OpenAPI contract rules \(core, when a description is loaded: --openapi FILE\)\n {2}contract\//,
    );
    // The JSON keeps their group: they are core rules, on whenever a description is loaded.
    const json = JSON.parse((await cli(['rules', '--format', 'json'])).stdout) as {
      id: string;
      group: string;
    }[];
    expect(json.find((r) => r.id === 'contract/response-schema')?.group).toBe('core');
  });
});

describe('findings do not name their JSON Pointer twice', () => {
  it('a finding with a pointer leaves it out of its message (every format shows the pointer beside it)', async () => {
    const hal = (path: string, body: unknown, status = 200, type = 'application/hal+json') =>
      harEntry({
        method: 'GET',
        url: `https://api.example.net${path}`,
        status,
        headers: { 'Content-Type': type },
        mimeType: type,
        text: JSON.stringify(body),
      });
    const har = writeScratch(
      'hal.har',
      harText([
        hal('/orders', {
          _links: { self: { href: '/orders' }, next: { title: 'no href' }, prev: 'nope' },
          _embedded: { items: [{ id: 1 }] },
        }),
        hal('/orders/9', { title: 'Bad', errors: [{ title: 'x' }] }, 422, 'application/problem+json'),
      ]),
    );
    const r = await cli([
      'lint',
      har,
      '--profile',
      'hal',
      '--profile-file',
      'examples/profiles/hal-problem.json',
      '--format',
      'json',
    ]);
    const report = JSON.parse(r.stdout) as {
      exchanges: { findings: { rule: string; message: string; pointer?: string }[] }[];
    };
    const withPointer = report.exchanges.flatMap((e) => e.findings).filter((f) => f.pointer);
    expect(withPointer.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['hal/link-shape', 'hal/self-link', 'hal-problem/body-shape']),
    );
    for (const f of withPointer) expect(f.message, f.rule).not.toContain(f.pointer);
  });
});

describe('a profile of your own that requires error members', () => {
  it('reports an error with no content once, as its body-shape, not also as body/empty-error', async () => {
    const empty = (type: string) =>
      harEntry({
        method: 'GET',
        url: 'https://api.example.net/things/3',
        status: 500,
        headers: { 'Content-Type': type },
        mimeType: type,
        text: '',
      });
    const har = writeScratch('empty-500.har', harText([empty('application/problem+json')]));
    const json = async (...extra: string[]) =>
      (
        JSON.parse((await cli(['lint', har, '--format', 'json', ...extra])).stdout) as {
          exchanges: { findings: { rule: string }[] }[];
        }
      ).exchanges[0]!.findings.map((f) => f.rule);
    // Without the profile the core rule says it; with it, the profile's rule says it alone.
    expect(await json()).toContain('body/empty-error');
    expect(await json('--profile-file', 'examples/profiles/hal-problem.json')).toEqual([
      'hal-problem/body-shape',
    ]);
  });
});

describe('a settings file and a profile swapped on the command line', () => {
  const profile = {
    id: 'acme',
    name: 'Acme API',
    summary: 'Errors are problem+json.',
    source: 'https://acme.example/api-guide',
    scope: { urls: ['https://api.acme.example/*'] },
  };
  const settings = { version: 1, profiles: ['problem'], rules: { 'http/date': 'warning' } };
  const har = () => writeScratch('t.har', harText([harEntry()]));

  it('--config with a profile says to use --profile-file, instead of "unknown setting" per member', async () => {
    const file = writeScratch('acme.json', profile);
    const r = await cli(['lint', har(), '--config', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `this is a convention profile ("id": "acme"), not a settings file: pass it with --profile-file ${file}`,
    );
    expect(r.stderr).not.toContain('unknown setting');
  });

  it('--profile-file with a settings file says to use --config', async () => {
    const file = writeScratch('settings.json', settings);
    const r = await cli(['lint', har(), '--profile-file', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `${file}: error: $: this is a settings file, not a convention profile: pass it with --config ${file}`,
    );
  });
});

describe('a recording or an OpenAPI description given to --config or --profile-file', () => {
  const har = () => writeScratch('t.har', harText([harEntry()]));
  const openapi = { openapi: '3.1.0', info: { title: 'Acme', version: '1' }, paths: {} };

  it.each([
    ['--config', 'a settings file'],
    ['--profile-file', 'a convention profile'],
  ])('%s with a HAR says to lint it as an input, in one line', async (flag, expected) => {
    const file = writeScratch('capture.har', harText([harEntry()]));
    const r = await cli(['lint', har(), flag, file]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      `this is a HAR file (it has log.entries), a recording of traffic, not ${expected}: give it to lint as an input (status-lens lint ${file})`,
    );
  });

  it.each([
    ['--config', 'a settings file'],
    ['--profile-file', 'a convention profile'],
  ])('%s with an OpenAPI description (JSON) says to pass it with --openapi', async (flag, expected) => {
    const file = writeScratch('openapi.json', openapi);
    const r = await cli(['lint', har(), flag, file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(
      `this is an OpenAPI description, not ${expected}: pass it with --openapi ${file}`,
    );
  });

  it.each([
    ['--config', 'settings'],
    ['--profile-file', 'profile'],
  ])(`%s with an OpenAPI description in YAML says so, not 'found "o"'`, async (flag, kind) => {
    const file = writeScratch(
      'openapi.yaml',
      'openapi: 3.0.3\ninfo:\n  title: Acme\n  version: "1"\npaths: {}\n',
    );
    const r = await cli(['lint', har(), flag, file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `${file}: error: this is an OpenAPI description (YAML), not a ${kind} file: pass it with --openapi ${file}`,
    );
  });

  it('still reads a settings file whose openapi list is wrong as settings', async () => {
    const file = writeScratch('settings.json', { version: 1, openapi: 'a.yaml' });
    const r = await cli(['lint', har(), '--config', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('openapi: expected an array of files');
  });
});

describe('a second profile or rule setting after a space', () => {
  const har = () => writeScratch('t.har', harText([harEntry()]));

  it('lint: a profile name left as an input is named as one, with the comma form', async () => {
    const r = await cli(['lint', har(), '--profile', 'problem', 'hal']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'hal: error: cannot read: no such file ("hal" looks like a profile: an option takes one value, so list profiles after one --profile with commas (--profile problem,hal) or repeat --profile)',
    );
  });

  it('lint: the comma form keeps the profile the user gave, whichever it is', async () => {
    const r = await cli(['lint', har(), '--profile', 'hal', 'jsonapi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(--profile hal,jsonapi) or repeat --profile)');
    expect(r.stderr).not.toContain('--profile problem');
  });

  it('lint: a profile name given with no --profile at all is named as one, alone', async () => {
    const r = await cli(['lint', har(), 'hal']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'hal: error: cannot read: no such file ("hal" looks like a profile: --profile turns it on (--profile hal))',
    );
  });

  it('lint: a rule setting left as an input is named as one', async () => {
    const r = await cli(['lint', har(), '--rule', 'http/date=warning', 'http/created-location=error']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '"http/created-location=error" looks like a rule setting: an option takes one value, so repeat --rule for each or separate them with commas',
    );
  });

  it('lint: a missing file that looks like neither gets no guess', async () => {
    const r = await cli(['lint', har(), 'missing.har']);
    expect(r.stderr).toContain('missing.har: error: cannot read: no such file\n');
  });

  it('diff: the third argument is named when it looks like a profile', async () => {
    const r = await cli(['diff', har(), har(), '--profile', 'problem', 'hal']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(got 3); use - for standard input; "hal" looks like a profile');
  });

  it('diff: the comma form keeps the profiles the user gave', async () => {
    const r = await cli(['diff', har(), har(), '--profile', 'envelope', '--profile', 'hal', 'jsonapi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(--profile envelope,hal,jsonapi)');
  });
});

describe('a profile of your own left as an input after a space', () => {
  const har = () => writeScratch('t.har', harText([harEntry()]));
  const myApi = {
    id: 'my-api',
    name: 'My API',
    summary: 'Errors are problem+json.',
    source: 'https://my-api.example/guide',
  };
  const hint =
    'my-api: error: cannot read: no such file ("my-api" looks like a profile: an option takes one value, so list profiles after one --profile with commas (--profile problem,my-api) or repeat --profile)';

  it.each([
    [
      '--config file defines in userProfiles',
      () => ['--config', writeScratch('s.json', { userProfiles: [myApi] })],
    ],
    [
      '--config file defines inline in profiles',
      () => ['--config', writeScratch('s.json', { profiles: [myApi] })],
    ],
    ['--profile-file defines', () => ['--profile-file', writeScratch('my-api.json', myApi)]],
  ])('lint: one the %s is named as a profile', async (_where, files) => {
    const r = await cli(['lint', har(), ...files(), '--profile', 'problem', 'my-api']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(hint);
  });

  it('lint: an id no file defines gets no guess', async () => {
    const config = writeScratch('settings.json', { version: 1, userProfiles: [myApi] });
    const r = await cli(['lint', har(), '--config', config, '--profile', 'problem', 'other-api']);
    expect(r.stderr).toContain('other-api: error: cannot read: no such file\n');
  });

  it('lint: a built-in in capitals, as --profile reads it, is named as a profile', async () => {
    const r = await cli(['lint', har(), '--profile', 'problem', 'HAL']);
    expect(r.stderr).toContain('"HAL" looks like a profile');
  });

  it('diff: the third argument is named when the --config file defines it', async () => {
    const config = writeScratch('settings.json', { version: 1, userProfiles: [myApi] });
    const r = await cli(['diff', har(), har(), '--config', config, '--profile', 'problem', 'my-api']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(got 3); use - for standard input; "my-api" looks like a profile');
  });

  it('diff: a --config file that cannot be read leaves the built-ins, and the argument count is the error', async () => {
    const r = await cli(['diff', har(), har(), '--config', 'no/such.json', '--profile', 'problem', 'hal']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(got 3); use - for standard input; "hal" looks like a profile');
    expect(r.stderr).not.toContain('no/such.json');
  });
});

describe('lint --help on --profile', () => {
  it('says which profiles of your own --profile turns on: those of --config (a --profile-file is on already)', async () => {
    const help = (await cli(['lint', '--help'])).stdout;
    expect(help).toMatch(
      /-p, --profile NAME[^]*id of one in\s+--config's userProfiles[^]*a --profile-file is on already/,
    );
  });
});

describe('lint when nothing could be read', () => {
  it('says nothing was linted, not that "the report covers what could be read"', async () => {
    const r = await cli(['lint', 'no-such-file.har']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '1 input problem: no entry could be read, so nothing was linted (exit code 2)',
    );
    const some = await cli(['lint', 'no-such-file.har', writeScratch('ok.har', harText([harEntry()]))]);
    expect(some.stderr).toContain('1 input problem: the report covers what could be read (exit code 2)');
  });

  it('counts input problems in the plural from two on', async () => {
    const r = await cli(['lint', 'no-such-file.har', 'nor-this.har']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '2 input problems: no entry could be read, so nothing was linted (exit code 2)',
    );
  });
});

describe('SARIF with a profile of your own', () => {
  it('describes the rules the profile generates, and every result points at its own rule', async () => {
    const har = writeScratch(
      'acme.har',
      harText([
        harEntry({
          method: 'GET',
          url: 'https://api.acme.example/things/1',
          status: 404,
          headers: { 'Content-Type': 'application/json' },
          mimeType: 'application/json',
          text: '{"message":"not found"}',
        }),
      ]),
    );
    const profile = writeScratch('acme.json', {
      id: 'acme',
      name: 'Acme API',
      summary: 'Errors are problem+json with title and detail.',
      source: 'https://acme.example/api-guide',
      scope: { urls: ['https://api.acme.example/*'] },
      mediaTypes: { error: ['application/problem+json'] },
      body: { error: { required: ['title', 'detail'] } },
    });
    const r = await cli(['lint', har, '--profile-file', profile, '--format', 'sarif']);
    const run = (
      JSON.parse(r.stdout) as {
        runs: {
          tool: { driver: { rules: { id: string; helpUri: string; help: { text: string } }[] } };
          results: { ruleId: string; ruleIndex?: number }[];
        }[];
      }
    ).runs[0]!;
    const rules = run.tool.driver.rules;
    const acme = run.results.filter((x) => x.ruleId.startsWith('acme/'));
    expect(acme.map((x) => x.ruleId).sort()).toEqual([
      'acme/body-shape',
      'acme/body-shape',
      'acme/media-type',
    ]);
    // Before: acme/* had no descriptor, so no ruleIndex, no description and no help in the viewer.
    for (const x of run.results) expect(rules[x.ruleIndex!]?.id).toBe(x.ruleId);
    const shape = rules.find((x) => x.id === 'acme/body-shape')!;
    expect(shape.helpUri).toBe('https://acme.example/api-guide');
    expect(shape.help.text).not.toContain('docs/rules/acme');
  });
});

describe('--rule in any case', () => {
  it('takes a rule id in any case, as profile names, levels and formats are', async () => {
    const har = writeScratch('x.har', harText([harEntry({ status: 201, method: 'POST' })]));
    const on = await cli(['lint', har, '--format', 'json']);
    expect(on.stdout).toContain('http/created-location');
    const off = await cli(['lint', har, '--format', 'json', '--rule', 'HTTP/Created-Location=OFF']);
    expect(off.stderr).toBe('');
    expect(off.stdout).not.toContain('http/created-location');
  });
});

describe('diff --help on --output', () => {
  it('says - is standard output, as lint --help does (diff takes it)', async () => {
    expect((await cli(['diff', '--help'])).stdout).toContain(
      'write the comparison to FILE instead of standard output (- for stdout)',
    );
  });
});

describe('diff text with nothing changed', () => {
  it('leaves one blank line before the summary, not two', async () => {
    const har = writeScratch('same.har', harText([harEntry()]));
    const r = await cli(['diff', har, har]);
    expect(r.stdout).toMatch(/profiles: none\n\n✔ 0 changed/);
  });
});

describe('status-lens rules with a profile of your own', () => {
  it('lists the rules it generates, text and JSON, so its author knows which ids to rate', async () => {
    const profile = writeScratch('acme.json', {
      id: 'acme',
      name: 'Acme API',
      summary: 'Errors are problem+json.',
      source: 'https://acme.example/api-guide',
      mediaTypes: { error: ['application/problem+json'] },
      headers: { '429': ['Retry-After'] },
    });
    const text = (await cli(['rules', '--profile-file', profile])).stdout;
    expect(text).toMatch(
      /Your profile "acme": Acme API\n {2}Errors are problem\+json\.\n {2}acme\/media-type /,
    );
    expect(text).toContain('acme/required-headers');
    const json = JSON.parse((await cli(['rules', '--profile-file', profile, '--format', 'json'])).stdout) as {
      id: string;
      group: string;
      docs: string;
      profile?: { id: string };
    }[];
    expect(json.find((r) => r.id === 'acme/media-type')).toMatchObject({
      group: 'acme',
      profile: { id: 'acme' },
      docs: 'https://acme.example/api-guide',
    });
    // A bad profile is refused as lint refuses it.
    const bad = await cli(['rules', '--profile-file', writeScratch('bad.json', { id: 'Acme' })]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('$.id: expected lower-case letters');
  });
  it('lists the checks a profile of yours runs, also when they are all it has', async () => {
    // Only checks: before, `rules --profile-file` printed nothing about it.
    const profile = writeScratch('problems-only.json', {
      id: 'shelf',
      name: 'Shelf API',
      summary: 'Errors are Problem Details.',
      source: 'https://shelf.example/guide',
      scope: { urls: ['https://api.shelf.example/*'] },
      checks: ['problem/shape', 'problem/status-match'],
    });
    const text = (await cli(['rules', '--profile-file', profile])).stdout;
    expect(text).toContain(
      'Your profile "shelf": Shelf API\n  Errors are Problem Details.\n' +
        '  Runs inside its scope (API calls to https://api.shelf.example/*): problem/shape and problem/status-match (each listed, and rated, under its own profile above)\n',
    );
  });

  it('says what a profile that only adjusts rules does inside its scope, and when your setting wins', async () => {
    // It generates no rule of its own: before, `rules --profile-file` printed nothing about it.
    const profile = writeScratch('me.json', {
      id: 'me-endpoint',
      name: 'Me endpoint',
      summary: 'Two components read /me together on purpose.',
      source: 'https://acme.example/guide',
      scope: { urls: ['https://api.example.com/v1/me'] },
      rules: { 'session/duplicate-request': 'off', 'http/retry-after': 'warning' },
    });
    const text = (await cli(['rules', '--profile-file', profile])).stdout;
    expect(text).toContain(
      'Your profile "me-endpoint": Me endpoint\n  Two components read /me together on purpose.\n' +
        '  Inside its scope (API calls to https://api.example.com/v1/me): session/duplicate-request off, http/retry-after warning\n',
    );
    const config = writeScratch('config.json', { rules: { 'http/retry-after': 'error' } });
    expect((await cli(['rules', '--profile-file', profile, '--config', config])).stdout).toContain(
      'http/retry-after warning (your own setting for http/retry-after wins)\n',
    );
    const json = JSON.parse((await cli(['rules', '--profile-file', profile, '--format', 'json'])).stdout) as {
      id: string;
      adjustedBy?: unknown;
    }[];
    expect(json.find((r) => r.id === 'session/duplicate-request')?.adjustedBy).toEqual([
      {
        profile: 'me-endpoint',
        setting: 'off',
        scope: 'API calls to https://api.example.com/v1/me',
        overridden: false,
      },
    ]);
    expect(json.find((r) => r.id === 'session/retry-too-soon')).not.toHaveProperty('adjustedBy');
  });
});
