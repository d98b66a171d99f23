import { describe, expect, it } from 'vitest';
import { api, gone, mixed, session, sid, token } from './acme-capture';
import { cli, harText, timedEntry, writeScratch } from './cli-harness';

/*
 * `status-lens diff` names endpoints by their redacted routes. A route repeating a credential
 * the capture carries by name (an Authorization token, a cookie, a header the settings list)
 * printed it in the text, JSON (`key`, `path`) and Markdown reports, where lint hides it.
 */
const tenant = 'tEnAnT4421pass';

const before = [
  ...mixed,
  timedEntry(300, 10, {
    url: `${api}/tenants/${tenant}/plan`,
    requestHeaders: { 'X-Tenant-Pass': tenant },
    status: 200,
  }),
  ...gone,
  timedEntry(600, 10, { url: `${api}/users/12345678`, status: 200 }),
];

/** The after capture sends the same requests, without their credentials (and all succeed). */
const after = before.map((e) => {
  const copy = structuredClone(e) as { request: { headers: unknown[] }; response: { status: number } };
  copy.request.headers = [];
  copy.response.status = 200;
  return copy;
});

describe('diff hides what either capture carries by name in endpoint keys and paths', () => {
  const a = writeScratch('before.har', harText(before));
  const b = writeScratch('after.har', harText(after));
  const config = writeScratch('settings.json', { version: 1, redaction: { headers: ['X-Tenant-Pass'] } });

  it.each(['text', 'json', 'markdown'])('%s report', async (format) => {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      const r = await cli(['diff', '-f', format, '-c', config, x!, y!]);
      // (Markdown escapes the brackets.)
      expect(r.stdout).toMatch(/\/tokens\/\\?\[REDACTED\\?\]/);
      for (const s of [token, sid, tenant, session]) {
        expect(r.stdout).not.toContain(s);
        expect(r.stderr).not.toContain(s);
      }
      // Words stay (unchanged endpoints, /users/{id} among them, are listed in JSON only).
      expect(r.stdout).toContain('/other');
    }
  });

  it('JSON: keys and paths read as lint reads the URLs, and both captures meet on them', async () => {
    const r = await cli(['diff', '-f', 'json', '-c', config, a, b]);
    const report = JSON.parse(r.stdout) as { endpoints: { key: string; path: string; change: string }[] };
    const paths = report.endpoints.map((e) => e.path).sort();
    expect(paths).toEqual(
      [
        '/other',
        '/s/[REDACTED]/carts',
        '/s/[REDACTED]/carts/{id}',
        '/sessions/[REDACTED]/cart',
        '/tenants/[REDACTED]/plan',
        '/tokens/[REDACTED]',
        '/users/{id}',
      ].sort(),
    );
    // Each endpoint is in both captures: none appeared or vanished for its credential.
    expect(report.endpoints.filter((e) => e.change === 'added' || e.change === 'removed')).toEqual([]);
  });
});
