import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/args';
import { entryLinter } from '../../../src/cli/lint/entry';
import { LINT_FORMATS, LINT_OPTIONS, planLint } from '../../../src/cli/lint/options';
import { api, gone, mixed, session, sid, token } from './acme-capture';
import { allRulesOffConfig, cli, harText, ROOT, timedEntry, writeScratch } from './cli-harness';

/*
 * Redacted once, redacted everywhere, across the file. A session finding on one entry quotes
 * other entries by request line (`at #0 (GET /tokens/… → 500)`), and an entry's own URL may hold
 * a value only an earlier entry carried by name (the session id a 201's Cookie sent and its
 * Location repeats). Each entry's report hid only its own credentials: the others' were printed.
 */
const json = 'application/json';

describe('lint hides a credential any entry carried by name in every entry of the file', () => {
  const mixedHar = writeScratch('mixed.har', harText(mixed));
  const goneHar = writeScratch('gone.har', harText(gone));

  describe.each(['1', '3'])('--jobs %s', (jobs) => {
    it.each(LINT_FORMATS)('%s report', async (format) => {
      for (const [har, secrets] of [
        [mixedHar, [token, sid]],
        [goneHar, [session]],
      ] as const) {
        const r = await cli(['lint', '-f', format, '--jobs', jobs, har]);
        expect(r.stdout).toMatch(/mixed-error-formats|location-gone/);
        for (const s of secrets) {
          expect(r.stdout).not.toContain(s);
          expect(r.stderr).not.toContain(s);
        }
      }
    });
  });

  it('JSON: the other entries are still quoted, by their redacted request lines', async () => {
    const r = await cli(['lint', '-f', 'json', mixedHar]);
    const report = JSON.parse(r.stdout) as {
      exchanges: {
        url: string;
        findings: { rule: string; message: string; related?: { note: string }[] }[];
      }[];
    };
    const mixedOn = report.exchanges.flatMap((e) =>
      e.findings.filter((f) => f.rule === 'session/mixed-error-formats'),
    );
    expect(mixedOn.length).toBeGreaterThan(0);
    const said = mixedOn.flatMap((f) => [f.message, ...(f.related ?? []).map((n) => n.note)]).join('\n');
    expect(said).toContain('GET /tokens/[REDACTED] → 500');
    expect(report.exchanges.map((e) => e.url)).toEqual([
      `${api}/tokens/[REDACTED]`,
      `${api}/sessions/[REDACTED]/cart`,
      `${api}/other`,
    ]);
  });

  it('location-gone: the later entry URL loses the session id the earlier one sent as a cookie', async () => {
    const r = await cli(['lint', '-f', 'json', goneHar]);
    const report = JSON.parse(r.stdout) as {
      exchanges: { url: string; findings: { rule: string; message: string }[] }[];
    };
    expect(report.exchanges[1]!.url).toBe(`${api}/s/[REDACTED]/carts/7`);
    expect(report.exchanges[1]!.findings.map((f) => f.rule)).toContain('session/location-gone');
  });

  it('ordinary ids and words stay: nothing else is hidden', async () => {
    const har = writeScratch(
      'plain.har',
      harText([
        timedEntry(0, 10, {
          url: `${api}/users/12345678`,
          requestHeaders: { Cookie: `theme=darkmode; sid=${sid}` },
          status: 500,
          headers: { 'Content-Type': json },
          mimeType: json,
          text: '{"error":"boom"}',
        }),
        timedEntry(100, 10, {
          url: `${api}/orders/12345678/darkmode`,
          status: 404,
          headers: { 'Content-Type': json },
          mimeType: json,
          text: '{"detail":"no order"}',
        }),
      ]),
    );
    const r = await cli(['lint', '-f', 'json', har]);
    const report = JSON.parse(r.stdout) as { exchanges: { url: string; findings: { message: string }[] }[] };
    expect(report.exchanges.map((e) => e.url)).toEqual([
      `${api}/users/12345678`,
      `${api}/orders/12345678/darkmode`,
    ]);
    expect(r.stdout).toContain('GET /users/12345678 → 500');
    expect(r.stdout).not.toContain('[REDACTED]');
  });
});

describe('an outcome carries its named credentials whether or not session rules run', () => {
  it.each([
    ['session rules on', {}],
    ['every rule off', null],
  ] as const)('%s', async (_what, rules) => {
    const io = { cwd: ROOT } as Parameters<typeof planLint>[1];
    const argv = rules === null ? ['-c', allRulesOffConfig(), 'x.har'] : ['x.har'];
    const { plan } = await planLint(parseArgs(argv, LINT_OPTIONS, 'lint'), io);
    expect((plan.session ?? []).length > 0).toBe(rules !== null);
    const bytes = new TextEncoder().encode(JSON.stringify(mixed[0]));
    // Not applied at once: what a --jobs worker sends back, as structured cloning copies it.
    const o = structuredClone(entryLinter(plan).lint({ index: 0, line: 1, offset: 0, bytes }, 0, false));
    expect(o.known).toContain(token);
  });
});
