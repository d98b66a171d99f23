import { describe, expect, it } from 'vitest';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import type { Exchange } from '../../../src/core/exchange/types';
import type { JsonState } from '../../../src/core/rules/types';
import { compareHarWithLive, LIVE_CAPTURE } from '../../../src/surfaces/panel/compare/compare-job';
import { LiveCapture } from '../../../src/surfaces/panel/compare/live-capture';
import { createLiveSession } from '../../../src/surfaces/panel/session-analysis';
import { createWorkerAnalyzer } from '../../../src/surfaces/panel/worker-analyzer';
import { COMPARE_NEEDS_WORKER } from '../../../src/surfaces/panel/worker-fallback';
import { isFromWorker, isToWorker } from '../../../src/surfaces/panel/worker-protocol';
import { makeExchange } from '../../helpers/exchange';
import { harDocument, harEntry } from '../../helpers/har';
import { FakeWorker, tick } from '../panel-capture/fakes';

const active = activeRules({ profiles: [], rules: {} });
const J = { 'Content-Type': 'application/json' };

const withId = (id: string, ex: Exchange): Exchange => ({ ...ex, id });

/** What the worker does for each analysed live row. */
function analyse(live: LiveCapture, ex: Exchange) {
  let json: JsonState | undefined;
  const a = analyzeExchange(ex, active, undefined, [], (ctx) => void (json = ctx.json));
  live.record(ex, a.findings, json);
}

const bytes = (doc: unknown) => new TextEncoder().encode(JSON.stringify(doc)).buffer as ArrayBuffer;
const input = (data: ArrayBuffer) => ({
  name: 'baseline.har',
  data,
  bodyCap: 5 * 1024 * 1024,
  active,
  contracts: [],
  toolVersion: 't',
  profiles: [] as string[],
});

