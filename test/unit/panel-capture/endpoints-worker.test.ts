import { describe, expect, it, vi } from 'vitest';
import { createPanelStore } from '../../../src/state/panel-store';
import { startCapture } from '../../../src/surfaces/panel/capture';
import { createEndpointsFeed } from '../../../src/surfaces/panel/endpoints-feed';
import type { EndpointsSnapshot } from '../../../src/surfaces/panel/endpoints-protocol';
import { isToWorker } from '../../../src/surfaces/panel/worker-protocol';
import { createWorkerAnalyzer } from '../../../src/surfaces/panel/worker-analyzer';
import { harEntry } from '../../helpers/har';
import { FakeWorker, GatedSource, J } from './fakes';

function setup() {
  const store = createPanelStore();
  const worker = new FakeWorker();
  const analyzer = createWorkerAnalyzer({ createWorker: () => worker });
  const source = new GatedSource();
  startCapture({ source, store, analyzer, flushMs: 0 });
  const feed = createEndpointsFeed(analyzer, store);
  return { store, worker, analyzer, source, feed };
}

const get = (path: string) => harEntry({ url: `https://a.io${path}`, status: 200, headers: J, size: 2 });

describe('the Endpoints grouping and the analysis worker', () => {
  it('is asked of the worker, with messages its guard accepts, and its snapshots reach the view', async () => {
    const { store, worker, source, feed } = setup();
    source.respond(get('/users/1'), '{}');
    await vi.waitFor(() => expect(store.getState().rows).toHaveLength(1));
    const snapshots: EndpointsSnapshot[] = [];
    feed.open((s) => snapshots.push(s));
    const [show] = worker.of('endpoints/show');
    expect(show).toEqual({
      type: 'endpoints/show',
      ids: [store.getState().rows[0]!.exchange.id],
      reset: true,
    });
    expect(isToWorker(show)).toBe(true);
    const snapshot: EndpointsSnapshot = { groups: [], total: 0 };
    worker.reply({ type: 'endpoints', snapshot });
    expect(snapshots).toEqual([snapshot]);
    // Nothing is grouped on this side while the worker is there.
    expect(worker.of('analyze')).toHaveLength(1);
  });

  it('moves to the panel with the analysis when the worker fails, and groups every row there', async () => {
    const { store, worker, source, feed } = setup();
    source.respond(get('/users/1'), '{}');
    source.respond(get('/users/2'), '{}');
    await vi.waitFor(() => expect(store.getState().rows).toHaveLength(2));
    const snapshots: EndpointsSnapshot[] = [];
    feed.open((s) => snapshots.push(s));
    worker.crash();
    // The worker's records went with it: the rows are looked up and grouped in the panel.
    await vi.waitFor(() =>
      expect(snapshots.at(-1)?.groups[0]).toMatchObject({ path: '/users/{id}', count: 2 }),
    );
    source.respond(get('/users/3'), '{}');
    await vi.waitFor(() => expect(snapshots.at(-1)?.groups[0]?.count).toBe(3));
  });

  it('at the retention cap, forgets the dropped rows and sends only the new ones', async () => {
    const { store, worker, source, feed } = setup();
    store.getState().setSettings({
      ...store.getState().settings,
      capture: { ...store.getState().settings.capture, retentionCap: 2 },
    });
    source.respond(get('/users/1'), '{}');
    source.respond(get('/users/2'), '{}');
    await vi.waitFor(() => expect(store.getState().rows).toHaveLength(2));
    feed.open(() => {});
    const [first, second] = store.getState().rows.map((r) => r.exchange.id);
    source.respond(get('/users/3'), '{}');
    await vi.waitFor(() => expect(store.getState().dropped).toBe(1));
    const third = store.getState().rows[1]!.exchange.id;
    expect(worker.of('endpoints/forget')).toEqual([{ type: 'endpoints/forget', ids: [first] }]);
    expect(worker.of('endpoints/show')).toEqual([
      { type: 'endpoints/show', ids: [first, second], reset: true },
      // Not the whole list again: the one new row, added to what the worker holds.
      { type: 'endpoints/show', ids: [third], reset: false },
    ]);
  });

  it('rejects malformed Endpoints messages at the worker', () => {
    expect(isToWorker({ type: 'endpoints/show', ids: [1], reset: true })).toBe(false);
    expect(isToWorker({ type: 'endpoints/show', ids: ['a'] })).toBe(false);
    expect(isToWorker({ type: 'endpoints/forget', ids: 'a' })).toBe(false);
    expect(isToWorker({ type: 'endpoints/clear' })).toBe(true);
  });
});
