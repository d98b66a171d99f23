import { describe, expect, it, vi } from 'vitest';
import { MemoryNetworkSource, MemorySettingsStore } from '../../../src/adapters/memory';
import { defaultSettings, type Settings } from '../../../src/core/settings/schema';
import { createPanelStore, type PanelStore } from '../../../src/state/panel-store';
import { openingSettings } from '../../../src/state/settings-start';
import { createInlineAnalyzer } from '../../../src/surfaces/panel/analyzer';
import { startCapture } from '../../../src/surfaces/panel/capture';
import { createEndpointsFeed } from '../../../src/surfaces/panel/endpoints-feed';
import { createImporter } from '../../../src/surfaces/panel/importer';
import { makeExchange } from '../../helpers/exchange';
import { harDocument, harEntry } from '../../helpers/har';
import { isToWorker } from '../../../src/surfaces/panel/worker-protocol';
import { createWorkerAnalyzer } from '../../../src/surfaces/panel/worker-analyzer';
import type { AnalysisResult } from '../../../src/surfaces/panel/analyzer';
import { FakeWorker, J } from './fakes';

/**
 * A settings store whose change events the test delivers: chrome.storage holds the new value
 * (a load reads it) a moment before onChanged reaches the panel.
 */
class LateSettingsStore extends MemorySettingsStore {
  private late = new Set<(s: Settings) => void>();
  override subscribe(listener: (s: Settings) => void) {
    this.late.add(listener);
    return () => void this.late.delete(listener);
  }
  /** Stored, not yet announced. */
  store(settings: Settings) {
    this.current = structuredClone(settings);
  }
  announce() {
    for (const l of this.late) l(structuredClone(this.current));
  }
}

const API = 'https://api.example.com';
/** GET /users, then `n` item fetches: session/n-plus-one from `minCalls: n` (the default is 5). */
function listThenItems(n: number, at = '2026-11-22T10:00:00.000Z') {
  const t = Date.parse(at);
  const when = (ms: number) => new Date(t + ms).toISOString();
  return [
    { ...harEntry({ url: `${API}/users`, status: 200, headers: J, text: '[]' }), startedDateTime: when(0) },
    ...Array.from({ length: n }, (_, i) => ({
      ...harEntry({ url: `${API}/users/${i + 1}`, status: 200, headers: J, text: '{}' }),
      startedDateTime: when(50 + i),
    })),
  ];
}

/** An exchange as capture would list it. */
function analysedExchange(id: string) {
  return { ...makeExchange({ url: `${API}/${id}`, status: 200, headers: J, body: {} }), id };
}

const withMinCalls = (minCalls: number): Settings => ({
  ...defaultSettings(),
  ruleOptions: { 'session/n-plus-one': { minCalls } },
});

function setup(settingsStore = new LateSettingsStore(), store: PanelStore = createPanelStore()) {
  const source = new MemoryNetworkSource();
  const analyzer = createInlineAnalyzer();
  const importer = createImporter(analyzer, store);
  createEndpointsFeed(analyzer, store);
  startCapture({ source, store, analyzer, settings: settingsStore, flushMs: 0 });
  return { source, store, settingsStore, importer };
}

const rulesOf = (store: PanelStore, path: string) =>
  store
    .getState()
    .rows.find((r) => new URL(r.exchange.url).pathname === path)
    ?.analysis?.findings.map((f) => f.rule);
const analysed = (store: PanelStore, n: number) =>
  vi.waitFor(() => {
    expect(store.getState().rows).toHaveLength(n);
    expect(store.getState().rows.every((r) => r.analysis)).toBe(true);
  });

