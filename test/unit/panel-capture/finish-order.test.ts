import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings, MAX_BODY_SIZE_CAP, type Settings } from '../../../src/core/settings/schema';
import { createPanelStore, type PanelStore } from '../../../src/state/panel-store';
import { createInlineAnalyzer } from '../../../src/surfaces/panel/analyzer';
import { startCapture } from '../../../src/surfaces/panel/capture';
import {
  FINISH_ORDER_MAX_WAIT_MS,
  FINISH_ORDER_MAX_WAITING,
  FINISH_ORDER_WAIT_MS,
} from '../../../src/surfaces/panel/finish-order';
import { harEntry } from '../../helpers/har';
import { GatedSource, J, tick } from './fakes';

const API = 'https://api.example.com';
const at = (ms: number) => new Date(Date.parse('2026-11-22T10:00:00.000Z') + ms).toISOString();
/** As DevTools reports them: the body is not in the entry, getContent() fetches it. */
const list = {
  ...harEntry({ url: `${API}/users`, status: 200, headers: J, size: 20_000 }),
  startedDateTime: at(0),
};
const item = (i: number) => ({
  ...harEntry({ url: `${API}/users/${i}`, status: 200, headers: J, size: 2 }),
  startedDateTime: at(50 + i),
});
/** session/n-plus-one from three item calls after the list. */
const settings: Settings = { ...defaultSettings(), ruleOptions: { 'session/n-plus-one': { minCalls: 3 } } };

function setup() {
  const store = createPanelStore({ settings });
  const source = new GatedSource();
  const analyzer = createInlineAnalyzer();
  const stop = startCapture({ source, store, analyzer, flushMs: 0 });
  return { store, source, stop };
}

const rowOf = (store: PanelStore, path: string) =>
  store.getState().rows.find((r) => new URL(r.exchange.url).pathname === path);
const rulesOf = (store: PanelStore, path: string) =>
  rowOf(store, path)?.analysis?.findings.map((f) => f.rule);

afterEach(() => {
  vi.useRealTimers();
});

describe('the live session judges rows in the order the browser finished them', () => {
  it('a list whose large body comes after the item calls’ small ones still precedes them: the N+1 is found', async () => {
    const { store, source } = setup();
    // DevTools reports the list finished first; its body is handed over last.
    source.respond(list, '[]', { gated: true });
    for (let i = 1; i <= 3; i++) source.respond(item(i), '{}');
    // The items are listed at once; their judging waits for the list.
    await vi.waitFor(() => expect(store.getState().rows).toHaveLength(3));
    await tick(10);
    expect(rowOf(store, '/users/3')?.analysis).toBeUndefined();
    source.gates[0]!();
    await vi.waitFor(() => expect(rulesOf(store, '/users/3')).toContain('session/n-plus-one'));
    expect(rowOf(store, '/users')?.analysis).toBeDefined();
  });

  it('a body that never comes holds the rows behind it back no longer than the bound', async () => {
    vi.useFakeTimers();
    const { store, source } = setup();
    source.respond(list, '[]', { gated: true });
    for (let i = 1; i <= 3; i++) source.respond(item(i), '{}');
    await vi.advanceTimersByTimeAsync(FINISH_ORDER_WAIT_MS - 100);
    expect(rowOf(store, '/users/1')?.analysis).toBeUndefined();
    await vi.advanceTimersByTimeAsync(200);
    expect(rowOf(store, '/users/3')?.analysis).toBeDefined();
    // Judged in the order their bodies came, as before: no list before the items.
    expect(rulesOf(store, '/users/3')).not.toContain('session/n-plus-one');
    // The list, when its body comes at last, is judged at once.
    source.gates[0]!();
    await vi.advanceTimersByTimeAsync(10);
    expect(rowOf(store, '/users')?.analysis).toBeDefined();
  });

  it('rows wait longer behind a large body still being handed over', async () => {
    vi.useFakeTimers();
    const { store, source } = setup();
    // A 3 MiB list: DevTools needs longer to hand it over, on a loaded machine over two seconds.
    const bigList = {
      ...list,
      response: { ...list.response, content: { ...list.response.content, size: 3 * 1024 * 1024 } },
    };
    source.respond(bigList, '[]', { gated: true });
    for (let i = 1; i <= 3; i++) source.respond(item(i), '{}');
    await vi.advanceTimersByTimeAsync(FINISH_ORDER_WAIT_MS + 500);
    expect(rowOf(store, '/users/3')?.analysis).toBeUndefined();
    source.gates[0]!();
    await vi.advanceTimersByTimeAsync(10);
    expect(rulesOf(store, '/users/3')).toContain('session/n-plus-one');
  });

  it('a huge body that never comes holds the rows behind it back no longer than the cap', async () => {
    vi.useFakeTimers();
    // A raised body cap, so a 500 MiB body is fetched (under the default cap it is not, and the
    // row comes at once, judged by its headers).
    const store = createPanelStore({
      settings: { ...settings, capture: { ...settings.capture, bodySizeCap: MAX_BODY_SIZE_CAP } },
    });
    const source = new GatedSource();
    startCapture({ source, store, analyzer: createInlineAnalyzer(), flushMs: 0 });
    const size = 500 * 1024 * 1024;
    source.respond(
      { ...list, response: { ...list.response, content: { ...list.response.content, size } } },
      '[]',
      {
        gated: true,
      },
    );
    for (let i = 1; i <= 3; i++) source.respond(item(i), '{}');
    await vi.advanceTimersByTimeAsync(FINISH_ORDER_MAX_WAIT_MS - 100);
    expect(rowOf(store, '/users/1')?.analysis).toBeUndefined();
    await vi.advanceTimersByTimeAsync(200);
    expect(rowOf(store, '/users/3')?.analysis).toBeDefined();
    source.gates[0]!();
  });

  it('no more than the bound of rows wait behind a missing body', async () => {
    const { store, source } = setup();
    source.respond(list, '[]', { gated: true });
    for (let i = 1; i <= FINISH_ORDER_MAX_WAITING + 1; i++) source.respond(item(i), '{}');
    await vi.waitFor(() => expect(rowOf(store, '/users/1')?.analysis).toBeDefined());
    source.gates[0]!();
  });

  it('a Clear while a body is awaited leaves nothing of the old list waiting', async () => {
    const { store, source } = setup();
    source.respond(list, '[]', { gated: true });
    source.respond(item(1), '{}');
    await vi.waitFor(() => expect(store.getState().rows).toHaveLength(1));
    store.getState().clear();
    // The new list's rows are judged at once, not behind the old list's missing body.
    source.respond(item(2), '{}');
    await vi.waitFor(() => expect(rowOf(store, '/users/2')?.analysis).toBeDefined());
    source.gates[0]!();
    await tick(10);
    expect(store.getState().rows.map((r) => new URL(r.exchange.url).pathname)).toEqual(['/users/2']);
  });
});
