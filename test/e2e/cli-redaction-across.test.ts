import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const BIN = resolve(ROOT, 'dist-cli/status-lens.mjs');

/*
 * docs/cli.md: "Reports uploaded from CI carry no credentials". A credential one entry carries by
 * name (an Authorization token, a session cookie) must not reach any report of the built CLI
 * through another entry: a session finding quoting the first entry's request line, a later URL
 * repeating the cookie, an endpoint key of `status-lens diff`. The file is padded past 8 MiB so
 * the default run lints it with worker threads (--jobs), the credentials' entries last.
 */
const token = 'Zq9xT4kLm2PwR7vB';
const sid = 's3ss10nAbCdEf99';
const session = 'S7kQ2mZx9LpW4vRt';
const SECRETS = [token, sid, session];
const api = 'https://api.acme.example';

let dir: string;
let big: string;
let other: string;

function entry(
  at: number,
  method: string,
  url: string,
  headers: Record<string, string>,
  status: number,
  body = '',
  response: Record<string, string> = {},
) {
  return {
    startedDateTime: new Date(Date.UTC(2026, 11, 7, 10) + at).toISOString(),
    time: 10,
    request: {
      method,
      url,
      httpVersion: 'HTTP/1.1',
      headers: Object.entries(headers).map(([name, value]) => ({ name, value })),
    },
    response: {
      status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: Object.entries({ ...(body ? { 'Content-Type': 'application/json' } : {}), ...response }).map(
        ([name, value]) => ({ name, value }),
      ),
      content: { size: body.length, mimeType: body ? 'application/json' : '', text: body },
    },
  };
}

/** The reviewer's capture: three error formats on one API, and a cart fetched where a 201 said. */
function repro(at: number, credentials = true) {
  const h = (x: Record<string, string>) => (credentials ? x : {});
  return [
    entry(
      at,
      'GET',
      `${api}/tokens/${token}`,
      h({ Authorization: `Bearer ${token}` }),
      // The other capture's answer differs, so every report of the diff lists the endpoint.
      credentials ? 500 : 503,
      '{"error":"boom"}',
    ),
    entry(
      at + 100,
      'GET',
      `${api}/sessions/${sid}/cart`,
      h({ Cookie: `sid=${sid}` }),
      404,
      '{"detail":"no cart"}',
    ),
    entry(at + 200, 'GET', `${api}/other`, {}, 400, '{"message":"bad"}'),
    entry(at + 300, 'POST', `${api}/s/carts`, h({ Cookie: `sid=${session}` }), 201, '', {
      Location: `/s/${session}/carts/7`,
    }),
    entry(at + 400, 'GET', `${api}/s/${session}/carts/7`, {}, 404),
  ];
}

function har(path: string, entries: unknown[]) {
  writeFileSync(
    path,
    JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries } }),
  );
}

function statusLens(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', STATUS_LENS_JOBS_STATS: '1' },
    timeout: 120_000,
    maxBuffer: 1 << 28,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" first`);
  dir = mkdtempSync(join(tmpdir(), 'status-lens-across-'));
  big = join(dir, 'big.har');
  other = join(dir, 'other.har');
  // 1,100 assets of 8 KB on another host (no findings to speak of), then the capture.
  const filler = 'x'.repeat(8 << 10);
  const assets = Array.from({ length: 1100 }, (_, i) => {
    const e = entry(i, 'GET', `https://cdn.acme.example/asset/${i}.txt`, {}, 200);
    e.response.content = { size: filler.length, mimeType: 'text/plain', text: filler };
    e.response.headers = [{ name: 'Content-Type', value: 'text/plain' }];
    return e;
  });
  har(big, [...assets, ...repro(2000)]);
  har(other, repro(0, false));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('no report of the built CLI quotes a credential another entry carried', () => {
  it('the padded file is big enough for the workers', () => {
    expect(statSync(big).size).toBeGreaterThan(8 << 20);
  });

  describe.each([
    ['default jobs', []],
    ['--jobs 1', ['--jobs', '1']],
  ])('lint, %s', (_what, jobs) => {
    it.each(['text', 'json', 'sarif', 'junit', 'markdown'])('%s', (format) => {
      const r = statusLens(['lint', '-f', format, ...jobs, big]);
      expect(r.stdout).toMatch(/mixed-error-formats/);
      expect(r.stdout).toMatch(/location-gone/);
      // The other entries are still quoted, by their hidden request lines.
      expect(r.stdout).toMatch(/GET \/tokens\/\\?\[REDACTED\\?\] → 500/);
      for (const s of SECRETS) expect(r.stdout + r.stderr).not.toContain(s);
      if (jobs.length === 0) expect(r.stderr).toMatch(/by workers [1-9]/);
    });
  });

  it.each(['text', 'json', 'markdown'])('diff, %s', (format) => {
    for (const [a, b] of [
      [big, other],
      [other, big],
    ]) {
      const r = statusLens(['diff', '-f', format, a!, b!]);
      expect(r.stdout).toMatch(/\/tokens\/\\?\[REDACTED\\?\]/);
      for (const s of SECRETS) expect(r.stdout + r.stderr).not.toContain(s);
    }
  });
});
