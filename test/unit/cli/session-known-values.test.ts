import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/args';
import { entryLinter } from '../../../src/cli/lint/entry';
import { LINT_FORMATS, LINT_OPTIONS, planLint } from '../../../src/cli/lint/options';
import { SessionJudge } from '../../../src/cli/lint/session-judge';
import { RULE_IDS } from '../../../src/core/rules/registry';
import { cli, harText, ROOT, timedEntry, writeScratch } from './cli-harness';

/*
 * Session findings (session/duplicate-request, session/retry-too-soon) quote the request they
 * complete on, URL and all, and are made where outcomes are applied, after the entry's report.
 * A token the exchange sends in its Authorization header, repeated in its query under a name no
 * list knows (`?t=`), is hidden in them as in the entry's URL, in every format, however the
 * entries were linted.
 */
const token = 'Qz7mW2xPLk94';
const url = `https://api.example.com/v1/feed?t=${token}`;
const auth = { Authorization: `Bearer ${token}` };

// A client that retries a 429 at once, then two components that fetch the feed together.
const entries = [
  timedEntry(0, 100, { url, requestHeaders: auth, status: 429, headers: { 'Retry-After': '5' } }),
  timedEntry(150, 50, { url, requestHeaders: auth }),
  timedEntry(1000, 200, { url, requestHeaders: auth }),
  timedEntry(1020, 200, { url, requestHeaders: auth }),
];

/** The two session rules only: what is left to quote the URL is theirs. */
function config(): string {
  const rules: Record<string, string> = {};
  for (const id of RULE_IDS)
    if (id !== 'session/retry-too-soon' && id !== 'session/duplicate-request') rules[id] = 'off';
  return writeScratch('session.json', { version: 1, rules });
}

describe("session findings hide the exchange's named credentials, as its own findings do", () => {
  const har = writeScratch('feed.har', harText(entries));

  describe.each(['1', '3'])('--jobs %s', (jobs) => {
    it.each(LINT_FORMATS)('%s report', async (format) => {
      const r = await cli(['lint', '-f', format, '-c', config(), '--jobs', jobs, har]);
      // The findings are there, quoting the request...
      expect(r.stdout).toMatch(/duplicate-request/);
      expect(r.stdout).toMatch(/retry-too-soon/);
      expect(r.stdout).toMatch(/GET \/v1\/feed\?t=/);
      // ... without the token.
      expect(r.stdout).not.toContain(token);
      expect(r.stderr).not.toContain(token);
    });
  });

  it('JSON: the messages quote the query with the token hidden', async () => {
    const r = await cli(['lint', '-f', 'json', '-c', config(), har]);
    const report = JSON.parse(r.stdout) as {
      exchanges: { url: string; findings: { rule: string; message: string }[] }[];
    };
    const messages = report.exchanges.flatMap((e) => e.findings.map((f) => f.message));
    expect(messages.length).toBeGreaterThanOrEqual(2);
    for (const m of messages) expect(m).toMatch(/^GET \/v1\/feed\?t=\[REDACTED\] was sent again/);
    expect(report.exchanges[0]!.url).toBe('https://api.example.com/v1/feed?t=[REDACTED]');
  });

  it('a message that quotes a long URL cut short shows no beginning of the token either', async () => {
    const long = `https://api.example.com/v1/${'segment/'.repeat(8)}feed?t=${token}`;
    const file = writeScratch(
      'long.har',
      harText([
        timedEntry(0, 200, { url: long, requestHeaders: auth }),
        timedEntry(20, 200, { url: long, requestHeaders: auth }),
      ]),
    );
    const r = await cli(['lint', '-f', 'json', '-c', config(), file]);
    const [message] = (JSON.parse(r.stdout) as { exchanges: { findings: { message: string }[] }[] }).exchanges
      .flatMap((e) => e.findings)
      .map((f) => f.message);
    // The request line is kept to 80 characters: the token was cut after its first few.
    expect(message).toMatch(/feed\?t=\[REDACTED\]… was sent again/);
    expect(message).not.toContain(token.slice(0, 4));
  });

  it('an outcome linted as a --jobs worker lints it (a session view, cloned across threads) carries the values to hide', async () => {
    const io = { cwd: ROOT } as Parameters<typeof planLint>[1];
    const { plan } = await planLint(parseArgs(['-c', config(), 'x.har'], LINT_OPTIONS, 'lint'), io);
    const linter = entryLinter(plan);
    const judge = new SessionJudge(plan.session ?? []);
    const found: string[] = [];
    entries.forEach((e, index) => {
      const bytes = new TextEncoder().encode(JSON.stringify(e));
      // Not applied at once: what a worker sends back, as structured cloning copies it.
      const o = structuredClone(linter.lint({ index, line: index + 1, offset: 0, bytes }, 0, false));
      expect(o.known).toContain(token);
      judge.judge(o);
      found.push(...o.record!.findings.map((f) => `${f.rule} ${f.message}`));
    });
    const rules = new Set(found.map((f) => f.split(' ')[0]));
    expect([...rules].sort()).toEqual(['session/duplicate-request', 'session/retry-too-soon']);
    for (const f of found) expect(f).not.toContain(token);
  });

  it('an exchange that carries no credential sends no values', async () => {
    const io = { cwd: ROOT } as Parameters<typeof planLint>[1];
    const { plan } = await planLint(parseArgs(['-c', config(), 'x.har'], LINT_OPTIONS, 'lint'), io);
    const bytes = new TextEncoder().encode(JSON.stringify(timedEntry(0, 1, { url })));
    expect(entryLinter(plan).lint({ index: 0, line: 1, offset: 0, bytes }, 0, false)).not.toHaveProperty(
      'known',
    );
  });
});
