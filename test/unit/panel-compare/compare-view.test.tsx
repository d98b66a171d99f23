// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import type { JsonState } from '../../../src/core/rules/types';
import { App } from '../../../src/surfaces/panel/App';
import { PanelActionsContext } from '../../../src/surfaces/panel/actions';
import { PanelProvider } from '../../../src/surfaces/panel/panel-context';
import { compareHarWithLive } from '../../../src/surfaces/panel/compare/compare-job';
import { LiveCapture } from '../../../src/surfaces/panel/compare/live-capture';
import { harDocument, harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

const J = { 'Content-Type': 'application/json' };

/**
 * The panel wired to its port fakes, with "Compare with HAR…" answered as the worker answers it:
 * the live rows (analysed as they arrive) summarised in a LiveCapture, the file read and
 * compared by the worker's own job.
 */
function setup() {
  const panel = setupPanel();
  const live = new LiveCapture();
  const active = activeRules({ profiles: [], rules: {} });
  panel.analyzer.onResults(() => {
    // The worker records each row as it analyses it; here the rows are read back from the store.
    live.clear();
    for (const row of panel.store.getState().rows) {
      let json: JsonState | undefined;
      const a = analyzeExchange(row.exchange, active, undefined, [], (ctx) => void (json = ctx.json));
      live.record(row.exchange, a.findings, json);
    }
  });
  const calls: string[] = [];
  const compareHar = async (file: File, { ignoreHost }: { ignoreHost: boolean }) => {
    calls.push(ignoreHost ? `${file.name} (ignoring hosts)` : file.name);
    // jsdom's File has no arrayBuffer(); FileReader is what it offers.
    const data = await new Promise<ArrayBuffer>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.readAsArrayBuffer(file);
    });
    return compareHarWithLive(
      {
        name: file.name,
        data,
        bodyCap: 1 << 20,
        active,
        contracts: [],
        toolVersion: 't',
        ignoreHost,
        profiles: ['problem'],
      },
      live,
    );
  };
  return { ...panel, live, calls, compareHar };
}

describe('Compare with HAR… (component, against the port fakes)', () => {
  it('shows the HAR compared with the live capture per endpoint, untrusted text as text', async () => {
    const panel = setup();
    const { source, store } = panel;
    render(
      <PanelProvider value={store}>
        <PanelActionsContext.Provider
          value={{
            importFiles: () => {},
            download: () => {},
            loadBody: async () => null,
            exportText: async () => '',
            editSettings: () => {},
            compareHar: panel.compareHar,
          }}
        >
          <App />
        </PanelActionsContext.Provider>
      </PanelProvider>,
    );
    act(() =>
      source.emit(harEntry({ url: 'https://api.example.com/orders/1', status: 500, headers: J }), {
        text: '{"error":"<img src=x onerror=alert(1)>"}',
      }),
    );
    await waitFor(() => expect(store.getState().rows).toHaveLength(1));
    await waitFor(() => expect(panel.live.size).toBe(1));

    const before = harDocument([
      harEntry({
        url: 'https://api.example.com/orders/2',
        status: 200,
        headers: J,
        text: '{"id":2,"total":10}',
      }),
    ]);
    const file = new File([JSON.stringify(before)], 'main.har', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('Compare with HAR file'), { target: { files: [file] } });

    const dialog = await screen.findByRole('dialog', { name: 'Comparison with HAR' });
    await waitFor(() =>
      expect(within(dialog).getByRole('list', { name: 'Endpoint changes' })).toBeInTheDocument(),
    );
    expect(panel.calls).toEqual(['main.har']);
    expect(dialog).toHaveTextContent(
      'main.har (1 requests, 1 endpoints) → live capture (1 requests, 1 endpoints) · profiles: problem',
    );
    const item = within(dialog).getAllByRole('listitem')[0]!;
    expect(item).toHaveTextContent('GET api.example.com/orders/{id}');
    expect(item).toHaveTextContent('Status: 200×1 → 500×1');
    expect(dialog.querySelector('img')).toBeNull();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'Comparison with HAR' })).toBeNull();
  });

  it('ignores hosts when asked, comparing the same file again, and keeps the choice for the next one', async () => {
    const panel = setup();
    const { source, store } = panel;
    render(
      <PanelProvider value={store}>
        <PanelActionsContext.Provider
          value={{
            importFiles: () => {},
            download: () => {},
            loadBody: async () => null,
            exportText: async () => '',
            editSettings: () => {},
            compareHar: panel.compareHar,
          }}
        >
          <App />
        </PanelActionsContext.Provider>
      </PanelProvider>,
    );
    // Live traffic from a local server; the HAR was recorded against production.
    act(() =>
      source.emit(harEntry({ url: 'http://localhost:3000/orders/1', status: 500, headers: J }), {
        text: '{"error":"boom"}',
      }),
    );
    await waitFor(() => expect(panel.live.size).toBe(1));
    const har = harDocument([
      harEntry({ url: 'https://api.example.com/orders/2', status: 200, headers: J, text: '{"id":2}' }),
    ]);
    const pick = () =>
      fireEvent.change(screen.getByLabelText('Compare with HAR file'), {
        target: { files: [new File([JSON.stringify(har)], 'prod.har', { type: 'application/json' })] },
      });
    pick();

    let dialog = await screen.findByRole('dialog', { name: 'Comparison with HAR' });
    const box = within(dialog).getByRole('checkbox', { name: 'Ignore host' });
    expect(box).not.toBeChecked();
    await waitFor(() => expect(dialog).toHaveTextContent('0 changed, 1 appeared, 1 vanished'));

    fireEvent.click(box);
    await waitFor(() => expect(dialog).toHaveTextContent('1 changed, 0 appeared, 0 vanished'));
    expect(panel.calls).toEqual(['prod.har', 'prod.har (ignoring hosts)']);
    const item = within(dialog).getAllByRole('listitem')[0]!;
    expect(item).toHaveTextContent('GET /orders/{id}');
    expect(item).toHaveTextContent('Status: 200×1 → 500×1');

    // Closed and opened again on another file: still ignoring hosts, from the first comparison.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    pick();
    dialog = await screen.findByRole('dialog', { name: 'Comparison with HAR' });
    expect(within(dialog).getByRole('checkbox', { name: 'Ignore host' })).toBeChecked();
    await waitFor(() => expect(dialog).toHaveTextContent('1 changed, 0 appeared, 0 vanished'));
    expect(panel.calls.at(-1)).toBe('prod.har (ignoring hosts)');
  });

  it('says why a comparison failed, naming the file', async () => {
    const panel = setupPanel();
    render(
      <PanelProvider value={panel.store}>
        <PanelActionsContext.Provider
          value={{
            importFiles: () => {},
            download: () => {},
            loadBody: async () => null,
            exportText: async () => '',
            editSettings: () => {},
            compareHar: () => Promise.reject(new Error('the worker is gone')),
          }}
        >
          <App />
        </PanelActionsContext.Provider>
      </PanelProvider>,
    );
    const file = new File(['{}'], 'x.har');
    fireEvent.change(screen.getByLabelText('Compare with HAR file'), { target: { files: [file] } });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'x.har could not be compared: the worker is gone',
    );
  });

  it('is not offered without a compare action', () => {
    const { renderIn } = setupPanel();
    renderIn(<App />);
    expect(screen.queryByRole('button', { name: 'Compare with HAR…' })).toBeNull();
  });
});
