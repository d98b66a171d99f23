import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../../src/core/profiles/registry';
import { readFileSync } from 'node:fs';
import { allRulesOffConfig, cli, fixture, harEntry, harText, scratch, writeScratch } from './cli-harness';
import { parseXml, type XmlElement } from './xml-check';

interface JsonReport {
  version: number;
  tool: { name: string; version: string };
  profiles: string[];
  exchanges: {
    file: string;
    index: number;
    method: string;
    url: string;
    status: number;
    family: string;
    reason: string;
    findings: {
      rule: string;
      severity: string;
      message: string;
      source: { label: string; url: string };
      pointer?: string;
    }[];
  }[];
  problems: { kind: string; file: string; index?: number; line?: number; path?: string; message: string }[];
  summary: {
    exchanges: number;
    families: Record<string, number>;
    findings: Record<string, number>;
    bodiesOverCap: { count: number; cap: number };
  };
}

/** The documented JSON report shape, checked key by key. */
function checkJsonShape(r: JsonReport): void {
  expect(Object.keys(r)).toEqual([
    'version',
    'tool',
    'profiles',
    'failOn',
    'exchanges',
    'problems',
    'summary',
  ]);
  expect(r.version).toBe(1);
  expect(r.tool).toEqual({ name: 'status-lens', version: expect.any(String) });
  expect(Array.isArray(r.profiles)).toBe(true);
  for (const ex of r.exchanges) {
    expect(Object.keys(ex)).toEqual([
      'file',
      'index',
      'method',
      'url',
      'status',
      'family',
      'reason',
      'findings',
    ]);
    expect(typeof ex.file).toBe('string');
    expect(Number.isInteger(ex.index)).toBe(true);
    expect(['1xx', '2xx', '3xx', '4xx', '5xx', 'failed', 'unknown']).toContain(ex.family);
    for (const f of ex.findings) {
      const keys = Object.keys(f);
      expect(keys.slice(0, 4)).toEqual(['rule', 'severity', 'message', 'source']);
      // Then pointer, profile and (session rules) related, each only when the finding has one.
      const rest = keys.slice(4);
      const order = ['pointer', 'profile', 'related'];
      expect(rest.filter((k) => !order.includes(k))).toEqual([]);
      expect(rest).toEqual([...rest].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
      for (const r of (f as { related?: unknown[] }).related ?? [])
        expect(r).toEqual({ index: expect.any(Number), note: expect.any(String) });
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(f.source).toEqual({ label: expect.any(String), url: expect.stringMatching(/^https?:\/\//) });
    }
  }
  expect(Object.keys(r.summary)).toEqual(['exchanges', 'families', 'findings', 'bodiesOverCap', 'failing']);
  expect(r.summary.bodiesOverCap).toEqual({ count: expect.any(Number), cap: expect.any(Number) });
  expect(Object.keys(r.summary.families)).toEqual(['1xx', '2xx', '3xx', '4xx', '5xx', 'failed', 'unknown']);
  expect(Object.keys(r.summary.findings)).toEqual(['error', 'warning', 'info']);
  expect(r.summary.exchanges).toBe(r.exchanges.length);
}

async function lintJson(args: string[]): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const r = await cli(['lint', '--format', 'json', ...args]);
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

describe('lint --format json', () => {
  it('lists every exchange in input order, with or without findings', async () => {
    const { code, report } = await lintJson([fixture('sample.har')]);
    expect(code).toBe(0);
    checkJsonShape(report);
    expect(report.exchanges.map((e) => [e.index, e.method, e.status, e.family])).toEqual([
      [0, 'GET', 200, '2xx'],
      [1, 'POST', 201, '2xx'],
      [2, 'GET', 404, '4xx'],
      [3, 'GET', 200, '2xx'],
      [4, 'GET', 200, '2xx'],
      [5, 'GET', 0, 'failed'],
      [6, 'DELETE', 204, '2xx'],
      [7, 'GET', 503, '5xx'],
    ]);
    expect(report.exchanges.every((e) => e.file === 'test/fixtures/har/sample.har')).toBe(true);
    expect(report.summary.families).toEqual({
      '1xx': 0,
      '2xx': 5,
      '3xx': 0,
      '4xx': 1,
      '5xx': 1,
      failed: 1,
      unknown: 0,
    });
    expect(report.problems).toEqual([]);
  });

  it('gives IANA reason phrases even when the recording has none, and the network error for failures', async () => {
    const { report } = await lintJson([fixture('sample.har')]);
    expect(report.exchanges[3]!.reason).toBe('OK');
    expect(report.exchanges[5]!.reason).toBe('net::ERR_CONNECTION_REFUSED');
    expect(report.exchanges[7]!.reason).toBe('Service Unavailable');
  });

  it('reports findings with rule, severity, message, source object and pointer', async () => {
    const config = allRulesOffConfig({ 'http/created-location': 'warning' });
    const har = writeScratch(
      'p.har',
      harText([
        harEntry({
          status: 404,
          mimeType: 'application/problem+json',
          headers: { 'Content-Type': 'application/problem+json' },
          text: JSON.stringify({ title: 'Gone', status: 500 }),
        }),
        harEntry({ method: 'POST', status: 201 }),
      ]),
    );
    const { report } = await lintJson([
      '--config',
      config,
      '--profile',
      'problem',
      '--rule',
      'problem/status-match=error',
      har,
    ]);
    checkJsonShape(report);
    expect(report.profiles).toEqual(['problem']);
    expect(report.exchanges[0]!.findings).toEqual([
      {
        rule: 'problem/status-match',
        severity: 'error',
        message: '"status" member says 500 but the response status is 404',
        source: { label: expect.stringContaining('RFC 9457'), url: expect.stringContaining('rfc9457') },
        pointer: '/status',
        profile: 'problem',
      },
    ]);
    expect(report.exchanges[1]!.findings).toEqual([
      {
        rule: 'http/created-location',
        severity: 'warning',
        message: expect.stringContaining('201 Created to POST'),
        source: { label: 'RFC 9110 §9.3.3', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-9.3.3' },
      },
    ]);
    expect(report.summary.findings).toEqual({ error: 1, warning: 1, info: 0 });
  });

  it('lints several files in one run, in order', async () => {
    const { report } = await lintJson([fixture('tricky.har'), fixture('sample.har')]);
    expect(report.exchanges.map((e) => e.file)).toEqual([
      ...Array(5).fill('test/fixtures/har/tricky.har'),
      ...Array(8).fill('test/fixtures/har/sample.har'),
    ]);
  });

  it('redacts credentials in query strings by default', async () => {
    const { report } = await lintJson([fixture('hostile.har')]);
    expect(report.exchanges[1]!.url).toContain('token=[REDACTED]&code=[REDACTED]&keep=1');
  });

  it('treats --output - as standard output', async () => {
    const r = await cli(['lint', fixture('sample.har'), '-f', 'json', '-o', '-']);
    checkJsonShape(JSON.parse(r.stdout) as JsonReport);
  });

  it('writes to --output instead of stdout', async () => {
    const out = writeScratch('report.json', '');
    const r = await cli(['lint', fixture('sample.har'), '-f', 'json', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const { readFileSync } = await import('node:fs');
    checkJsonShape(JSON.parse(readFileSync(out, 'utf8')) as JsonReport);
  });
});

describe('lint --format sarif', () => {
  it('produces the SARIF 2.1.0 structure GitHub code scanning requires', async () => {
    const config = allRulesOffConfig({ 'http/created-location': 'error' });
    const r = await cli(['lint', '--config', config, '--format', 'sarif', fixture('sample.har')]);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    const driver = sarif.runs[0].tool.driver;
    expect(driver).toMatchObject({
      name: 'status-lens',
      version: expect.any(String),
    });
    // Every rule a run can report, those the built-in profiles generate from their data too.
    expect(driver.rules.map((x: { id: string }) => x.id)).toEqual(BUILTIN_RULES.map((x) => x.id));
    expect(driver.rules.map((x: { id: string }) => x.id)).toContain('jsonapi/media-type');
    for (const rule of driver.rules) {
      expect(rule).toMatchObject({
        id: expect.any(String),
        shortDescription: { text: expect.any(String) },
        fullDescription: { text: expect.any(String) },
        help: { text: expect.any(String) },
        helpUri: expect.stringMatching(/^https?:\/\//),
        defaultConfiguration: { level: expect.stringMatching(/^(error|warning|note)$/) },
      });
    }
    const results = sarif.runs[0].results;
    expect(results).toHaveLength(1);
    const [res] = results;
    expect(res).toMatchObject({
      ruleId: 'http/created-location',
      level: 'error',
      message: { text: expect.stringContaining('201 Created to POST') },
      partialFingerprints: { 'statusLensFinding/v1': expect.stringMatching(/^[0-9a-f]{32}$/) },
    });
    expect(driver.rules[res.ruleIndex].id).toBe('http/created-location');
    const loc = res.locations[0];
    expect(loc.physicalLocation.artifactLocation.uri).toBe('test/fixtures/har/sample.har');
    // Entry 1 of the fixture opens on this line.
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync('test/fixtures/har/sample.har', 'utf8').split('\n');
    expect(loc.physicalLocation.region.startLine).toBeGreaterThan(1);
    expect(lines[loc.physicalLocation.region.startLine - 1]!.trim()).toBe('{');
    expect(lines[loc.physicalLocation.region.startLine + 3]).toContain('"POST"');
    expect(loc.logicalLocations[0]).toMatchObject({
      name: 'entries[1]',
      fullyQualifiedName: 'log.entries[1]',
    });
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(true);
  });

  it('maps info to note and records input problems as notifications', async () => {
    const config = allRulesOffConfig({ 'http/created-location': 'info' });
    const r = await cli(['lint', '-c', config, '-f', 'sarif', fixture('bad-entries.har')]);
    expect(r.code).toBe(2);
    const run = JSON.parse(r.stdout).runs[0];
    expect(run.results.map((x: { level: string }) => x.level)).toEqual(['note', 'note']);
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications.length).toBe(5);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toContain('log.entries[1]');
  });

  it('keeps fingerprints stable when only the query string changes', async () => {
    const config = allRulesOffConfig({ 'http/created-location': 'warning' });
    const a = writeScratch(
      'a.har',
      harText([harEntry({ method: 'POST', status: 201, url: 'https://x.test/things?nonce=1' })]),
    );
    const b = writeScratch(
      'b.har',
      harText([harEntry({ method: 'POST', status: 201, url: 'https://x.test/things?nonce=2' })]),
    );
    const fp = async (f: string) =>
      JSON.parse((await cli(['lint', '-c', config, '-f', 'sarif', f])).stdout).runs[0].results[0]
        .partialFingerprints;
    expect(await fp(a)).toEqual(await fp(b));
  });
});

function children(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

describe('lint --format junit', () => {
  it('writes one test case per exchange, failing at --fail-on, as well-formed XML', async () => {
    const config = allRulesOffConfig({ 'http/created-location': 'error' });
    const r = await cli(['lint', '-c', config, '-f', 'junit', fixture('sample.har')]);
    expect(r.code).toBe(1);
    const root = parseXml(r.stdout);
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ tests: '8', failures: '1', errors: '0' });
    const [suite] = children(root, 'testsuite');
    const cases = children(suite!, 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual([
      '#0 GET https://api.example.com/things',
      '#1 POST https://api.example.com/things',
      '#2 GET https://api.example.com/things/999',
      '#3 GET https://api.example.com/orders/1',
      '#4 GET https://cdn.example.com/logo.png',
      '#5 GET https://down.example.com/api',
      '#6 DELETE https://api.example.com/things/2',
      '#7 GET https://api.example.com/slow',
    ]);
    expect(cases.every((c) => c.attrs.classname === 'test/fixtures/har/sample.har')).toBe(true);
    const failure = children(cases[1]!, 'failure')[0]!;
    expect(failure.attrs.message).toContain('http/created-location');
    expect(failure.text).toContain('201 Created to POST');
  });

  it('puts findings under --fail-on in system-out, not failure', async () => {
    const config = allRulesOffConfig({ 'http/created-location': 'warning' });
    const r = await cli(['lint', '-c', config, '-f', 'junit', fixture('sample.har')]);
    expect(r.code).toBe(0);
    const cases = children(children(parseXml(r.stdout), 'testsuite')[0]!, 'testcase');
    expect(children(cases[1]!, 'failure')).toEqual([]);
    expect(children(cases[1]!, 'system-out')[0]!.text).toContain('http/created-location');
  });

  it('escapes hostile strings so the XML stays well-formed and round-trips', async () => {
    const config = allRulesOffConfig({ 'http/created-location': 'error' });
    const r = await cli(['lint', '-c', config, '-f', 'junit', fixture('hostile.har')]);
    const root = parseXml(r.stdout);
    const cases = children(children(root, 'testsuite')[0]!, 'testcase');
    const name = cases[0]!.attrs.name!;
    expect(name).toContain(`<script>alert(1)</script>?a=1&b="2"&c='3'|\`x\`]]>`);
    expect(name).toContain('\\u001b[31mred\\u0000\\u0007');
    expect(cases[1]!.attrs.name).toContain('\\ud800token');
    expect(children(cases[0]!, 'failure')[0]!.text).toContain('<script>');
  });

  it('has one test case per entry: unreadable ones errored, one read in part errored under its own name', async () => {
    const config = allRulesOffConfig({ 'http/created-location': 'error' });
    const r = await cli(['lint', '-c', config, '-f', 'junit', fixture('bad-entries.har')]);
    const root = parseXml(r.stdout);
    // bad-entries.har has 7 entries: 0 and 4 fail, 2 has a body that does not decode, 1, 3, 5, 6 are unreadable.
    expect(root.attrs).toMatchObject({ tests: '7', failures: '2', errors: '5' });
    const suite = children(root, 'testsuite')[0]!;
    expect(suite.attrs).toMatchObject({ tests: '7', failures: '2', errors: '5' });
    const cases = children(suite, 'testcase');
    expect(cases.map((c) => c.attrs.name!.split(' ')[0])).toEqual(['#0', '#1', '#2', '#3', '#4', '#5', '#6']);
    const errored = cases.filter((c) => children(c, 'error').length > 0);
    expect(errored.map((c) => c.attrs.name)).toEqual([
      '#1 (unreadable entry)',
      expect.stringMatching(/^#2 GET https:\/\//),
      '#3 (unreadable entry)',
      '#5 (unreadable entry)',
      '#6 (unreadable entry)',
    ]);
    const partial = errored[1]!;
    expect(children(partial, 'failure')).toEqual([]);
    expect(children(partial, 'error')[0]!.attrs.message).toContain('base64');
  });

  it('keeps the failing findings of an entry read in part, inside its error', async () => {
    const har = writeScratch(
      'partial.har',
      harText([harEntry({ method: 'POST', status: 201, text: '!!not base64!!', encoding: 'base64' })]),
    );
    const config = allRulesOffConfig({ 'http/created-location': 'error' });
    const r = await cli(['lint', '-c', config, '-f', 'junit', har]);
    expect(r.code).toBe(2);
    const root = parseXml(r.stdout);
    expect(root.attrs).toMatchObject({ tests: '1', failures: '0', errors: '1' });
    const [tc] = children(children(root, 'testsuite')[0]!, 'testcase');
    const error = children(tc!, 'error')[0]!;
    expect(error.text).toContain('does not decode');
    expect(error.text).toContain('http/created-location');
  });
});

describe('lint --format markdown', () => {
  it('has a summary table and findings per exchange', async () => {
    const config = allRulesOffConfig({ 'http/created-location': 'warning' });
    const r = await cli(['lint', '-c', config, '-f', 'markdown', fixture('sample.har')]);
    expect(r.stdout).toMatch(/^# status-lens report/);
    expect(r.stdout).toContain(
      '| File | Exchanges | 1xx | 2xx | 3xx | 4xx | 5xx | failed | other | Errors | Warnings | Info |',
    );
    expect(r.stdout).toContain('| 8 | 0 | 5 | 0 | 1 | 1 | 1 | 0 | 0 | 1 | 0 |');
    expect(r.stdout).toContain('http/created-location');
  });

  // An exchange with only infos was headed ⚠️ like a warning.
  it.each([
    ['info', 'none', 'ℹ️'],
    ['warning', 'none', '⚠️'],
    ['error', 'none', '❌'],
    ['info', 'info', '❌'],
  ] as const)(
    'heads an exchange whose worst finding is %s (fail-on %s) with %s',
    async (severity, failOn, mark) => {
      const config = allRulesOffConfig({ 'http/created-location': severity });
      const r = await cli([
        'lint',
        '-c',
        config,
        '-f',
        'markdown',
        '--fail-on',
        failOn,
        fixture('sample.har'),
      ]);
      expect(r.stdout).toContain(`### ${mark} POST https\\://api.example.com/things → 201 Created`);
    },
  );

  it('never lets recorded text become HTML, a table cell break or a code span', async () => {
    const config = allRulesOffConfig({ 'http/created-location': 'warning' });
    const r = await cli(['lint', '-c', config, '-f', 'markdown', fixture('hostile.har')]);
    const md = r.stdout;
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\<script\\>');
    // Every pipe and backtick from the input is escaped.
    for (let i = md.indexOf('`'); i !== -1; i = md.indexOf('`', i + 1)) expect(md[i - 1]).toBe('\\');
    // The hostile method GET<x>|` (upper-cased, as the report prints methods) appears in the
    // heading and in the table row; its pipe must not split a table cell in either.
    const methodLines = md.split('\n').filter((l) => l.includes('GET\\<X\\>'));
    expect(methodLines.length).toBeGreaterThan(0);
    for (const line of methodLines) expect(line).toContain('GET\\<X\\>\\|');
    // eslint-disable-next-line no-control-regex
    expect(md).not.toMatch(/[\u0000-\u0008\u001b]/);
  });
});

describe('lint --format text', () => {
  it('groups findings by exchange and ends with a summary line', async () => {
    const config = allRulesOffConfig({ 'http/created-location': 'warning' });
    const r = await cli(['lint', '-c', config, fixture('sample.har')]);
    expect(r.stdout).toContain(
      'test/fixtures/har/sample.har\n  #1 POST https://api.example.com/things → 201 Created\n    warning http/created-location',
    );
    expect(r.stdout.trim().split('\n').pop()).toBe(
      '⚠ 1 finding (0 errors, 1 warning, 0 info) in 1 of 8 exchanges, 1 failed (1 file)',
    );
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('uses colour only on a terminal without NO_COLOR', async () => {
    const config = allRulesOffConfig({ 'http/created-location': 'warning' });
    const tty = await cli(['lint', '-c', config, fixture('sample.har')], { stdoutIsTTY: true });
    expect(tty.stdout).toContain('\u001b[33m');
    const noColor = await cli(['lint', '-c', config, fixture('sample.har')], {
      stdoutIsTTY: true,
      env: { NO_COLOR: '1' },
    });
    expect(noColor.stdout).not.toContain('\u001b[');
  });

  it('escapes terminal control sequences from the recording', async () => {
    const config = allRulesOffConfig({ 'http/created-location': 'warning' });
    const r = await cli(['lint', '-c', config, fixture('hostile.har')], {
      stdoutIsTTY: true,
      env: { NO_COLOR: '1' },
    });
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\u0000\u0007\u001b\u202e]/);
    expect(r.stdout).toContain('\\x1b[31mred\\x00\\x07');
    expect(r.stdout).toContain('\\u202eevil');
  });

  it('never shows a green tick when input could not be read, and lists problems once', async () => {
    const missing = await cli(['lint', 'no/such.har'], {
      stdoutIsTTY: true,
      stderrIsTTY: true,
      env: { NO_COLOR: '1' },
    });
    expect(missing.code).toBe(2);
    expect(missing.stdout).not.toContain('✔');
    expect(missing.stdout).toBe(
      '✖ 1 input problem (listed on standard error); no findings in 0 exchanges (1 file)\n',
    );
    expect(missing.stderr).toContain('no/such.har: error: cannot read: no such file');

    const bad = await cli(['lint', '-c', allRulesOffConfig(), fixture('bad-entries.har')]);
    expect(bad.stdout).not.toContain('Problems with the input');
    expect(bad.stdout).not.toContain('entry has no "response" object');
    expect(bad.stderr.match(/entry has no "response" object/g)).toHaveLength(1);
  });

  it('lists the problems in a text report written to a file', async () => {
    const out = `${scratch()}/report.txt`;
    const r = await cli(['lint', '-c', allRulesOffConfig(), '-o', out, fixture('bad-entries.har')]);
    expect(r.code).toBe(2);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('Problems with the input');
    expect(text).toContain('entry has no "response" object');
    expect(text.trim().split('\n').pop()).toBe('✖ 5 input problems; no findings in 3 exchanges (1 file)');
  });

  it('FORCE_COLOR=0 turns colour off on a terminal, FORCE_COLOR=1 on elsewhere', async () => {
    const config = allRulesOffConfig({ 'http/created-location': 'warning' });
    const off = await cli(['lint', '-c', config, fixture('sample.har')], {
      stdoutIsTTY: true,
      env: { FORCE_COLOR: '0' },
    });
    expect(off.stdout).not.toContain('\u001b[');
    const on = await cli(['lint', '-c', config, fixture('sample.har')], { env: { FORCE_COLOR: '1' } });
    expect(on.stdout).toContain('\u001b[33m');
  });

  it('says so when there is nothing to report', async () => {
    const r = await cli(['lint', '-c', allRulesOffConfig(), fixture('sample.har')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✔ no findings in 8 exchanges, 1 failed (1 file)\n');
  });

  it('counts failed requests (no response) as the JSON summary does, findings or not', async () => {
    // Chrome's record of a request that got no response: status 0 and the network error.
    const failed = (url: string, error: string) => ({
      ...harEntry({ url, status: 0 }),
      _error: error,
    });
    const har = writeScratch(
      'failures.har',
      harText([
        harEntry({ url: 'https://api.example/ok' }),
        failed('https://api.example/down', 'net::ERR_CONNECTION_REFUSED'),
        failed('https://api.example/gone', 'net::ERR_NAME_NOT_RESOLVED'),
        harEntry({ url: 'https://api.example/nothing', status: 0 }),
      ]),
    );
    const config = allRulesOffConfig();
    const text = await cli(['lint', '-c', config, har]);
    const json = JSON.parse(
      (await cli(['lint', '-c', config, har, '--format', 'json'])).stdout,
    ) as JsonReport;
    expect(json.summary.families.failed).toBe(3);
    expect(text.stdout).toBe('✔ no findings in 4 exchanges, 3 failed (1 file)\n');
    // No failed request, no mention.
    const clean = writeScratch('clean.har', harText([harEntry({ url: 'https://api.example/ok' })]));
    expect((await cli(['lint', '-c', config, clean])).stdout).toBe('✔ no findings in 1 exchange (1 file)\n');
  });
});

describe('recorded strings in reports', () => {
  const longUrl = `https://api.example.com/${'a'.repeat(20_000)}`;
  const har = () =>
    writeScratch('long.har', harText([harEntry({ method: 'POST', status: 201, url: longUrl })]));
  const config = () => allRulesOffConfig({ 'http/created-location': 'error' });

  it('are cut to 4,096 characters in SARIF properties and messages', async () => {
    const r = await cli(['lint', '-c', config(), '-f', 'sarif', har()]);
    const [result] = JSON.parse(r.stdout).runs[0].results;
    expect(result.properties.url).toHaveLength(4096);
    expect(result.properties.url.endsWith('…')).toBe(true);
    expect(result.properties.url.startsWith('https://api.example.com/aaa')).toBe(true);
    expect(r.stdout).not.toContain('a'.repeat(4096));
  });

  it('are cut in the JSON and JUnit reports too', async () => {
    const json = JSON.parse((await cli(['lint', '-c', config(), '-f', 'json', har()])).stdout);
    expect(json.exchanges[0].url).toHaveLength(4096);
    const junit = (await cli(['lint', '-c', config(), '-f', 'junit', har()])).stdout;
    expect(junit).not.toContain('a'.repeat(4096));
    parseXml(junit);
  });
});
