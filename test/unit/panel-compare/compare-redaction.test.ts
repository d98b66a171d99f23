import { describe, expect, it, vi } from 'vitest';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import type { Exchange } from '../../../src/core/exchange/types';
import { MemoryNetworkSource, MemorySettingsStore } from '../../../src/adapters/memory';
import { defaultSettings } from '../../../src/core/settings/schema';
import { createPanelStore } from '../../../src/state/panel-store';
import { startCapture } from '../../../src/surfaces/panel/capture';
import { compareHarWithLive } from '../../../src/surfaces/panel/compare/compare-job';
import { LiveCapture } from '../../../src/surfaces/panel/compare/live-capture';
import { createWorkerAnalyzer } from '../../../src/surfaces/panel/worker-analyzer';
import { isToWorker } from '../../../src/surfaces/panel/worker-protocol';
import { makeExchange } from '../../helpers/exchange';
import { harDocument, harEntry } from '../../helpers/har';
import { FakeWorker } from '../panel-capture/fakes';

/*
 * "Compare with HAR…" shows example finding messages and endpoint routes of both captures.
 * What the user's redaction lists name (a header, a body member) is hidden there as in exports:
 * a value sent under a listed header and quoted by a database error, a listed member's value
 * as a `;name=` path parameter of the route.
 */
const secret = 'Qz7mW2xPLk94';
const pathSecret = 'Wq8nR3yTLp52';
const carts = `https://api.example.com/v1/carts;tenantRef=${pathSecret}/items`;
const orders = `https://api.example.com/v1/orders;tenantRef=${pathSecret}/lines`;
const dbError = `Error: ER_DUP_ENTRY: Duplicate entry '${secret}' for key 'sessions.PRIMARY'`;
const sent = { 'X-Tenant-Pass': secret };
const T = { 'Content-Type': 'text/plain' };
/** A call that failed with the database error, or went well. */
const call = (failed: boolean) =>
  failed ? { status: 500, headers: T, text: dbError } : { status: 200, headers: T, text: 'ok' };

const active = activeRules({ profiles: [], rules: {} });

function listed() {
  const settings = defaultSettings();
  settings.redaction.headers.push('x-tenant-pass');
  settings.redaction.bodyMembers.push('tenantref');
  return settings;
}

/** What the analysis worker does for each analysed live row. */
function analyse(live: LiveCapture, ex: Exchange) {
  live.record(ex, analyzeExchange(ex, active).findings, undefined);
}

/**
 * The baseline HAR (an older run of the same calls) compared with the live rows: the carts call
 * fails only live (a new finding, its example from the live record), the orders call only in the
 * HAR (a resolved one, its example from the HAR).
 */
function compare(live: LiveCapture): string {
  const har = harDocument([
    harEntry({ url: carts, requestHeaders: sent, ...call(false) }),
    harEntry({ url: orders, requestHeaders: sent, ...call(true) }),
  ]);
  for (const [url, failed] of [
    [carts, true],
    [orders, false],
  ] as const) {
    const { status, headers, text } = call(failed);
    analyse(live, { ...makeExchange({ url, status, requestHeaders: sent, headers, body: text }), id: url });
  }
  const data = new TextEncoder().encode(JSON.stringify(har)).buffer as ArrayBuffer;
  const report = compareHarWithLive(
    { name: 'baseline.har', data, bodyCap: 1 << 20, active, contracts: [], toolVersion: 't', profiles: [] },
    live,
  );
  const examples = report.endpoints.flatMap((e) => [...e.newFindings, ...e.resolvedFindings]);
  expect(examples.filter((f) => f.example.includes('Duplicate entry'))).toHaveLength(2);
  return JSON.stringify(report);
}

