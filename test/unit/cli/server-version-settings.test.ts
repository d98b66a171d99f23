import { describe, expect, it } from 'vitest';
import { cli, harEntry, harText, writeScratch } from './cli-harness';

/**
 * security/server-version-disclosure became a session rule keeping its id: the settings files
 * and --rule flags that already set it keep doing what they did, with --jobs as without.
 */
const entry = (path: string) =>
  harEntry({
    method: 'GET',
    url: `https://api.example.com${path}`,
    status: 200,
    headers: { 'Content-Type': 'application/json', Server: 'nginx/1.18.0' },
    mimeType: 'application/json',
    text: '{}',
  });
const har = () => writeScratch('servers.har', harText([entry('/a'), entry('/b'), entry('/c')]));

/** The rule's findings in a JSON report: entry index and severity. */
async function findings(args: string[]) {
  const r = await cli(['lint', har(), '--format', 'json', ...args]);
  const report = JSON.parse(r.stdout) as {
    exchanges: { index: number; findings: { rule: string; severity: string }[] }[];
  };
  return report.exchanges.flatMap((e) =>
    e.findings
      .filter((f) => f.rule === 'security/server-version-disclosure')
      .map((f) => `#${e.index} ${f.severity}`),
  );
}

describe('security/server-version-disclosure in settings', () => {
  it('reports the first of three responses by default, with or without --jobs', async () => {
    expect(await findings([])).toEqual(['#0 info']);
    expect(await findings(['--jobs', '3'])).toEqual(['#0 info']);
  });

  it('a settings file that turns it off, or re-rates it, still does', async () => {
    const off = writeScratch(
      'off.json',
      JSON.stringify({ rules: { 'security/server-version-disclosure': 'off' } }),
    );
    expect(await findings(['--config', off])).toEqual([]);
    const warn = writeScratch(
      'warn.json',
      JSON.stringify({ version: 1, rules: { 'security/server-version-disclosure': 'warning' } }),
    );
    expect(await findings(['--config', warn, '--jobs', '2'])).toEqual(['#0 warning']);
    expect(await findings(['--rule', 'Security/Server-Version-Disclosure=error'])).toEqual(['#0 error']);
  });
});
