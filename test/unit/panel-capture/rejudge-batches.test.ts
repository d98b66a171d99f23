import { describe, expect, it, vi } from 'vitest';
import { MemoryNetworkSource, MemorySettingsStore } from '../../../src/adapters/memory';
import { defaultSettings, type Settings } from '../../../src/core/settings/schema';
import { createPanelStore, type PanelStore } from '../../../src/state/panel-store';
import { createInlineAnalyzer, type Analyzer } from '../../../src/surfaces/panel/analyzer';
import { ANALYZE_BATCH_ROWS, ANALYZE_IN_FLIGHT } from '../../../src/surfaces/panel/analyze-outbox';
import { startCapture } from '../../../src/surfaces/panel/capture';
import { createWorkerAnalyzer } from '../../../src/surfaces/panel/worker-analyzer';
import { isToWorker, type ToWorker } from '../../../src/surfaces/panel/worker-protocol';
import { makeExchange } from '../../helpers/exchange';
import { FakeWorker, J, tick } from './fakes';

const ROWS = 2 * ANALYZE_BATCH_ROWS + 100;
const API = 'https://api.example.com';

/** Live rows as capture lists them: invalid JSON each, so body/invalid-json says which settings judged it. */
function addLiveRows(store: PanelStore, from: number, n: number) {
  store.getState().addRows(
    Array.from({ length: n }, (_, i) => ({
      exchange: {
        ...makeExchange({ url: `${API}/broken/${from + i}`, status: 200, headers: J, body: '{' }),
        id: `live-${from + i}`,
      },
    })),
  );
}

const ruleOff = (id: string): Settings => ({ ...defaultSettings(), rules: { [id]: 'off' } });
/** A session rule's threshold changed: the live session begins again (a replay). */
const sessionTuned = (): Settings => ({
  ...defaultSettings(),
  ruleOptions: { 'session/n-plus-one': { minCalls: 3 } },
});

type Sent = { type: string; session?: string; replay?: boolean; exchanges?: { id: string }[] };
const analyzeSent = (w: FakeWorker) => w.of('analyze') as Sent[];
const idsOf = (sent: Sent[]) => sent.flatMap((m) => m.exchanges!.map((e) => e.id));

function setup(worker: FakeWorker = new FakeWorker()) {
  const store = createPanelStore();
  const analyzer = createWorkerAnalyzer({ createWorker: () => worker });
  const settings = new MemorySettingsStore();
  startCapture({ source: new MemoryNetworkSource(), store, analyzer, settings, flushMs: 0 });
  return { store, analyzer, settings, worker };
}

describe('a settings change over many rows goes to the worker in bounded batches', () => {
  it('in arrival order, a few at a time, the session beginning again once, at the first batch', async () => {
    const { store, settings, worker } = setup();
    addLiveRows(store, 0, ROWS);
    await settings.save(sessionTuned());
    // Two batches in the worker's hands; the rest wait for it to finish one.
    expect(analyzeSent(worker)).toHaveLength(ANALYZE_IN_FLIGHT);
    for (let i = 0; i < 10; i++) worker.reply({ type: 'analyzed' });
    const sent = analyzeSent(worker);
    expect(sent.every(isToWorker)).toBe(true);
    expect(sent).toHaveLength(Math.ceil(ROWS / ANALYZE_BATCH_ROWS));
    expect(sent.every((m) => m.exchanges!.length <= ANALYZE_BATCH_ROWS)).toBe(true);
    expect(idsOf(sent)).toEqual(Array.from({ length: ROWS }, (_, i) => `live-${i}`));
    expect(sent.map((m) => m.replay === true)).toEqual([true, ...sent.slice(1).map(() => false)]);
  });

  it('a search typed meanwhile reaches the worker between batches, not after them all', async () => {
    const { store, settings, worker, analyzer } = setup();
    addLiveRows(store, 0, ROWS);
    await settings.save(ruleOff('body/invalid-json'));
    analyzer.search(1, [{ kind: 'body', text: 'x' }] as never);
    worker.reply({ type: 'analyzed' });
    const order = worker.posted.map((m) => m.type).filter((t) => t === 'analyze' || t === 'search');
    expect(order).toEqual(['analyze', 'analyze', 'search', 'analyze']);
  });

  it('rows captured during the re-judge are judged after it, in the session’s order', async () => {
    const { store, settings, worker, analyzer } = setup();
    addLiveRows(store, 0, ROWS);
    await settings.save(sessionTuned());
    // A row captured now: listed, and analysed as capture's flush does.
    addLiveRows(store, ROWS, 1);
    analyzer.analyze([store.getState().rows.at(-1)!.exchange]);
    for (let i = 0; i < 10; i++) worker.reply({ type: 'analyzed' });
    expect(idsOf(analyzeSent(worker))).toEqual(Array.from({ length: ROWS + 1 }, (_, i) => `live-${i}`));
  });

  it('a newer change supersedes the unsent rest of an older one; the older one’s replay still happens once', async () => {
    const { store, settings, worker } = setup();
    addLiveRows(store, 0, ROWS);
    await settings.save(sessionTuned());
    // The same session rules, another per-exchange rule: no replay of its own.
    await settings.save({ ...sessionTuned(), rules: { 'body/invalid-json': 'off' } });
    for (let i = 0; i < 10; i++) worker.reply({ type: 'analyzed' });
    const sent = analyzeSent(worker);
    const messages = worker.posted.filter((m) => m.type === 'configure' || m.type === 'analyze') as Sent[];
    const newest = messages.map((m) => m.type).lastIndexOf('configure');
    // The older change's batches already sent, then the newer settings, then all rows again.
    expect(messages.slice(0, newest).filter((m) => m.type === 'analyze')).toHaveLength(ANALYZE_IN_FLIGHT);
    expect(idsOf(messages.slice(newest + 1))).toEqual(Array.from({ length: ROWS }, (_, i) => `live-${i}`));
    expect(sent.filter((m) => m.replay)).toHaveLength(1);
  });

  it('a change superseding one whose replay had not been sent yet replays in its stead', async () => {
    const { store, settings, worker } = setup();
    addLiveRows(store, 0, 3 * ANALYZE_BATCH_ROWS);
    // Rows listed before: the worker is busy with them when the change comes.
    await settings.save(ruleOff('http/created-location'));
    expect(analyzeSent(worker)).toHaveLength(ANALYZE_IN_FLIGHT);
    await settings.save(sessionTuned());
    await settings.save({ ...sessionTuned(), rules: { 'body/invalid-json': 'off' } });
    for (let i = 0; i < 10; i++) worker.reply({ type: 'analyzed' });
    const unsentYet = analyzeSent(worker).slice(ANALYZE_IN_FLIGHT);
    expect(unsentYet[0]!.replay).toBe(true);
    expect(unsentYet.slice(1).some((m) => m.replay)).toBe(false);
    expect(idsOf(unsentYet)).toEqual(Array.from({ length: 3 * ANALYZE_BATCH_ROWS }, (_, i) => `live-${i}`));
  });
});

