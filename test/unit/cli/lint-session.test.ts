import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../src/core/rules/registry';
import { cli, harText, timedEntry as timed, writeScratch } from './cli-harness';
import { parseXml } from './xml-check';

// A client that retries a 429 at once, and two components that fetch /me together.
const HAR = harText([
  timed(0, 100, {
    url: 'https://api.example.com/v1/search?q=a',
    status: 429,
    headers: { 'Retry-After': '5' },
  }),
  timed(150, 50, { url: 'https://api.example.com/v1/search?q=a' }),
  timed(1000, 200, { url: 'https://api.example.com/v1/me' }),
  timed(1020, 200, { url: 'https://api.example.com/v1/me' }),
]);

/** Only the session rules this file is about, so other rules' findings do not blur the picture. */
function config(extra: object = {}): string {
  const rules: Record<string, string> = {};
  for (const id of RULE_IDS)
    if (id !== 'session/retry-too-soon' && id !== 'session/duplicate-request') rules[id] = 'off';
  return writeScratch('session.json', { version: 1, rules, ...extra });
}

describe('lint: session rules (#18)', () => {
  it('attaches findings to the completing entry and names the related entry by index, in JSON', async () => {
    const har = writeScratch('session.har', HAR);
    const { stdout } = await cli(['lint', '--format', 'json', '--config', config(), har]);
    const report = JSON.parse(stdout) as {
      exchanges: {
        index: number;
        findings: { rule: string; related?: { index: number; note: string }[] }[];
      }[];
    };
    const found = report.exchanges.flatMap((e) =>
      e.findings.map((f) => [e.index, f.rule, f.related?.map((r) => r.index)]),
    );
    expect(found).toEqual([
      [1, 'session/retry-too-soon', [0]],
      [3, 'session/duplicate-request', [2]],
    ]);
  });

  it('names related entries in text, Markdown and JUnit', async () => {
    const har = writeScratch('session.har', HAR);
    const text = (await cli(['lint', '--config', config(), har])).stdout;
    expect(text).toContain('related: #0 (the 429 that said Retry-After: 5)');
    expect(text).toContain('related: #2 (the same GET, still in flight)');
    const md = (await cli(['lint', '--format', 'markdown', '--config', config(), har])).stdout;
    expect(md).toContain('related\\: \\#0 \\(the 429 that said Retry-After\\: 5\\)');
    const junit = (await cli(['lint', '--format', 'junit', '--config', config(), har])).stdout;
    parseXml(junit);
    expect(junit).toContain('related: #2 (the same GET, still in flight)');
  });

  it('gives SARIF related locations at the related entries’ lines', async () => {
    const har = writeScratch('session.har', HAR);
    const { stdout } = await cli(['lint', '--format', 'sarif', '--config', config(), har]);
    const sarif = JSON.parse(stdout) as {
      runs: {
        results: {
          ruleId: string;
          locations: { physicalLocation: { region: { startLine: number } } }[];
          relatedLocations?: {
            id: number;
            physicalLocation: { region: { startLine: number } };
            logicalLocations: { fullyQualifiedName: string }[];
            message: { text: string };
          }[];
        }[];
      }[];
    };
    const retry = sarif.runs[0]!.results.find((r) => r.ruleId === 'session/retry-too-soon')!;
    const [rel] = retry.relatedLocations!;
    expect(rel!.logicalLocations[0]!.fullyQualifiedName).toBe('log.entries[0]');
    expect(rel!.message.text).toContain('Retry-After: 5');
    // Entry 0 starts on an earlier line than entry 1, where the finding is.
    expect(rel!.physicalLocation.region.startLine).toBeLessThan(
      retry.locations[0]!.physicalLocation.region.startLine,
    );
  });

  it('takes thresholds from ruleOptions and rule switches from --rule', async () => {
    const har = writeScratch('session.har', HAR);
    const json = async (args: string[]) =>
      (
        JSON.parse((await cli(['lint', '--format', 'json', ...args, har])).stdout) as {
          exchanges: { findings: { rule: string }[] }[];
        }
      ).exchanges.flatMap((e) => e.findings.map((f) => f.rule));
    expect(
      await json([
        '--config',
        config({ ruleOptions: { 'session/retry-too-soon': { toleranceMs: 10_000 } } }),
      ]),
    ).toEqual(['session/duplicate-request']);
    expect(await json(['--config', config(), '--rule', 'session/duplicate-request=off'])).toEqual([
      'session/retry-too-soon',
    ]);
  });

  it('keeps files apart: each is its own session', async () => {
    const a = writeScratch('a.har', harText([timed(0, 200, { url: 'https://api.example.com/v1/me' })]));
    const b = writeScratch('b.har', harText([timed(10, 200, { url: 'https://api.example.com/v1/me' })]));
    const { stdout } = await cli(['lint', '--format', 'json', '--config', config(), a, b]);
    expect(stdout).not.toContain('session/duplicate-request');
  });

  it('lets a profile switch a session rule off or re-rate it inside its scope', async () => {
    // The same calls, answered as JSON: a profile's scope judges API calls only (by default).
    const json = { mimeType: 'application/json', text: '{}' };
    const headers = { 'Content-Type': 'application/json' };
    const har = writeScratch(
      'session-json.har',
      harText([
        timed(0, 100, {
          url: 'https://api.example.com/v1/search?q=a',
          status: 429,
          ...json,
          headers: { 'Retry-After': '5', ...headers },
        }),
        timed(150, 50, { url: 'https://api.example.com/v1/search?q=a', ...json, headers }),
        timed(1000, 200, { url: 'https://api.example.com/v1/me', ...json, headers }),
        timed(1020, 200, { url: 'https://api.example.com/v1/me', ...json, headers }),
      ]),
    );
    const profile = (rules: object, urls = ['https://api.example.com/v1/me']) =>
      writeScratch('me-profile.json', {
        id: 'me',
        name: 'Profile endpoint',
        summary: 'How /me behaves',
        source: 'https://example.com/me',
        scope: { urls },
        rules,
      });
    const found = async (args: string[]) => {
      const { stdout, stderr } = await cli(['lint', '--format', 'json', '--config', config(), har, ...args]);
      expect(stderr).toBe('');
      const report = JSON.parse(stdout) as {
        exchanges: { index: number; findings: { rule: string; severity: string }[] }[];
      };
      return report.exchanges.flatMap((e) => e.findings.map((f) => [e.index, f.rule, f.severity]));
    };
    expect(await found(['--profile-file', profile({ 'session/duplicate-request': 'off' })])).toEqual([
      [1, 'session/retry-too-soon', 'warning'],
    ]);
    expect(await found(['--profile-file', profile({ 'session/duplicate-request': 'error' })])).toEqual([
      [1, 'session/retry-too-soon', 'warning'],
      [3, 'session/duplicate-request', 'error'],
    ]);
    // Outside the scope the finding stays as the settings rate it.
    const elsewhere = profile({ 'session/duplicate-request': 'off' }, ['https://api.example.com/v1/search']);
    expect(await found(['--profile-file', elsewhere])).toEqual([
      [1, 'session/retry-too-soon', 'warning'],
      [3, 'session/duplicate-request', 'info'],
    ]);
  });
});
