import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { generateApiHar, generateHar } from '../../scripts/gen-har.mjs';

const ROOT = resolve(__dirname, '../..');
const BIN = resolve(ROOT, 'dist-cli/status-lens.mjs');

/**
 * `lint --jobs N` splits the entries across worker threads once the input passes 8 MiB: the
 * report must be the very same as linting on one thread, entry order included, whatever the
 * format, and a file cut short keeps the entries before the break as it does in-thread.
 */
let dir: string;
let api: string;
let mixed: string;

/** `status-lens lint`; `stats`: with STATUS_LENS_JOBS_STATS, so stderr says who linted the batches. */
function lint(args: string[], stats = false) {
  const r = spawnSync(process.execPath, [BIN, 'lint', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...(stats ? { STATUS_LENS_JOBS_STATS: '1' } : {}) },
    timeout: 120_000,
    maxBuffer: 1 << 30,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('status-lens lint --jobs', () => {
  beforeAll(async () => {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" first`);
    dir = mkdtempSync(join(tmpdir(), 'status-lens-jobs-'));
    api = join(dir, 'api.har');
    mixed = join(dir, 'mixed.har');
    await generateApiHar({ out: api, entries: 1600 });
    await generateHar({ out: mixed, entries: 700, seed: 3, largeEvery: 300 });
    expect(statSync(api).size).toBeGreaterThan(9 << 20);
    expect(statSync(mixed).size).toBeGreaterThan(9 << 20);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const format of ['json', 'sarif', 'text']) {
    it(`writes the same ${format} report with 1 and 3 jobs`, () => {
      for (const file of [api, mixed]) {
        const one = lint([file, 'api.har', '--format', format, '--fail-on', 'warning', '--jobs', '1']);
        const three = lint([file, 'api.har', '--format', format, '--fail-on', 'warning', '--jobs', '3']);
        expect(three.stderr).toBe(one.stderr);
        expect(three.code).toBe(one.code);
        expect(three.stdout.length).toBeGreaterThan(10_000);
        expect(three.stdout).toBe(one.stdout);
      }
    });
  }

  it('splits the batches between the main thread and the workers, and writes the same report', async () => {
    // --jobs 2 is the main thread and one worker: while the worker starts and works through its
    // three batches, the main thread lints the next ones itself.
    const big = join(dir, 'big.har');
    await generateApiHar({ out: big, entries: 6000 });
    const one = lint([big, '--format', 'json', '--fail-on', 'none', '--jobs', '1']);
    const r = lint([big, '--format', 'json', '--fail-on', 'none', '--jobs', '2'], true);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(one.stdout);
    const m =
      /batches linted on the main thread (\d+), by workers (\d+); entries linted before the workers started (\d+)/.exec(
        r.stderr,
      );
    expect(m, r.stderr).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(0);
    expect(Number(m![2])).toBeGreaterThan(0);
    // A file's size is known: the worker starts with its first chunk, not once 8 MiB were linted alone.
    expect(Number(m![3])).toBe(0);

    // Standard input's size is not: the first 8 MiB are linted here while the worker would not pay.
    const piped = spawnSync(
      process.execPath,
      [BIN, 'lint', '-', '--format', 'json', '--fail-on', 'none', '--jobs', '2'],
      {
        cwd: dir,
        input: readFileSync(big),
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', STATUS_LENS_JOBS_STATS: '1' },
        timeout: 120_000,
        maxBuffer: 1 << 30,
      },
    );
    expect(piped.status).toBe(0);
    const alone = /entries linted before the workers started (\d+)/.exec(piped.stderr);
    expect(alone, piped.stderr).not.toBeNull();
    expect(Number(alone![1])).toBeGreaterThan(0);
    // The same exchanges and findings; only the file's name differs.
    const entriesOf = (report: string) =>
      (JSON.parse(report) as { exchanges: { file: string }[] }).exchanges.map((x) => ({ ...x, file: '' }));
    expect(entriesOf(piped.stdout)).toEqual(entriesOf(one.stdout));
    rmSync(big);
  });

  it('lists an out-of-order file in request order, the same with 1 and 3 jobs, in every format (#16)', () => {
    // The API HAR with its entries in a shuffled order (a recorder that logs as responses finish).
    const har = JSON.parse(readFileSync(api, 'utf8')) as { log: { entries: { startedDateTime: string }[] } };
    const entries = har.log.entries;
    for (let i = entries.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1);
      [entries[i], entries[j]] = [entries[j]!, entries[i]!];
    }
    const shuffled = join(dir, 'shuffled.har');
    writeFileSync(shuffled, JSON.stringify(har, null, 1));
    expect(statSync(shuffled).size).toBeGreaterThan(9 << 20);
    for (const format of ['json', 'sarif', 'text', 'junit', 'markdown']) {
      const one = lint([shuffled, '--format', format, '--fail-on', 'none', '--jobs', '1']);
      const three = lint([shuffled, '--format', format, '--fail-on', 'none', '--jobs', '3']);
      expect(three.stderr, format).toBe(one.stderr);
      expect(three.stdout, format).toBe(one.stdout);
      if (format !== 'json') continue;
      const listed = (JSON.parse(one.stdout) as { exchanges: { index: number }[] }).exchanges.map(
        (e) => e.index,
      );
      const starts = listed.map((i) => Date.parse(entries[i]!.startedDateTime));
      expect(listed).toHaveLength(entries.length);
      expect(listed).not.toEqual([...listed].sort((a, b) => a - b));
      expect(starts.every((t, k) => k === 0 || starts[k - 1]! <= t)).toBe(true);
    }
  });

  it('keeps the entries before the break of a file cut short', () => {
    const cut = join(dir, 'cut.har');
    const bytes = readFileSync(api);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 5000));
    const one = lint([cut, '--format', 'json', '--jobs', '1']);
    const two = lint([cut, '--format', 'json', '--jobs', '2']);
    expect(one.code).toBe(2);
    expect(two.code).toBe(2);
    expect(two.stdout).toBe(one.stdout);
    const report = JSON.parse(two.stdout) as { exchanges: unknown[]; problems: { kind: string }[] };
    expect(report.exchanges.length).toBe(1599);
    expect(report.problems.map((p) => p.kind)).toEqual(['file']);
  });

  it('names a user profile whose scope matched no entry, once per file, the same with 1 and 3 jobs', () => {
    const profile = (id: string, url: string) => {
      const file = join(dir, `${id}.json`);
      writeFileSync(
        file,
        JSON.stringify({
          id,
          name: id,
          summary: 'Errors carry a code.',
          source: 'https://acme.example/guide',
          scope: { urls: [url] },
          body: { error: { required: ['code'] } },
        }),
      );
      return file;
    };
    // Scoped to a host the generated traffic never calls; the other to one it does.
    const nowhere = profile('nowhere', 'https://api.acme.test/v1/*');
    const shop = profile('shop', 'https://shop.example.net/*');
    // Two files (the same one given twice is linted once): the warning comes once for each.
    copyFileSync(api, join(dir, 'api-copy.har'));
    const args = [api, 'api-copy.har', '--profile-file', nowhere, '--profile-file', shop, '--format', 'json'];
    const one = lint([...args, '--fail-on', 'none', '--jobs', '1']);
    const three = lint([...args, '--fail-on', 'none', '--jobs', '3'], true);
    // The workers linted batches: the scopes each entry matched came back from them.
    expect(Number(/by workers (\d+)/.exec(three.stderr)?.[1])).toBeGreaterThan(0);
    const warning = (file: string) =>
      `${file}: warning: profile "nowhere" matched none of the 1600 entries (scope: API calls to https://api.acme.test/v1/*)`;
    const warnings = (stderr: string) => stderr.split('\n').filter((l) => l.includes(': warning: profile'));
    expect(warnings(one.stderr)).toEqual([warning(api), warning('api-copy.har')]);
    expect(warnings(three.stderr)).toEqual(warnings(one.stderr));
    expect(three.stdout).toBe(one.stdout);
    expect(one.stdout).not.toContain('matched none');
  });

  it('names an OpenAPI description whose scope held no entry, once per file, the same with 1 and 3 jobs', () => {
    const description = (name: string, server: string) => {
      const file = join(dir, name);
      writeFileSync(
        file,
        `openapi: 3.0.3\ninfo: { title: ${name}, version: "1" }\nservers: [ { url: "${server}" } ]\npaths: {}\n`,
      );
      return file;
    };
    // One at a host the generated traffic never calls; the other at the one it does.
    const nowhere = description('nowhere.yaml', 'https://api.acme.test/v1');
    const shop = description('shop.yaml', 'https://shop.example.net');
    const args = [api, '--openapi', nowhere, '--openapi', shop, '--format', 'json', '--fail-on', 'none'];
    const one = lint([...args, '--jobs', '1']);
    const three = lint([...args, '--jobs', '3'], true);
    // The workers linted batches: which descriptions held each entry came back from them.
    expect(Number(/by workers (\d+)/.exec(three.stderr)?.[1])).toBeGreaterThan(0);
    const warnings = (stderr: string) => stderr.split('\n').filter((l) => l.includes(': warning: OpenAPI'));
    expect(warnings(one.stderr)).toEqual([
      `${api}: warning: OpenAPI description ${nowhere} matched none of the 1600 entries (scope: https://api.acme.test/v1/*, from its servers or the base URL given for it)`,
    ]);
    expect(warnings(three.stderr)).toEqual(warnings(one.stderr));
    expect(three.stdout).toBe(one.stdout);
  });

  it('applies a profile’s session-rule adjustments inside its scope, the same with 1 and 3 jobs', () => {
    // The scope is judged where the whole exchange is (the worker), the session on the main thread.
    const file = join(dir, 'quiet-shop.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'quiet-shop',
        name: 'Shop',
        summary: 'The shop fetches its cart twice on purpose.',
        source: 'https://acme.example/guide',
        scope: { urls: ['https://shop.example.net/*'] },
        rules: { 'session/duplicate-request': 'off' },
      }),
    );
    const args = [api, '--profile-file', file, '--format', 'json', '--fail-on', 'none'];
    const three = lint([...args, '--jobs', '3'], true);
    expect(Number(/by workers (\d+)/.exec(three.stderr)?.[1])).toBeGreaterThan(0);
    const one = lint([...args, '--jobs', '1']);
    expect(three.stdout).toBe(one.stdout);
    const without = lint([api, '--format', 'json', '--fail-on', 'none', '--jobs', '3']);
    /** Duplicate-request findings by host. */
    const duplicates = (stdout: string) => {
      const hosts: Record<string, number> = {};
      for (const e of (JSON.parse(stdout) as { exchanges: { url: string; findings: { rule: string }[] }[] })
        .exchanges)
        for (const f of e.findings)
          if (f.rule === 'session/duplicate-request') {
            const host = new URL(e.url).host;
            hosts[host] = (hosts[host] ?? 0) + 1;
          }
      return hosts;
    };
    const before = duplicates(without.stdout);
    const after = duplicates(three.stdout);
    expect(before['shop.example.net']).toBeGreaterThan(0);
    expect(after['shop.example.net']).toBeUndefined();
    // Other hosts keep theirs.
    expect(after).toEqual({ ...before, 'shop.example.net': undefined });
  });

  it('hides in session findings a token the entry sends in its Authorization, the same with 1 and 3 jobs, in every format', () => {
    // A token sent in the Authorization header and repeated in the query under a name no list
    // knows (`?t=`): a retried 429 and two calls in flight together, whose session findings
    // quote the request line. Three such runs, at the start, the middle and the end of the file,
    // so workers lint some of them; session findings are made on the main thread.
    const token = 'Qz7mW2xPLk94';
    const har = JSON.parse(readFileSync(api, 'utf8')) as { log: { entries: object[] } };
    const run = (minute: number) => {
      const at = (
        ms: number,
        time: number,
        status = 200,
        headers: { name: string; value: string }[] = [],
      ) => ({
        // As little as the reader needs: the generated entries around it carry the rest.
        startedDateTime: new Date(Date.UTC(2024, 4, 1, 9, minute) + ms).toISOString(),
        time,
        request: {
          method: 'GET',
          url: `https://api.example.com/v1/feed?t=${token}`,
          httpVersion: 'HTTP/1.1',
          headers: [{ name: 'Authorization', value: `Bearer ${token}` }],
        },
        response: {
          status,
          statusText: '',
          httpVersion: 'HTTP/1.1',
          headers,
          content: { size: 0, mimeType: '' },
        },
      });
      return [
        at(0, 100, 429, [{ name: 'Retry-After', value: '5' }]),
        at(150, 50),
        at(1000, 200),
        at(1020, 200),
      ];
    };
    const entries = har.log.entries;
    entries.splice(entries.length, 0, ...run(40));
    entries.splice(entries.length >> 1, 0, ...run(20));
    entries.splice(0, 0, ...run(0));
    const file = join(dir, 'token.har');
    writeFileSync(file, JSON.stringify(har, null, 1));
    expect(statSync(file).size).toBeGreaterThan(9 << 20);
    for (const format of ['json', 'sarif', 'text', 'junit', 'markdown']) {
      const one = lint([file, '--format', format, '--fail-on', 'none', '--jobs', '1']);
      const three = lint([file, '--format', format, '--fail-on', 'none', '--jobs', '3'], true);
      expect(Number(/by workers (\d+)/.exec(three.stderr)?.[1]), format).toBeGreaterThan(0);
      expect(three.stdout, format).toBe(one.stdout);
      expect(one.stdout, format).toContain('session/retry-too-soon');
      expect(one.stdout, format).toContain('/v1/feed?t=');
      expect(one.stdout, format).not.toContain(token);
      expect(three.stderr, format).not.toContain(token);
    }
    rmSync(file);
  });

  it('refuses a --jobs that is not a whole number from 1 to 64', () => {
    for (const bad of ['0', '-1', '2.5', 'many', '65']) {
      const r = lint([api, '--jobs', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--jobs must be a whole number from 1 to 64');
    }
  });
});