describe('rows waiting to be sent', () => {
  it('a Clear drops them: the worker hears nothing of the cleared rows after the clear', async () => {
    const { store, settings, worker, analyzer } = setup();
    addLiveRows(store, 0, ROWS);
    await settings.save(ruleOff('body/invalid-json'));
    analyzer.endpoints({ type: 'endpoints/clear' });
    for (let i = 0; i < 10; i++) worker.reply({ type: 'analyzed' });
    const types = worker.posted.map((m) => m.type);
    expect(types.slice(types.indexOf('endpoints/clear'))).not.toContain('analyze');
  });

  it('a failed worker leaves them to the panel, which analyses every row once', async () => {
    const { store, settings, worker, analyzer } = setup();
    addLiveRows(store, 0, ROWS);
    await settings.save(ruleOff('body/invalid-json'));
    const analysed: string[] = [];
    analyzer.onResults((results) => analysed.push(...results.map((r) => r.id)));
    worker.crash();
    // The panel's thread analyses them a batch per task too (inline-batches.ts).
    await vi.waitFor(() => expect(analysed.length).toBeGreaterThanOrEqual(ROWS));
    await tick(10);
    expect(analysed.sort()).toEqual(Array.from({ length: ROWS }, (_, i) => `live-${i}`).sort());
  });
});

/**
 * A worker that analyses as analysis.worker.ts does (the inline analyzer's engine and sessions),
 * one message per task, answering each `analyze` with its results and `analyzed`.
 */
class EngineWorker extends FakeWorker {
  private engine: Analyzer = createInlineAnalyzer();
  private inbox: ToWorker[] = [];
  constructor() {
    super();
    this.engine.onResults((results) => this.reply({ type: 'results', results }));
  }
  override postMessage(message: unknown) {
    super.postMessage(message);
    this.inbox.push(message as ToWorker);
    setTimeout(() => this.next(), 0);
  }
  private next() {
    const m = this.inbox.shift()!;
    if (m.type === 'configure') this.engine.configure(m.settings);
    if (m.type !== 'analyze') return;
    this.engine.analyze(m.exchanges, {
      ...(m.session ? { session: m.session } : {}),
      ...(m.replay ? { replay: true } : {}),
    });
    this.reply({ type: 'analyzed' });
  }
}

describe('through a worker that analyses', () => {
  it('the newest settings have the last word, however the batches of two changes interleave', async () => {
    const { store, settings, analyzer } = setup(new EngineWorker());
    addLiveRows(store, 0, ROWS);
    analyzer.analyze(store.getState().rows.map((r) => r.exchange));
    const flagged = () =>
      store.getState().rows.filter((r) => r.analysis?.findings.some((f) => f.rule === 'body/invalid-json'));
    await vi.waitFor(() => expect(flagged()).toHaveLength(ROWS));
    await settings.save(ruleOff('body/invalid-json'));
    await tick();
    // Back on before the first change's rows are all judged again.
    await settings.save(defaultSettings());
    await vi.waitFor(() => expect(flagged()).toHaveLength(ROWS));
    // And it stays so: no result by the older settings arrives afterwards.
    await tick(20);
    expect(flagged()).toHaveLength(ROWS);
  });
});
