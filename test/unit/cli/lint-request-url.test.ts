import { describe, expect, it } from 'vitest';
import { allRulesOffConfig, cli, harEntry, harText, writeScratch } from './cli-harness';

/**
 * An entry whose request URL is empty (Insomnia exports a request never sent with `"url": ""`,
 * drf_api.har #14) or no URL at all: named as an input problem at log.entries[N].request.url,
 * while the entry is still linted by what it does have.
 */
describe('lint: an entry with an empty or unparseable request URL', () => {
  const file = writeScratch(
    'urls.har',
    harText([
      harEntry({ method: 'POST', status: 201 }),
      harEntry({ method: 'POST', url: '', status: 201 }),
      harEntry({ method: 'POST', url: 'localhost 8000/api', status: 201 }),
    ]),
  );
  const config = allRulesOffConfig({ 'http/created-location': 'warning' });

  it('reports a problem naming log.entries[N].request.url, still lints the entry, and exits 2', async () => {
    const r = await cli(['lint', '-f', 'json', '-c', config, file]);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as {
      exchanges: { index: number; url: string; findings: { rule: string }[] }[];
      problems: { kind: string; index: number; path: string; message: string; line: number }[];
    };
    expect(report.exchanges.map((e) => [e.index, e.url, e.findings.map((f) => f.rule)])).toEqual([
      [0, 'https://api.example.com/x', ['http/created-location']],
      [1, '', ['http/created-location']],
      [2, 'localhost 8000/api', ['http/created-location']],
    ]);
    expect(report.problems.map((p) => [p.kind, p.index, p.path])).toEqual([
      ['entry', 1, 'log.entries[1].request.url'],
      ['entry', 2, 'log.entries[2].request.url'],
    ]);
    expect(report.problems[0]!.message).toMatch(/^the request URL is empty; /);
    expect(report.problems[1]!.message).toMatch(/^the request URL is not an absolute URL/);
    expect(r.stderr).toMatch(
      /urls\.har:\d+: error: log\.entries\[1\]\.request\.url: the request URL is empty; /,
    );
  });

  it('names the JUnit test case of an entry with an empty URL as such, not with a trailing space', async () => {
    const r = await cli(['lint', '-f', 'junit', '-c', config, file]);
    const names = [...r.stdout.matchAll(/<testcase classname="[^"]*" name="([^"]*)"/g)].map((m) => m[1]);
    expect(names).toEqual([
      '#0 POST https://api.example.com/x',
      '#1 POST (no URL)',
      '#2 POST localhost 8000/api',
    ]);
  });

  it('names an entry with an empty URL "(no URL)" in the text and Markdown reports, not with a double space', async () => {
    const text = await cli(['lint', '-f', 'text', '-c', config, file]);
    expect(text.stdout).toMatch(/#1 POST \(no URL\) → 201/);
    expect(text.stdout).not.toMatch(/POST {2}→/);
    const md = await cli(['lint', '-f', 'markdown', '-c', config, file]);
    expect(md.stdout).toMatch(/POST \(no URL\) → 201/);
  });

  it.each(['text', 'sarif', 'markdown', 'junit'])('writes the %s report without failing', async (format) => {
    const r = await cli(['lint', '-f', format, '-c', config, file]);
    expect(r.code).toBe(2);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(r.stderr).toContain('log.entries[2].request.url');
  });
});
