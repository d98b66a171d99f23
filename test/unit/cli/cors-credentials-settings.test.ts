import { describe, expect, it } from 'vitest';
import { cli, harEntry, harText, writeScratch } from './cli-harness';

/**
 * security/cors-credentials-wildcard became a session rule keeping its id (its Origin-less info
 * is reported once per origin): the settings files and --rule flags that already set it keep
 * doing what they did, with --jobs as without, and the warning stays on every response.
 */
const wildcard = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' };
const entry = (path: string, origin?: string) =>
  harEntry({
    method: 'GET',
    url: `https://api.example.com${path}`,
    status: 200,
    headers: { 'Content-Type': 'application/json', ...wildcard },
    requestHeaders: origin ? { Accept: '*/*', Origin: origin } : { Accept: '*/*' },
    mimeType: 'application/json',
    text: '{}',
  });
/** Three calls without Origin, then two cross-origin ones. */
const har = () =>
  writeScratch(
    'cors.har',
    harText([
      entry('/a'),
      entry('/b'),
      entry('/c'),
      entry('/d', 'https://app.example'),
      entry('/e', 'https://app.example'),
    ]),
  );

/** The rule's findings in a JSON report: entry index and severity. */
async function findings(args: string[]) {
  const r = await cli(['lint', har(), '--format', 'json', ...args]);
  const report = JSON.parse(r.stdout) as {
    exchanges: { index: number; findings: { rule: string; severity: string }[] }[];
  };
  return report.exchanges.flatMap((e) =>
    e.findings
      .filter((f) => f.rule === 'security/cors-credentials-wildcard')
      .map((f) => `#${e.index} ${f.severity}`),
  );
}

describe('security/cors-credentials-wildcard in settings', () => {
  it('reports the Origin-less info once and the warning on each cross-origin call, with or without --jobs', async () => {
    const want = ['#0 info', '#3 warning', '#4 warning'];
    expect(await findings([])).toEqual(want);
    expect(await findings(['--jobs', '3'])).toEqual(want);
  });

  it('a settings file that turns it off, or re-rates it, still does', async () => {
    const off = writeScratch(
      'cors-off.json',
      JSON.stringify({ rules: { 'security/cors-credentials-wildcard': 'off' } }),
    );
    expect(await findings(['--config', off])).toEqual([]);
    const err = writeScratch(
      'cors-error.json',
      JSON.stringify({ version: 1, rules: { 'security/cors-credentials-wildcard': 'error' } }),
    );
    expect(await findings(['--config', err, '--jobs', '2'])).toEqual(['#0 error', '#3 error', '#4 error']);
    expect(await findings(['--rule', 'Security/CORS-Credentials-Wildcard=info'])).toEqual([
      '#0 info',
      '#3 info',
      '#4 info',
    ]);
  });

  it('status-lens rules --format json marks it a session rule', async () => {
    const r = await cli(['rules', '--format', 'json']);
    const rules = JSON.parse(r.stdout) as { id: string; session: boolean; headerOnly: boolean }[];
    expect(rules.find((x) => x.id === 'security/cors-credentials-wildcard')).toMatchObject({
      session: true,
      headerOnly: true,
    });
  });
});
