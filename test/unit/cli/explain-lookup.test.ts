import { describe, expect, it } from 'vitest';
import { cli } from './cli-harness';

/** `status-lens explain` given a class, a reason phrase or words instead of a code. */
describe('status-lens explain CLASS | REASON | WORDS', () => {
  it('summarises a class and lists its catalogued codes by reason phrase', async () => {
    const r = await cli(['explain', '4XX']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('4xx Client Error  a class of status codes');
    expect(lines).toContain('  404  Not Found');
    expect(lines).toContain('  429  Too Many Requests');
    expect(lines.some((l) => /^ {2}5\d\d /.test(l))).toBe(false);
    expect(r.stdout).toContain(
      'Defined by: RFC 9110 §15.5 — https://www.rfc-editor.org/rfc/rfc9110#section-15.5',
    );
    expect(r.stdout).toContain('a 4xx code without an entry is read as 400 Bad Request');
  });

  it('prints a class as one JSON object whose entries are those explain CODE prints', async () => {
    const r = await cli(['explain', '5xx', '-f', 'json']);
    expect(r.code).toBe(0);
    const cls = JSON.parse(r.stdout) as { entries: { code: number }[] };
    expect(cls).toMatchObject({ class: '5xx', name: 'Server Error' });
    expect(Object.keys(cls)).toEqual(['class', 'name', 'summary', 'specUrl', 'entries']);
    const one = JSON.parse((await cli(['explain', '503', '-f', 'json'])).stdout) as unknown;
    expect(cls.entries.find((e) => e.code === 503)).toEqual(one);
  });

  it.each(['Not Found', 'not-found', 'NOT_FOUND'])('explains the reason phrase %j as 404', async (arg) => {
    const r = await cli(['explain', arg]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^404 Not Found/);
  });

  it('lists the entries matching words that are no reason phrase, and exits 0', async () => {
    const r = await cli(['explain', 'too many']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^"too many" is no code or reason phrase; searching the catalogue for it finds \d+ entries:$/,
    );
    expect(lines[1]).toMatch(/^429 {2}Too Many Requests — /);
    expect(lines).toContain('net::ERR_TOO_MANY_REDIRECTS');
    expect(r.stdout.trimEnd().endsWith('status-lens explain CODE explains one.')).toBe(true);
  });

  it('lists one match as a candidate too (teapot → 418)', async () => {
    const r = await cli(['explain', 'teapot']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('finds 1 entry:\n418  (Unused) — ');
  });

  it('lists every entry a shared reason phrase names', async () => {
    const r = await cli(['explain', 'unauthorized', '-f', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { code: number }[]).map((e) => e.code)).toEqual([401, 561]);
    const text = await cli(['explain', 'unauthorized']);
    expect(text.stdout.split('\n')[0]).toBe('"unauthorized" is the reason phrase of 2 entries:');
  });

  it('prints at most 20 candidates as text, saying how many more there are', async () => {
    const r = await cli(['explain', 'e']);
    expect(r.code).toBe(0);
    const total = Number(/finds (\d+) entries/.exec(r.stdout)![1]);
    expect(total).toBeGreaterThan(20);
    expect(r.stdout).toContain(`… and ${String(total - 20)} more: add words to narrow the search`);
    const json = await cli(['explain', 'e', '-f', 'json']);
    expect(JSON.parse(json.stdout)).toHaveLength(total);
  });

  it('asks for quotes around a phrase given as several arguments', async () => {
    const r = await cli(['explain', 'Not', 'Found']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give one code at a time (quote a reason phrase or words: "Not Found")');
  });

  it('names the reason phrase a typo is close to, exit 2', async () => {
    const r = await cli(['explain', 'Not Fuond']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no catalogue entry for "Not Fuond" (did you mean Not Found (404)?)');
    expect(r.stderr).toContain('a class such as 4xx, a reason phrase such as "Not Found"');
  });
});