describe('a settings change judges the rows already listed again (#18)', () => {
  it('session rules and per-exchange rules alike, on rows captured before the change', async () => {
    const { source, store, settingsStore } = setup();
    for (const e of listThenItems(3)) source.emit(e, { text: e.response.content.text ?? null });
    source.emit(harEntry({ url: `${API}/broken`, status: 200, headers: J, text: '{' }), { text: '{' });
    await analysed(store, 5);
    expect(rulesOf(store, '/users/3')).not.toContain('session/n-plus-one');
    expect(rulesOf(store, '/broken')).toContain('body/invalid-json');

    const tuned = withMinCalls(3);
    tuned.rules = { 'body/invalid-json': 'off' };
    settingsStore.store(tuned);
    settingsStore.announce();
    await vi.waitFor(() => expect(rulesOf(store, '/users/3')).toContain('session/n-plus-one'));
    expect(rulesOf(store, '/broken')).not.toContain('body/invalid-json');
  });

  it('rows that arrive after the new value is stored but before onChanged are judged again', async () => {
    const { source, store, settingsStore } = setup();
    settingsStore.store(withMinCalls(3));
    for (const e of listThenItems(3)) source.emit(e, { text: e.response.content.text ?? null });
    await analysed(store, 4);
    // Judged by the settings the panel had: it has not heard of the new ones yet.
    expect(rulesOf(store, '/users/3')).not.toContain('session/n-plus-one');
    settingsStore.announce();
    await vi.waitFor(() => expect(rulesOf(store, '/users/3')).toContain('session/n-plus-one'));
  });

  it('replays live rows in the order they were first judged: as a panel opened with the new settings judges them', async () => {
    // The list's answer is captured after the item fetches that followed it (its body came
    // late): the session judged the items with no list before them, so they are no burst.
    const [list, ...items] = listThenItems(3);
    const capture = async (panel: ReturnType<typeof setup>) => {
      for (const e of items) panel.source.emit(e, { text: '{}' });
      await analysed(panel.store, 3);
      panel.source.emit(list!, { text: '[]' });
      await analysed(panel.store, 4);
    };
    const verdicts = (store: PanelStore) =>
      store.getState().rows.map((r) => [r.exchange.url, r.analysis!.findings.map((f) => f.message)]);

    const fresh = setup(
      new LateSettingsStore(withMinCalls(3)),
      createPanelStore({ settings: withMinCalls(3) }),
    );
    await capture(fresh);
    const changed = setup();
    await capture(changed);
    changed.settingsStore.store(withMinCalls(3));
    changed.settingsStore.announce();
    await vi.waitFor(() =>
      expect(changed.store.getState().settings.ruleOptions).toHaveProperty('session/n-plus-one'),
    );
    await analysed(changed.store, 4);
    expect(verdicts(changed.store)).toEqual(verdicts(fresh.store));
    expect(rulesOf(changed.store, '/users/3')).not.toContain('session/n-plus-one');
  });

  it('imported files stay sessions of their own when the rows are judged again', async () => {
    const { store, settingsStore, importer } = setup();
    // The same GET in two files: a duplicate in neither, since each file is its own session.
    const one = harDocument([harEntry({ url: `${API}/me`, status: 200, headers: J, text: '{}' })]);
    // The second file retries a 429 at once: session/retry-too-soon, inside that file.
    const at = (ms: number) => new Date(Date.parse('2026-11-22T10:00:00.000Z') + ms).toISOString();
    const two = harDocument([
      harEntry({ url: `${API}/me`, status: 200, headers: J, text: '{}' }),
      {
        ...harEntry({ url: `${API}/slow`, status: 429, headers: { 'Retry-After': '5' } }),
        startedDateTime: at(100),
      },
      { ...harEntry({ url: `${API}/slow`, status: 200, headers: J, text: '{}' }), startedDateTime: at(200) },
    ]);
    const file = (name: string, doc: unknown) => new File([JSON.stringify(doc)], name);
    await importer.importFiles([file('one.har', one), file('two.har', two)]);
    await analysed(store, 4);
    const findings = () =>
      store
        .getState()
        .rows.slice()
        .sort((a, b) => a.seq - b.seq)
        .map((r) => r.analysis!.findings.map((f) => f.rule).filter((id) => id.startsWith('session/')));
    const imported = findings();
    expect(imported.flat()).not.toContain('session/duplicate-request');
    expect(imported.flat()).toContain('session/retry-too-soon');

    // Another session threshold: every row is judged again, each file still on its own.
    settingsStore.store(withMinCalls(3));
    settingsStore.announce();
    await vi.waitFor(() =>
      expect(store.getState().settings.ruleOptions).toHaveProperty('session/n-plus-one'),
    );
    await analysed(store, 4);
    expect(findings()).toEqual(imported);
  });

  it('an import running across the change ends with every row judged by the new settings', async () => {
    const { store, settingsStore, importer } = setup();
    // Invalid JSON in every entry, over several batches: body/invalid-json on each row.
    const entries = Array.from({ length: 600 }, (_, i) =>
      harEntry({ url: `${API}/broken/${i}`, status: 200, headers: J, text: '{' }),
    );
    const off = store.subscribe((state) => {
      // The first rows are in, the rest of the file is still being read: switch the rule off.
      if (state.rows.length === 0 || state.settings.rules['body/invalid-json'] === 'off') return;
      settingsStore.store({ ...defaultSettings(), rules: { 'body/invalid-json': 'off' } });
      settingsStore.announce();
    });
    await importer.importFiles([new File([JSON.stringify(harDocument(entries))], 'broken.har')]);
    await vi.waitFor(() => expect(store.getState().notice).toMatch(/^Imported 600/));
    off();
    const flagged = () =>
      store.getState().rows.filter((r) => r.analysis?.findings.some((f) => f.rule === 'body/invalid-json'));
    await vi.waitFor(() => expect(flagged()).toHaveLength(0));
    expect(store.getState().rows).toHaveLength(600);
  });
});

