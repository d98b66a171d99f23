import { afterEach, describe, expect, it } from 'vitest';
import {
  brokenEntries,
  entry,
  extremeEntries,
  FULL,
  harOf,
  normalAfter,
  NORMAL_AFTER_RULE,
  prototypesClean,
} from '../../fixtures/hostile/entries';
import { cli, writeScratch } from '../cli/cli-harness';

interface JsonReport {
  exchanges: {
    index: number;
    url: string;
    status: number;
    family: string;
    findings: { rule: string; message: string }[];
  }[];
  problems: { kind: string; index?: number; path?: string; message: string }[];
}

function noStack(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at [\w<.]+ \(/);
  expect(stderr).not.toContain('node:internal');
}

afterEach(() => {
  expect(prototypesClean()).toBe(true);
});

describe('status-lens lint on extreme and broken HAR entries', () => {
  const extreme = extremeEntries(FULL);
  const broken = brokenEntries();
  const all = [...extreme.map((h) => h.entry), ...broken.map((h) => h.entry), normalAfter()];

  it('lints every readable entry, reports each bad one by index, and exits 2', async () => {
    const file = writeScratch('hostile.har', harOf(all));
    const r = await cli(['lint', '-f', 'json', '--fail-on', 'none', file]);
    expect(r.code).toBe(2);
    noStack(r.stderr);
    const report = JSON.parse(r.stdout) as JsonReport;
    const readable = extreme.length + 1;
    expect(report.exchanges).toHaveLength(readable);
    expect(report.exchanges.map((e) => e.index)).toEqual([...extreme.keys(), all.length - 1]);
    // Only input problems: no rule crashed on any of it.
    expect(report.problems.filter((p) => p.kind === 'rule')).toEqual([]);
    const entryProblems = report.problems.filter((p) => p.kind === 'entry');
    const badBase64 = extreme.findIndex((h) => h.tag === 'bad-base64');
    expect(entryProblems.map((p) => p.index)).toEqual([
      badBase64,
      ...broken.map((_, i) => extreme.length + i),
    ]);
    for (const p of entryProblems) {
      expect(p.path).toMatch(new RegExp(`^log\\.entries\\[${p.index}\\]`));
      expect(p.message).toMatch(/\w/);
      expect(r.stderr).toContain(`log.entries[${p.index}]`);
    }
    // The statuses no registry knows are reported as recorded, in the "unknown" family.
    const byTag = (tag: string) => report.exchanges.find((e) => e.url.endsWith(`/hostile/${tag}`))!;
    expect([0, 99, 600, 999].map((s) => byTag(`status-${s}`)).map((e) => [e.status, e.family])).toEqual([
      [0, 'failed'],
      [99, 'unknown'],
      [600, 'unknown'],
      [999, 'unknown'],
    ]);
    // And the ordinary request after all of it still gets its finding.
    expect(byTag('normal-after').findings.map((f) => f.rule)).toContain(NORMAL_AFTER_RULE);
  }, 120_000);

  it('analyses the 50 MB body when told to, still without a crash', async () => {
    const big = extreme.find((h) => h.tag === 'big-json')!;
    const bigFile = writeScratch('big.har', harOf([big.entry, normalAfter()]));
    const r = await cli(['lint', '-f', 'json', '--include-bodies-over', '64M', '--fail-on', 'none', bigFile]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.problems).toEqual([]);
    expect(report.exchanges).toHaveLength(2);
    expect(report.exchanges[1]!.findings.map((f) => f.rule)).toContain(NORMAL_AFTER_RULE);
  }, 120_000);

  it('readable extremes alone exit by findings (1 for an error), not as bad input', async () => {
    const readable = extreme
      .filter((h) => h.tag !== 'bad-base64' && h.tag !== 'big-json')
      .map((h) => h.entry);
    const f = writeScratch('readable.har', harOf([...readable, normalAfter()]));
    const failOnError = await cli(['lint', '-f', 'json', f]);
    expect(failOnError.code).toBe(1);
    expect((JSON.parse(failOnError.stdout) as JsonReport).problems).toEqual([]);
    const none = await cli(['lint', '-f', 'json', '--fail-on', 'none', f]);
    expect(none.code).toBe(0);
  }, 60_000);

  it('the reports escape control characters and bidi overrides from the recording', async () => {
    const evil = entry({
      path: '/hostile/\u001b[2J\u001b]0;pwned\u0007\u202eevil\u0000',
      status: 500,
      statusText: '\u001b[31mred\u001b[0m',
      text: '{"error":"\u001b[5mblink\u0000"}',
    });
    const f = writeScratch('escapes.har', harOf([evil, normalAfter()]));
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    const C0 = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
    const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
    for (const format of ['text', 'markdown', 'junit', 'sarif', 'json']) {
      const r = await cli(['lint', '-f', format, '--fail-on', 'none', f]);
      expect(r.code, format).toBe(0);
      // No raw control character reaches a terminal, and none makes the XML ill-formed.
      expect(r.stdout, format).not.toMatch(C0);
      // What people read rendered (a terminal, a pull-request comment) shows bidi overrides escaped;
      // the machine formats keep the recorded text as data.
      if (format === 'text' || format === 'markdown') expect(r.stdout, format).not.toMatch(BIDI);
      noStack(r.stderr);
    }
  });

  it('a HAR whose top level and log carry __proto__ members is read as data', async () => {
    const text = `{"__proto__":{"polluted":1},"log":{"__proto__":{"entries":[]},"constructor":{"prototype":{"polluted":1}},"entries":[${JSON.stringify(normalAfter())}]}}`;
    const r = await cli(['lint', '-f', 'json', '--fail-on', 'none', writeScratch('proto.har', text)]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as JsonReport).exchanges).toHaveLength(1);
  });

  it('a config file with __proto__ and hostile values is rejected with exit 2, as text', async () => {
    const config = writeScratch(
      'evil-config.json',
      '{"version":1,"__proto__":{"polluted":1},"rules":{"__proto__":"off","constructor":"<script>alert(1)</script>"},"profiles":["\u001b[2J"]}',
    );
    const r = await cli(['lint', '-c', config, writeScratch('one.har', harOf([normalAfter()]))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/evil-config\.json/);
    expect(r.stderr).not.toContain('\u001b');
    noStack(r.stderr);
  });
});
