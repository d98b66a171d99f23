import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES as RULES } from '../../../src/core/profiles/registry';
import { cli } from './cli-harness';

describe('status-lens global options', () => {
  it('explains --body-size-cap without ambiguity in lint --help, naming its former name', async () => {
    const r = await cli(['lint', '--help']);
    expect(r.stdout).toContain(
      '--body-size-cap N     the body size limit: response bodies up to N bytes are\n',
    );
    expect(r.stdout).toContain('bigger ones are checked by status and headers only');
    expect(r.stdout).toContain(
      'Its former name,\n                            --include-bodies-over, is still read',
    );
  });

  it('prints the version', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('prints global help listing the commands and exit codes', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const word of ['lint', 'explain', 'rules', 'Exit codes']) expect(r.stdout).toContain(word);
  });

  it.each([['lint'], ['explain'], ['rules']])('prints help for %s', async (cmd) => {
    const a = await cli([cmd, '--help']);
    const b = await cli(['help', cmd]);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain(`status-lens ${cmd}`);
    expect(b.stdout).toBe(a.stdout);
  });

  it('documents the exit code for bad entries in lint --help', async () => {
    const r = await cli(['lint', '-h']);
    expect(r.stdout).toMatch(/2 {2}usage error/);
    expect(r.stdout).toContain('--body-size-cap');
  });

  it('shows usage on stderr and exits 2 without a command', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage:');
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate" \(expected lint, diff, explain, rules, version or help\)/],
    [
      ['lnt', 'x.har'],
      /unknown command "lnt" \(expected lint, diff, explain, rules, version or help\): did you mean lint\?$/m,
    ],
    [['--frobnicate'], /unknown option --frobnicate/],
    [['lint', '--formt', 'json', 'x.har'], /unknown option --formt \(did you mean --format\?\)/],
    [['lint', 'x.har', '--format'], /--format needs a value/],
    [
      ['lint', 'x.har', '--format', 'yaml'],
      /--format must be one of text, json, sarif, junit or markdown \(got "yaml"\)/,
    ],
    [['lint', 'x.har', '--fail-on', 'critical'], /--fail-on must be one of error, warning, info or none/],
    [['lint'], /no HAR file given/],
    [['lint', '-', '-'], /standard input \(-\) can be read only once/],
    [
      ['lint', 'x.har', '--profile', 'soap'],
      /--profile must be one of problem, hal, envelope, graphql or jsonapi \(got "soap"\)/,
    ],
    [['lint', 'x.har', '--rule', 'http/created-location'], /--rule expects ID=off\|info\|warning\|error/],
    [
      ['lint', 'x.har', '--rule', 'created-location=error'],
      /unknown rule "created-location" \(did you mean http\/created-location\?\)/,
    ],
    // Several close rules read as alternatives: "a, b or c", not "a, b, c".
    [
      ['lint', 'x.har', '--rule', 'media-type=off'],
      /unknown rule "media-type" \(did you mean [^,)]+, [^,)]+ or [^,)]+\?\)/,
    ],
    [['lint', 'x.har', '--rule', 'http/created-location=loud'], /expected off, info, warning or error/],
    [['lint', 'x.har', '--body-size-cap', 'lots'], /--body-size-cap must be a non-negative size/],
    [['lint', 'x.har', '--include-bodies-over', 'lots'], /--include-bodies-over must be a non-negative size/],
    [['lint', 'x.har', '--include-bodies-over'], /--include-bodies-over needs a value/],
    [
      ['lint', 'x.har', '--body-size-cp', '1M'],
      /unknown option --body-size-cp \(did you mean --body-size-cap\?\)/,
    ],
    [['lint', 'x.har', '--include-bodies-over', '-1'], /--include-bodies-over must be a non-negative size/],
    [['lint', 'x.har', '--include-bodies-over=-1'], /--include-bodies-over must be a non-negative size/],
    [
      ['lint', 'x.har', '-p', ''],
      /--profile needs a profile name: problem, hal, envelope, graphql or jsonapi$/m,
    ],
    [['lint', 'x.har', '-p', ','], /--profile needs a profile name/],
    [['lint', 'x.har', '--format', 'XML'], /--format must be one of/],
    [['lint', 'x.har', '--rule', 'http/created-location=error,nope=off'], /unknown rule "nope"/],
    [['--version', 'extra'], /--version takes no arguments \(got "extra"\)/],
    [['-V', 'extra'], /-V takes no arguments/],
    [['rules', 'extra'], /unexpected argument/],
    [['explain'], /give a status code/],
    [['help', 'nope'], /no help for unknown command/],
  ])('rejects %j with a usage error', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});

