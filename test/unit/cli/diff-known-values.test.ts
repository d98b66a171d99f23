import { describe, expect, it } from 'vitest';
import { cli, harText, timedEntry, writeScratch } from './cli-harness';

/*
 * `status-lens diff` names endpoints by their redacted routes. A route repeating a credential
 * the capture carries by name (an Authorization token, a cookie, a header the settings list)
 * printed it in the text, JSON (`key`, `path`) and Markdown reports, where lint hides it.
 */
const token = 'Zq9xT4kLm2PwR7vB';
const sid = 's3ss10nAbCdEf99';
const tenant = 'tEnAnT4421pass';
const session = 'S7kQ2mZx9LpW4vRt';
const api = 'https://api.acme.example';
const json = 'application/json';

const before = [
  timedEntry(0, 10, {
    url: `${api}/tokens/${token}`,
    requestHeaders: { Authorization: `Bearer ${token}` },
    status: 500,
    mimeType: json,
    text: '{"error":"boom"}',
  }),
  timedEntry(100, 10, {
    url: `${api}/sessions/${sid}/cart`,
    requestHeaders: { Cookie: `sid=${sid}` },
    status: 404,
    mimeType: json,
    text: '{"detail":"no cart"}',
  }),
  timedEntry(200, 10, { url: `${api}/other`, status: 400, mimeType: json, text: '{"message":"bad"}' }),
  timedEntry(300, 10, {
    url: `${api}/tenants/${tenant}/plan`,
    requestHeaders: { 'X-Tenant-Pass': tenant },
    status: 200,
    mimeType: json,
    text: '{}',
  }),
  // Only the POST carried the session id by name; the GET at its Location repeats it.
  timedEntry(400, 10, {
    method: 'POST',
    url: `${api}/s/carts`,
    requestHeaders: { Cookie: `sid=${session}` },
    status: 201,
    headers: { Location: `/s/${session}/carts/7` },
  }),
  timedEntry(500, 10, { url: `${api}/s/${session}/carts/7`, status: 404 }),
  timedEntry(600, 10, { url: `${api}/users/12345678`, status: 200, mimeType: json, text: '{}' }),
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
        '/s/carts',
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
