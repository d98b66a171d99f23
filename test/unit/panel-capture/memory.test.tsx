// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../src/core/settings/schema';
import { createPanelStore } from '../../../src/state/panel-store';
import { createInlineAnalyzer } from '../../../src/surfaces/panel/analyzer';
import { createBodyHandles } from '../../../src/surfaces/panel/body-handles';
import { startCapture } from '../../../src/surfaces/panel/capture';
import { BodyTab } from '../../../src/surfaces/panel/detail/BodyTab';
import { tryParseJson } from '../../../src/surfaces/panel/detail/pretty';
import { PanelProvider } from '../../../src/surfaces/panel/panel-context';
import { makeExchange } from '../../helpers/exchange';
import { harEntry } from '../../helpers/har';
import { GatedSource, tick } from './fakes';

vi.mock('../../../src/surfaces/panel/detail/pretty', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/surfaces/panel/detail/pretty')>();
  return { ...original, tryParseJson: vi.fn(original.tryParseJson) };
});

afterEach(cleanup);

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const image = (i: number) =>
  harEntry({ url: `https://a.io/img/${i}.png`, status: 200, mimeType: 'image/png', size: 68 });

function capture(retentionCap = 0, flushMs = 0) {
  const settings = defaultSettings();
  settings.capture.retentionCap = retentionCap;
  const store = createPanelStore({ settings });
  const source = new GatedSource();
  const bodies = createBodyHandles();
  startCapture({ source, store, analyzer: createInlineAnalyzer(), keepBody: bodies.keep, flushMs });
  return { store, source, bodies };
}

describe('DevTools body fetchers do not outlive their rows', () => {
  it('Clear lets every kept fetcher go', async () => {
    const { store, source, bodies } = capture();
    for (let i = 0; i < 3; i++) source.respond(image(i), PNG, { encoding: 'base64' });
    await vi.waitFor(() => expect(store.getState().rows).toHaveLength(3));
    expect(bodies.size).toBe(3);
    const id = store.getState().rows[0]!.exchange.id;
    expect(await bodies.load(id)).toEqual({ text: PNG, encoding: 'base64' });
    store.getState().clear();
    expect(bodies.size).toBe(0);
    expect(await bodies.load(id)).toBeNull();
  });

  it('so does a navigation, including fetchers of rows still in the ingest buffer', async () => {
    const { store, source, bodies } = capture(0, 30);
    source.respond(image(0), PNG, { encoding: 'base64' });
    await tick(0);
    expect(bodies.size).toBe(1);
    expect(store.getState().rows).toHaveLength(0);
    source.navigate('https://a.io/next');
    expect(bodies.size).toBe(0);
  });

  it('rows dropped by the retention cap take their fetchers with them', async () => {
    const { store, source, bodies } = capture(2);
    for (let i = 0; i < 3; i++) source.respond(image(i), PNG, { encoding: 'base64' });
    await vi.waitFor(() => expect(store.getState().dropped).toBe(1));
    expect(bodies.size).toBe(2);
    source.respond(image(3), PNG, { encoding: 'base64' });
    await vi.waitFor(() => expect(store.getState().dropped).toBe(2));
    expect(bodies.size).toBe(2);
    for (const r of store.getState().rows) expect(await bodies.load(r.exchange.id)).not.toBeNull();
  });

  it('a batch bigger than the cap releases the fetchers of the rows it dropped itself', async () => {
    const { store, source, bodies } = capture(2, 20);
    for (let i = 0; i < 5; i++) source.respond(image(i), PNG, { encoding: 'base64' });
    await vi.waitFor(() => expect(store.getState().dropped).toBe(3));
    expect(bodies.size).toBe(2);
  });

  it('the release function of a fetcher replaced under the same id does not drop the new one', () => {
    const bodies = createBodyHandles();
    const release = bodies.keep('x', async () => ({ text: 'a', encoding: null }));
    bodies.keep('x', async () => ({ text: 'b', encoding: null }));
    release();
    expect(bodies.size).toBe(1);
  });
});

describe('the Body tab’s parsed-body cache', () => {
  it('is dropped when the store is cleared, even while the Body tab is not showing', () => {
    const parse = vi.mocked(tryParseJson);
    parse.mockClear();
    const store = createPanelStore();
    const exchange = makeExchange({
      headers: { 'Content-Type': 'application/json' },
      body: { big: 'x'.repeat(1000) },
    });
    store.getState().addRows([{ exchange }]);
    const row = store.getState().rows[0]!;
    const show = () =>
      render(
        <PanelProvider value={store}>
          <BodyTab row={row} />
        </PanelProvider>,
      );
    show().unmount();
    show().unmount();
    // Switching tabs and back reuses the parse.
    expect(parse).toHaveBeenCalledTimes(1);
    store.getState().clear();
    show();
    // The cache was emptied by the clear, so the same text is parsed again.
    expect(parse).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('tree', { name: 'Response body' })).toBeInTheDocument();
  });
});
