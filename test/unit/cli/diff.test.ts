import { describe, expect, it } from 'vitest';
import type { CaptureDiffReport } from '../../../src/core/diff/capture/report';
import { cli, harEntry, harText, writeScratch } from './cli-harness';
import { captureDiffText } from '../../../src/cli/diff/text';
import { paint } from '../../../src/cli/terminal';
import { captureDiffReport } from '../../helpers/capture-diff';

/** A HAR entry with a JSON body and a total time. */
function call(method: string, path: string, status: number, body: unknown, time: number, headers = {}) {
  const e = harEntry({
    method,
    url: `https://api.example.com${path}`,
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
    mimeType: 'application/json',
    text: JSON.stringify(body),
  }) as { time: number };
  e.time = time;
  return e;
}

const BEFORE = [
  call('GET', '/users/1', 200, { id: 1, name: 'a', age: 30 }, 100),
  call('GET', '/users/2', 200, { id: 2, name: 'b', age: 31 }, 110),
  call('POST', '/users', 201, { id: 3 }, 50, { Location: '/users/3' }),
  call('GET', '/legacy', 200, {}, 10),
];
const AFTER = [
  call('GET', '/users/1', 200, { id: '1', name: 'a', email: 'x' }, 400),
  call('GET', '/users/2', 500, { error: 'boom' }, 420),
  call('POST', '/users', 201, { id: 3 }, 50),
  call('GET', '/orders', 200, [], 10),
];

const pair = () => [writeScratch('before.har', harText(BEFORE)), writeScratch('after.har', harText(AFTER))];