describe('through the analysis worker', () => {
  it('each session’s rows go in their own message, in arrival order, and a failed worker’s are redone in them', async () => {
    const worker = new FakeWorker();
    const analyzer = createWorkerAnalyzer({ createWorker: () => worker });
    const store = createPanelStore();
    const settingsStore = new LateSettingsStore();
    createImporter(analyzer, store);
    startCapture({ source: new MemoryNetworkSource(), store, analyzer, settings: settingsStore, flushMs: 0 });
    // Rows as capture and an import add them: a live one, then an imported one that started earlier.
    const exchangeOf = (id: string, at: string) => ({
      exchange: { ...analysedExchange(id), startedAt: at },
    });
    store.getState().addRows([exchangeOf('live-0', '2026-11-22T10:00:02.000Z')]);
    store.getState().addRows([{ ...exchangeOf('har0-0', '2026-11-22T10:00:01.000Z'), imported: true }]);
    store.getState().addRows([exchangeOf('live-1', '2026-11-22T10:00:00.000Z')]);
    settingsStore.store(withMinCalls(3));
    settingsStore.announce();
    const sent = worker.of('analyze');
    expect(sent.every(isToWorker)).toBe(true);
    expect(
      sent.map((m) => [m.session, m.replay, (m.exchanges as { id: string }[]).map((e) => e.id)]),
    ).toEqual([
      [undefined, true, ['live-0', 'live-1']],
      ['har0', true, ['har0-0']],
    ]);
    const results: AnalysisResult[] = [];
    analyzer.onResults((r) => results.push(...r));
    worker.crash();
    expect(results.map((r) => r.id).sort()).toEqual(['har0-0', 'live-0', 'live-1']);
  });
});

describe('the settings the panel opens with', () => {
  it('a change saved while the first read is under way is not missed', async () => {
    const settingsStore = new MemorySettingsStore();
    const release = settingsStore.holdLoads();
    const opening = openingSettings(settingsStore);
    // The read has what was stored; the options page saves before it answers.
    await settingsStore.save(withMinCalls(3));
    release();
    const opened = await opening;
    const store = createPanelStore({ settings: opened.settings });
    const { source } = setup(opened.changes as never, store);
    expect(store.getState().settings.ruleOptions).toEqual({ 'session/n-plus-one': { minCalls: 3 } });
    for (const e of listThenItems(3)) source.emit(e, { text: e.response.content.text ?? null });
    await analysed(store, 4);
    expect(rulesOf(store, '/users/3')).toContain('session/n-plus-one');
  });

  it('a change saved after the read but before capture subscribes still reaches it', async () => {
    const settingsStore = new MemorySettingsStore();
    const opened = await openingSettings(settingsStore);
    await settingsStore.save(withMinCalls(3));
    const store = createPanelStore({ settings: opened.settings });
    setup(opened.changes as never, store);
    expect(store.getState().settings.ruleOptions).toEqual({ 'session/n-plus-one': { minCalls: 3 } });
  });
});