describe('Compare with HAR: the worker side', () => {
  it('compares a HAR (before) with the live capture (after) per endpoint', () => {
    const har = harDocument([
      harEntry({
        url: 'https://api.example.com/items/1',
        status: 200,
        headers: J,
        text: '{"id":1,"name":"a"}',
      }),
      harEntry({ url: 'https://api.example.com/gone', status: 200, headers: J, text: '{}' }),
    ]);
    const live = new LiveCapture();
    analyse(
      live,
      withId(
        'r1',
        makeExchange({
          url: 'https://api.example.com/items/7',
          status: 500,
          headers: J,
          body: { error: 'x' },
        }),
      ),
    );
    analyse(
      live,
      withId(
        'r2',
        makeExchange({
          url: 'https://api.example.com/items/8',
          status: 200,
          headers: J,
          body: { id: '8' },
        }),
      ),
    );
    const report = compareHarWithLive(input(bytes(har)), live);
    expect(report.before).toMatchObject({ file: 'baseline.har', entries: 2, exchanges: 2 });
    expect(report.after).toMatchObject({ file: LIVE_CAPTURE, exchanges: 2 });
    const items = report.endpoints.find((e) => e.key === 'GET api.example.com/items/{id}')!;
    expect(items.statusMix?.after).toEqual([
      { status: 200, count: 1 },
      { status: 500, count: 1 },
    ]);
    expect(items.shape[0]).toMatchObject({
      removed: [{ path: '/name', types: ['string'] }],
      changed: [{ path: '/id', before: ['number'], after: ['string'] }],
    });
    expect(report.endpoints.find((e) => e.key === 'GET api.example.com/gone')!.change).toBe('vanished');
  });

  it('follows the live list: a row analysed again replaces its record, dropped and cleared rows go', () => {
    const live = new LiveCapture();
    const ex = withId('a', makeExchange({ url: 'https://x.io/a', status: 200, headers: J, body: {} }));
    analyse(live, ex);
    analyse(live, ex);
    expect(live.summary().endpoints[0]!.count).toBe(1);
    live.forget(['a']);
    expect(live.summary().endpoints).toEqual([]);
    analyse(live, ex);
    live.clear();
    expect(live.size).toBe(0);
  });

  it('compares per-exchange findings on both sides: a session rule’s finding on a live row is not "new"', () => {
    const server = { ...J, Server: 'nginx/1.18.0' };
    const urls = ['https://api.example.com/items/1', 'https://api.example.com/users/1'];
    const har = harDocument(urls.map((url) => harEntry({ url, status: 200, headers: server, text: '{}' })));
    const live = new LiveCapture();
    // As the analysis worker does: the live session's findings join the row's before it is recorded.
    const session = createLiveSession();
    urls.forEach((url, i) => {
      const ex = withId(`r${i}`, makeExchange({ url, status: 200, headers: server, body: {} }));
      const a = analyzeExchange(ex, active);
      session.judge(ex, a);
      if (i === 0) expect(a.findings.map((f) => f.rule)).toContain('security/server-version-disclosure');
      live.record(ex, a.findings, undefined);
    });
    const report = compareHarWithLive(input(bytes(har)), live);
    expect(report.summary.newFindings).toEqual({ error: 0, warning: 0, info: 0 });
    expect(report.endpoints.flatMap((e) => e.newFindings)).toEqual([]);
  });

  it('names the entry of a broken HAR and compares the rest', () => {
    const har = harDocument([
      harEntry({ url: 'https://x.io/a', status: 200 }),
      { request: { method: 'GET' }, response: {} },
    ]);
    const report = compareHarWithLive(input(bytes(har)), new LiveCapture());
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'entry', file: 'baseline.har', index: 1, path: 'log.entries[1]' }),
    ]);
    expect(report.before.exchanges).toBe(1);
  });

  it('names an entry with an empty request URL, as `status-lens diff` does, and still compares it', () => {
    const har = harDocument([
      harEntry({ url: 'https://x.io/a', status: 200 }),
      harEntry({ url: '', status: 500 }),
    ]);
    const report = compareHarWithLive(input(bytes(har)), new LiveCapture());
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'entry', index: 1, path: 'log.entries[1].request.url' }),
    ]);
    expect(report.before.exchanges).toBe(2);
  });

  it('goes through the worker protocol, and is refused on the panel thread when the worker failed', async () => {
    const worker = new FakeWorker();
    const analyzer = createWorkerAnalyzer({ createWorker: () => worker });
    const data = bytes(harDocument([harEntry({ url: 'https://x.io/a', status: 200 })]));
    const answer = analyzer.compareHar!(data, 'b.har', { bodyCap: 1024, ignoreHost: true });
    const [posted] = worker.of('compare/har');
    expect(isToWorker(posted)).toBe(true);
    expect(posted).toMatchObject({ bodyCap: 1024, ignoreHost: true });
    expect(isToWorker({ ...posted, ignoreHost: 'yes' })).toBe(false);
    const report = compareHarWithLive(input(posted!.data as ArrayBuffer), new LiveCapture());
    const reply = { type: 'compare/result' as const, jobId: posted!.jobId as string, report };
    expect(isFromWorker(reply)).toBe(true);
    worker.reply(reply);
    await expect(answer).resolves.toMatchObject({ kind: 'capture-diff' });

    const pending = expect(
      analyzer.compareHar!(bytes(harDocument([])), 'c.har', { bodyCap: 1024, ignoreHost: false }),
    ).rejects.toThrow(COMPARE_NEEDS_WORKER);
    worker.crash();
    await tick();
    await pending;
    await expect(
      analyzer.compareHar!(new ArrayBuffer(0), 'd.har', { bodyCap: 1, ignoreHost: false }),
    ).rejects.toThrow(COMPARE_NEEDS_WORKER);
  });

  it('matches endpoints across hosts when told to ignore them, shapes included (diff --ignore-host)', () => {
    const har = harDocument([
      harEntry({
        url: 'https://api.example.com/items/1',
        status: 200,
        headers: J,
        text: '{"id":1,"name":"a"}',
      }),
    ]);
    const live = new LiveCapture();
    const localhost = (id: string, n: number) =>
      withId(
        id,
        makeExchange({
          url: `http://127.0.0.1:8080/items/${n}`,
          status: 200,
          headers: J,
          body: { id: n, label: 'b' },
        }),
      );
    analyse(live, localhost('r1', 7));
    analyse(live, localhost('r2', 8));

    // By host, nothing matches: the HAR's endpoint vanished, the live one appeared.
    const byHost = compareHarWithLive(input(bytes(har)), live);
    expect(byHost.endpoints.map((e) => [e.key, e.change])).toEqual([
      ['GET 127.0.0.1:8080/items/{id}', 'appeared'],
      ['GET api.example.com/items/{id}', 'vanished'],
    ]);

    const hostless = compareHarWithLive({ ...input(bytes(har)), ignoreHost: true }, live);
    expect(hostless.endpoints).toHaveLength(1);
    const items = hostless.endpoints[0]!;
    expect(items).toMatchObject({ key: 'GET /items/{id}', change: 'changed' });
    expect(items.shape[0]).toMatchObject({
      added: [{ path: '/label', types: ['string'] }],
      removed: [{ path: '/name', types: ['string'] }],
    });
    // The live side's counts are the same either way.
    expect(hostless.after.exchanges).toBe(2);
  });

  it("names the profiles the panel judges with, as the CLI's report does", () => {
    const report = compareHarWithLive(
      { ...input(bytes(harDocument([]))), profiles: ['problem', 'hal'] },
      new LiveCapture(),
    );
    expect(report.profiles).toEqual(['problem', 'hal']);
  });

  it('refuses a malformed answer from the worker', () => {
    expect(isFromWorker({ type: 'compare/result', jobId: '1', report: { version: 2 } })).toBe(false);
  });
});