describe('status-lens diff', () => {
  it('compares two captures per endpoint in JSON, versioned', async () => {
    const [before, after] = pair();
    const r = await cli(['diff', before!, after!, '--format', 'json']);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as CaptureDiffReport;
    expect(report).toMatchObject({ version: 1, kind: 'capture-diff', failOn: 'error' });
    expect(report.before).toMatchObject({ entries: 4, exchanges: 4, endpoints: 3 });
    const byKey = new Map(report.endpoints.map((e) => [e.key, e]));
    const users = byKey.get('GET api.example.com/users/{id}')!;
    expect(users.change).toBe('changed');
    expect(users.statusMix).toEqual({
      before: [{ status: 200, count: 2 }],
      after: [
        { status: 200, count: 1 },
        { status: 500, count: 1 },
      ],
    });
    expect(users.shape[0]).toMatchObject({
      family: '2xx',
      added: [{ path: '/email', types: ['string'] }],
      removed: [{ path: '/age', types: ['number'] }],
      changed: [{ path: '/id', before: ['number'], after: ['string'] }],
    });
    expect(users.latency).toMatchObject({
      before: { p50: 100, p95: 110 },
      after: { p50: 400, p95: 420 },
      verdict: 'slower',
    });
    expect(byKey.get('POST api.example.com/users')!.newFindings.map((f) => f.rule)).toContain(
      'http/created-location',
    );
    expect(byKey.get('GET api.example.com/orders')!.change).toBe('appeared');
    expect(byKey.get('GET api.example.com/legacy')!.change).toBe('vanished');
    // A new warning does not fail under the default --fail-on error.
    expect(r.code).toBe(0);
    expect(report.summary.failing).toBe(false);
  });

  it('matches endpoints across hosts with --ignore-host (staging against production)', async () => {
    const onHost = (host: string) =>
      BEFORE.map((e) => {
        const c = structuredClone(e) as unknown as { request: { url: string } };
        c.request.url = c.request.url.replace('api.example.com', host);
        return c;
      });
    const staging = writeScratch('staging.har', harText(onHost('staging.example.com')));
    const prod = writeScratch('prod.har', harText(onHost('api.example.com')));
    const plain = JSON.parse(
      (await cli(['diff', staging, prod, '--format', 'json'])).stdout,
    ) as CaptureDiffReport;
    // Without it, every endpoint vanished from one host and appeared on the other.
    expect(plain.summary.endpoints).toMatchObject({ appeared: 3, vanished: 3 });
    const r = await cli(['diff', staging, prod, '--format', 'json', '--ignore-host']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as CaptureDiffReport;
    expect(report.summary.endpoints).toMatchObject({
      before: 3,
      after: 3,
      appeared: 0,
      vanished: 0,
      changed: 0,
    });
    expect(report.endpoints.map((e) => e.key).sort()).toEqual([
      'GET /legacy',
      'GET /users/{id}',
      'POST /users',
    ]);
    expect(report.endpoints.every((e) => e.host === '')).toBe(true);
  });

  it('exits 1 when a new finding is at or over --fail-on, as lint does', async () => {
    const [before, after] = pair();
    const r = await cli(['diff', before!, after!, '--fail-on', 'warning']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/new warning\s+http\/created-location/);
    expect(r.stdout).toContain('✖');
    // Which conventions judged both captures.
    expect(r.stdout).toContain('profiles: none');
    const withProfile = await cli(['diff', before!, after!, '--profile', 'problem']);
    expect(withProfile.stdout).toContain('profiles: problem');
  });

  it('exits 0 for findings both captures have: only new ones count', async () => {
    const same = harText([call('POST', '/users', 201, { id: 3 }, 50)]);
    const r = await cli([
      'diff',
      writeScratch('a.har', same),
      writeScratch('b.har', same),
      '--fail-on',
      'info',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 changed, 0 appeared, 0 vanished, 1 unchanged/);
  });

  it('takes lint options: --rule turns a rule off for both captures', async () => {
    const [before, after] = pair();
    const r = await cli([
      'diff',
      before!,
      after!,
      '--fail-on',
      'warning',
      '--rule',
      'http/created-location=off',
      '--format',
      'json',
    ]);
    const report = JSON.parse(r.stdout) as CaptureDiffReport;
    expect(report.endpoints.flatMap((e) => e.newFindings.map((f) => f.rule))).not.toContain(
      'http/created-location',
    );
  });

  it('writes Markdown for a pull-request comment', async () => {
    const [before, after] = pair();
    const r = await cli(['diff', before!, after!, '--format', 'markdown']);
    expect(r.stdout).toMatch(/^## status-lens diff: /);
    expect(r.stdout).toContain('| Requests | 4 | 4 |');
    expect(r.stdout).toMatch(/\*\*Status:\*\* 200×2 → 200×1, 500×1/);
    expect(r.stdout).toMatch(/\*\*Latency:\*\* slower/);
  });

  it('exits 2 naming the file and the entry when a HAR is broken, and still compares the rest', async () => {
    const [before] = pair();
    const broken = harText([...AFTER.slice(0, 2), { request: { method: 'GET' }, response: {} }]);
    const after = writeScratch('broken.har', broken);
    const r = await cli(['diff', before!, after, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.har:\d+: error: log\.entries\[2\]: /);
    const report = JSON.parse(r.stdout) as CaptureDiffReport;
    expect(report.problems[0]).toMatchObject({ kind: 'entry', index: 2 });
    expect(report.after.exchanges).toBe(2);
  });

  it('exits 2 for a missing file, naming it, and compares nothing (every endpoint would read as appeared)', async () => {
    const [before] = pair();
    for (const format of ['text', 'json']) {
      const r = await cli(['diff', before!, 'nope.har', '--format', format]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('nope.har: error: cannot read: no such file');
      expect(r.stderr).toContain(
        'status-lens: note: 1 input problem: the after capture could not be read, so nothing was compared (exit code 2)',
      );
    }
  });

  it('counts input problems in the plural from two on', async () => {
    const r = await cli(['diff', 'nope.har', 'nor-this.har']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '2 input problems: the before capture and the after capture could not be read, so nothing was compared (exit code 2)',
    );
  });

  it('needs exactly two files and a format diff knows', async () => {
    const [before] = pair();
    let r = await cli(['diff', before!]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^status-lens diff: error: expects two HAR files/);
    r = await cli(['diff', before!, before!, '--format', 'sarif']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format must be one of text, json or markdown/);
    r = await cli(['diff', before!, before!, '--profile', 'nope']);
    expect(r.stderr).toMatch(/Run "status-lens diff --help"/);
  });

  it('reads one of the captures from standard input', async () => {
    const [before] = pair();
    const r = await cli(['diff', before!, '-', '--format', 'json'], { stdin: harText(AFTER) });
    const report = JSON.parse(r.stdout) as CaptureDiffReport;
    expect(report.after).toMatchObject({ file: '<stdin>', exchanges: 4 });
  });

  it('has help', async () => {
    const r = await cli(['diff', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: status-lens diff BEFORE\.har AFTER\.har/);
  });
});

describe('status-lens diff text: requests past the endpoint cap', () => {
  const report = (before: number, after: number) =>
    captureDiffReport({
      endpoints: [],
      totals: {
        endpoints: { before: 1, after: 1, appeared: 0, vanished: 0, changed: 0 },
        exchanges: { before: 1, after: 1 },
        unsummarised: { before, after },
        newFindings: { error: 0, warning: 0, info: 0 },
        resolvedFindings: { error: 0, warning: 0, info: 0 },
      },
    });

  it('counts one request in the singular, more in the plural', () => {
    expect(captureDiffText(report(1, 0), paint(false))).toContain(
      '1 request to endpoints past the first 5,000 per capture was not compared',
    );
    expect(captureDiffText(report(1, 2), paint(false))).toContain(
      '3 requests to endpoints past the first 5,000 per capture were not compared',
    );
  });
});