describe("Compare with HAR hides by the user's redaction lists, on both sides", () => {
  it('hides a listed header’s value in example messages and a listed member in routes', () => {
    const live = new LiveCapture();
    live.redactWith(listed());
    const report = compare(live);
    expect(report).toContain('carts;tenantRef=[REDACTED]');
    expect(report).not.toContain(secret);
    expect(report).not.toContain(pathSecret);
  });

  it('without the lists both are ordinary names, and their values show', () => {
    const report = compare(new LiveCapture());
    expect(report).toContain(secret);
    expect(report).toContain(pathSecret);
  });

  it('records made before the lists changed are hidden by the new lists once analysed again', () => {
    const live = new LiveCapture();
    const ex = makeExchange({ url: carts, status: 500, requestHeaders: sent, headers: T, body: dbError });
    analyse(live, ex);
    live.redactWith(listed());
    analyse(live, ex);
    expect(JSON.stringify(live.summary())).not.toContain(pathSecret);
  });

  it('the panel sends its lists to the worker, and analyses every row again when they change', async () => {
    const worker = new FakeWorker();
    const settingsStore = new MemorySettingsStore(defaultSettings());
    const source = new MemoryNetworkSource();
    const store = createPanelStore({ settings: defaultSettings() });
    startCapture({
      source,
      store,
      analyzer: createWorkerAnalyzer({ createWorker: () => worker }),
      settings: settingsStore,
      flushMs: 0,
    });
    const [first] = worker.of('configure');
    expect(isToWorker(first)).toBe(true);
    expect(first).toMatchObject({ redaction: { headers: defaultSettings().redaction.headers } });
    source.emit(harEntry({ url: 'https://api.example.com/v1/me', status: 200 }));
    await vi.waitFor(() => expect(worker.of('analyze')).toHaveLength(1));
    const id = store.getState().rows[0]!.exchange.id;
    await settingsStore.save(listed());
    await vi.waitFor(() => expect(worker.of('configure')).toHaveLength(2));
    expect(worker.of('configure')[1]).toMatchObject({ redaction: { bodyMembers: ['tenantref'] } });
    // After the new lists, the listed row is analysed again (its record is hidden by them).
    const again = worker.posted.slice(worker.posted.indexOf(worker.of('configure')[1]!));
    expect(
      again.filter((m) => m.type === 'analyze').map((m) => (m.exchanges as { id: string }[])[0]!.id),
    ).toEqual([id]);
  });
});

describe('Compare with HAR hides what either side carries by name in every route', () => {
  const token = 'Zq9xT4kLm2PwR7vB';
  const session = 'S7kQ2mZx9LpW4vRt';
  const tokens = `https://api.acme.example/tokens/${token}`;
  const carts = `https://api.acme.example/s/${session}/carts/7`;

  it('a token the live row sends as its Authorization, and a cookie only the HAR sent', () => {
    const live = new LiveCapture();
    for (const [url, requestHeaders] of [
      [tokens, { Authorization: `Bearer ${token}` }],
      [carts, {}],
    ] as const)
      analyse(live, { ...makeExchange({ url, status: 404, requestHeaders }), id: url });
    const har = harDocument([
      harEntry({ url: tokens, status: 200 }),
      harEntry({
        method: 'POST',
        url: 'https://api.acme.example/s/carts',
        status: 201,
        requestHeaders: { Cookie: `sid=${session}` },
      }),
      harEntry({ url: carts, status: 200 }),
    ]);
    const data = new TextEncoder().encode(JSON.stringify(har)).buffer as ArrayBuffer;
    const report = compareHarWithLive(
      { name: 'baseline.har', data, bodyCap: 1 << 20, active, contracts: [], toolVersion: 't', profiles: [] },
      live,
    );
    const keys = report.endpoints.map((e) => `${e.key} ${e.change}`);
    expect(JSON.stringify(report)).not.toContain(token);
    expect(JSON.stringify(report)).not.toContain(session);
    // One endpoint on both sides, not a vanished one and a new one.
    expect(keys).toContain('GET api.acme.example/tokens/[REDACTED] changed');
    expect(keys).toContain('GET api.acme.example/s/[REDACTED]/carts/{id} changed');
  });
});
