import { describe, expect, it } from 'vitest';
import { createVisibleRowsSelector, selectFamilyCounts } from '../../../src/state/panel-selectors';
import { parseQuery } from '../../../src/core/filter/query';
import { searchKey } from '../../../src/core/filter/search-terms';
import { createPanelStore } from '../../../src/state/panel-store';
import { makeExchange } from '../../helpers/exchange';

const ex = (id: string, status: number) => ({
  exchange: { ...makeExchange({ status, resourceType: 'fetch', url: `https://a.io/${id}` }), id },
});

describe('visible rows and chip counts stay right while rows stream in', () => {
  it('filters appended rows incrementally and agrees with a fresh computation', () => {
    const store = createPanelStore();
    const incremental = createVisibleRowsSelector();
    store.getState().setFilter({ query: '-status:2xx' });
    for (let batch = 0; batch < 5; batch++) {
      store.getState().addRows([ex(`a${batch}`, 200), ex(`b${batch}`, 404), ex(`c${batch}`, 500)]);
      const fresh = createVisibleRowsSelector()(store.getState());
      expect(incremental(store.getState()).map((r) => r.exchange.id)).toEqual(
        fresh.map((r) => r.exchange.id),
      );
      // The chips count what the search lets through.
      expect(selectFamilyCounts(store.getState())).toMatchObject({
        '2xx': 0,
        '4xx': batch + 1,
        '5xx': batch + 1,
      });
    }
    expect(incremental(store.getState())).toHaveLength(10);
  });

  it('at the retention cap, follows appends and front drops incrementally and agrees with a fresh computation', () => {
    const store = createPanelStore();
    store.getState().setSettings({
      ...store.getState().settings,
      capture: { ...store.getState().settings.capture, retentionCap: 5 },
    });
    const incremental = createVisibleRowsSelector();
    store.getState().setFilter({ query: '-status:2xx' });
    const batches = [
      [ex('a', 500), ex('b', 200), ex('c', 404)],
      [ex('d', 503), ex('e', 200)],
      // Drops two, the 500 among them.
      [ex('f', 404), ex('g', 200)],
      // More rows than the cap: every earlier row goes, and the first new one too.
      [ex('h', 500), ex('i', 404), ex('j', 200), ex('k', 410), ex('l', 502), ex('m', 200)],
      [ex('n', 200)],
    ];
    for (const batch of batches) {
      store.getState().addRows(batch);
      const state = store.getState();
      const fresh = createVisibleRowsSelector()(state).map((r) => r.exchange.id);
      expect(incremental(state).map((r) => r.exchange.id)).toEqual(fresh);
      // The chips count the rows still held, not the dropped ones.
      const errors = state.rows.filter((r) => r.exchange.status >= 400);
      expect(selectFamilyCounts(state)).toMatchObject({
        '2xx': 0,
        '4xx': errors.filter((r) => r.exchange.status < 500).length,
        '5xx': errors.filter((r) => r.exchange.status >= 500).length,
      });
    }
    expect(store.getState().dropped).toBe(9);
    expect(incremental(store.getState()).map((r) => r.exchange.id)).toEqual(['k', 'l']);
  });

  it('recomputes from scratch after analyses replace rows or the retention cap drops some', () => {
    const store = createPanelStore();
    store.getState().setSettings({
      ...store.getState().settings,
      capture: { ...store.getState().settings.capture, retentionCap: 4 },
    });
    const sel = createVisibleRowsSelector();
    store.getState().setFilter({ query: 'has:findings' });
    store.getState().addRows([ex('1', 201), ex('2', 200)]);
    expect(sel(store.getState())).toHaveLength(0);
    store.getState().applyAnalyses([
      {
        id: '1',
        analysis: {
          findings: [
            {
              rule: 'http/created-location',
              severity: 'warning',
              message: '',
              source: { label: '', url: '' },
            },
          ],
          problems: [],
        },
      },
    ]);
    expect(sel(store.getState()).map((r) => r.exchange.id)).toEqual(['1']);
    store.getState().addRows([ex('3', 200), ex('4', 200), ex('5', 200)]);
    expect(store.getState().dropped).toBe(1);
    expect(sel(store.getState())).toHaveLength(0);
  });
});

describe('the worker’s answer to /regex/ and body: terms', () => {
  const answer = (key: string, ids: string[]) => ({
    key,
    readsBodies: false,
    matches: new Set(ids),
    scanned: 3,
    total: 3,
    bodies: 0,
    done: true,
  });

  it('lists only the rows the worker found, and none while its answer is to other terms', () => {
    const store = createPanelStore();
    const visible = createVisibleRowsSelector();
    store.getState().addRows([ex('a1', 200), ex('b1', 404), ex('a2', 500)]);
    store.getState().setFilter({ query: '/a\\d/ status:>=400' });
    const key = searchKey(parseQuery('/a\\d/ status:>=400').search);
    // Typed a moment ago: the worker has not answered yet, so nothing is listed rather than all.
    expect(visible(store.getState())).toEqual([]);
    store.getState().setSearch(answer(searchKey(parseQuery('/b/').search), ['b1']));
    expect(visible(store.getState())).toEqual([]);
    store.getState().setSearch(answer(key, ['a1', 'a2']));
    // The regex by the worker's answer, the status term here.
    expect(visible(store.getState()).map((r) => r.exchange.id)).toEqual(['a2']);
    store.getState().setFilter({ query: 'status:>=400' });
    expect(visible(store.getState()).map((r) => r.exchange.id)).toEqual(['b1', 'a2']);
  });
});