describe('status-lens rules', () => {
  it('lists every rule as JSON with id, severity, group, description and source', async () => {
    const r = await cli(['rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(list.map((x) => x.id)).toEqual(RULES.map((x) => x.id));
    for (const rule of list) {
      expect(rule).toMatchObject({
        id: expect.any(String),
        severity: expect.stringMatching(/^(error|warning|info)$/),
        group: expect.any(String),
        description: expect.any(String),
        source: { label: expect.any(String), url: expect.stringMatching(/^https:\/\//) },
      });
    }
  });

  it('says which rules judge the sequence of exchanges (session rules), whatever their id', async () => {
    const list = JSON.parse((await cli(['rules', '--format', 'json'])).stdout) as {
      id: string;
      session: boolean;
    }[];
    const session = list.filter((x) => x.session).map((x) => x.id);
    expect(session).toContain('session/retry-too-soon');
    // Reported once per origin and value in a session, under its security/ id.
    expect(session).toContain('security/server-version-disclosure');
    expect(list.find((x) => x.id === 'http/redirect-location')?.session).toBe(false);
  });

  it('names profiles in its JSON and groups the text listing', async () => {
    const json = JSON.parse((await cli(['rules', '-f', 'json'])).stdout) as {
      id: string;
      group: string;
      profile?: { id: string };
    }[];
    for (const r of json.filter((x) => ['problem', 'hal', 'envelope'].includes(x.group)))
      expect(r.profile?.id).toBe(r.group);
    const text = (await cli(['rules'])).stdout;
    expect(text).toContain('Core rules (always on)');
    expect(text).toContain('http/created-location');
    expect(text).toContain('RFC 9110 §9.3.3');
    // Rules a built-in's data generates are listed with their profile's.
    expect(json.find((r) => r.id === 'jsonapi/media-type')?.profile?.id).toBe('jsonapi');
    expect(text).toMatch(/Profile "graphql"[^]*graphql\/media-type/);
  });

  it('gives the levels a rule reports some cases at beside its default, in JSON and in the listing', async () => {
    const json = JSON.parse((await cli(['rules', '-f', 'json'])).stdout) as {
      id: string;
      severity: string;
      otherSeverities?: { severity: string; when: string }[];
    }[];
    const range = json.find((r) => r.id === 'http/range-content-range');
    expect(range?.severity).toBe('error');
    expect(range?.otherSeverities).toEqual([{ severity: 'warning', when: 'for 416' }]);
    expect(
      json.find((r) => r.id === 'http/status-unregistered')?.otherSeverities?.map((o) => o.severity),
    ).toEqual(['info', 'error']);
    // A rule with one level carries no such field.
    expect(json.find((r) => r.id === 'http/redirect-location')).not.toHaveProperty('otherSeverities');
    const text = (await cli(['rules'])).stdout;
    expect(text).toMatch(/http\/range-content-range\s+error\s[^\n]*\n[^\n]*\n\s+also warning for 416\n/);
    expect(text).toContain('also info for known vendor codes, error outside 100–599');
  });

  it('lists the options a rule declares, with default and bounds, as the config file takes them (#18)', async () => {
    const json = JSON.parse((await cli(['rules', '-f', 'json'])).stdout) as {
      id: string;
      options?: { name: string; default: number; min: number; max: number; description: string }[];
    }[];
    expect(json.find((r) => r.id === 'session/n-plus-one')?.options).toEqual([
      expect.objectContaining({ name: 'minCalls', default: 5, min: 2, max: 1000 }),
      expect.objectContaining({ name: 'windowMs', default: 2000, min: 0, max: 600_000 }),
    ]);
    expect(json.find((r) => r.id === 'http/created-location')).not.toHaveProperty('options');
    const text = (await cli(['rules'])).stdout;
    expect(text).toMatch(/session\/n-plus-one[^]*option minCalls = 5 \(2–1000\): How many item calls/);
    // Polling's boundary is duplicate-request's windowMs, which a config may set only there.
    expect(text).toMatch(
      /\n {2}session\/polling-without-validators .*\n.*\n.*option minPolls .*\n.*also reads session\/duplicate-request's windowMs \(set it there, in its ruleOptions\)\n/,
    );
  });
});

describe('status-lens explain', () => {
  const FIELDS = [
    'code',
    'reason',
    'formerNames',
    'family',
    'registry',
    'origin',
    'summary',
    'meaning',
    'causes',
    'action',
    'retry',
    'headers',
    'specUrl',
    'profiles',
  ];

  it('prints one JSON object with the documented fields for a status code', async () => {
    const r = await cli(['explain', '404', '--format', 'json']);
    expect(r.code).toBe(0);
    const entry = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(entry)).toEqual(FIELDS);
    expect(entry).toMatchObject({ code: 404, reason: 'Not Found', family: '4xx' });
  });

  it('explains a Chrome network error', async () => {
    const r = await cli(['explain', 'net::ERR_CONNECTION_REFUSED', '--format=json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ code: 'net::ERR_CONNECTION_REFUSED' });
  });

  it('prints readable text by default', async () => {
    const r = await cli(['explain', '429']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^429 Too Many Requests/);
    expect(r.stdout).toContain('Retry:');
  });

  it('words the retry advice as the panel does (one label per advice, #13 item 10)', async () => {
    // 400 is 'after-fixing-request', which the CLI once worded differently from the panel.
    const r = await cli(['explain', '400']);
    expect(r.stdout).toContain('Retry: Retry only after fixing the request');
  });

  it('lists every entry as a JSON array', async () => {
    const r = await cli(['explain', '--list', '--format', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(list.length).toBeGreaterThan(60);
    for (const e of list) expect(Object.keys(e)).toEqual(FIELDS);
    expect(list.some((e) => e.code === 200)).toBe(true);
    expect(list.some((e) => typeof e.code === 'string' && e.code.startsWith('net::ERR_'))).toBe(true);
  });

  it.each([
    ['0', 0, 'failed', 'No Response'],
    ['299', 299, '2xx', 'Unassigned'],
    ['999', 999, 'unknown', 'Invalid Status'],
    ['600', 600, 'unknown', 'Invalid Status'],
  ])('explains %s, which has no entry of its own, and exits 0', async (arg, code, family, reason) => {
    const r = await cli(['explain', arg, '-f', 'JSON']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ code, family, reason });
  });

  it.each(['0', '-1'])('heads the text for %s with the code it explains, as for other codes', async (arg) => {
    const r = await cli(['explain', arg]);
    expect(r.code).toBe(0);
    const [heading] = r.stdout.split('\n');
    expect(heading).toBe('Status 0: No Response  failed · Browser network error (no HTTP response)');
  });

  it("explains Playwright's -1 (a failed request, as lint reads it) like 0", async () => {
    const r = await cli(['explain', '-1', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ code: 0, family: 'failed', reason: 'No Response' });
  });

  it.each([['1000'], ['99'], ['-2'], ['99999999999999999999'], ['1']])(
    'says %s is not a status code, exit 2',
    async (arg) => {
      const r = await cli(['explain', arg]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`"${arg}" is not an HTTP status code: status codes have three digits`);
      expect(r.stderr).not.toContain('unknown option');
      expect(r.stdout).toBe('');
    },
  );

  it.each([['frobnicate'], ['net::ERR_NOT_A_THING'], ['4O4']])(
    'says clearly that %s is unknown, exit 2',
    async (arg) => {
      const r = await cli(['explain', arg]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`no catalogue entry for "${arg}"`);
      expect(r.stdout).toBe('');
    },
  );
});
