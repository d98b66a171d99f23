// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import type { EndpointsToWorker } from '../../../src/surfaces/panel/endpoints-protocol';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

const J = { 'Content-Type': 'application/json' };

/** The panel with every Endpoints message to the analyzer recorded. */
function setup() {
  const panel = setupPanel();
  const sent: EndpointsToWorker[] = [];
  const original = panel.analyzer.endpoints.bind(panel.analyzer);
  panel.analyzer.endpoints = (message, lookup) => {
    sent.push(message);
    original(message, lookup);
  };
  return { ...panel, sent };
}

const endpointRows = () =>
  within(screen.getByRole('region', { name: 'Endpoints' }))
    .getAllByRole('row')
    .slice(1);

describe('the Endpoints view while requests stream in', () => {
  it('follows new rows, passing the grouping only the rows just added', async () => {
    const { renderIn, source, sent, store } = setup();
    renderIn(<App />);
    act(() =>
      source.emit(harEntry({ url: 'https://api.example.com/users/1', status: 200, headers: J }), {
        text: '{}',
      }),
    );
    await waitFor(() => expect(store.getState().rows).toHaveLength(1));
    fireEvent.click(screen.getByRole('tab', { name: 'Endpoints' }));
    await waitFor(() => expect(endpointRows()).toHaveLength(1));
    sent.length = 0;
    for (let i = 2; i <= 6; i++)
      act(() =>
        source.emit(
          harEntry({ url: `https://api.example.com/users/${i}`, status: i === 6 ? 404 : 200, headers: J }),
          {
            text: '{}',
          },
        ),
      );
    await waitFor(() => expect(endpointRows()[0]).toHaveTextContent(/GET \/users\/\{id\}.*6/));
    expect(within(endpointRows()[0]!).getAllByRole('cell')[3]).toHaveTextContent('1');
    // Each arrival was passed on once as an appended row; the whole list only when findings
    // (which can change what the filters let through) came back.
    const appended = sent.filter((m) => m.type === 'endpoints/show' && !m.reset);
    expect(appended.flatMap((m) => (m.type === 'endpoints/show' ? m.ids : []))).toHaveLength(5);
  });

  it('regroups on a filter change, empties on Clear, and stops being fed when closed', async () => {
    const { renderIn, source, sent, store } = setup();
    renderIn(<App />);
    act(() => {
      source.emit(harEntry({ url: 'https://api.example.com/users/1', status: 200, headers: J }), {
        text: '{}',
      });
      source.emit(harEntry({ url: 'https://api.example.com/orders/1', status: 500, headers: J }), {
        text: '{}',
      });
    });
    await waitFor(() => expect(store.getState().rows).toHaveLength(2));
    fireEvent.click(screen.getByRole('tab', { name: 'Endpoints' }));
    await waitFor(() => expect(endpointRows()).toHaveLength(2));
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter requests' }), {
      target: { value: 'status:5xx' },
    });
    await waitFor(() => expect(endpointRows()).toHaveLength(1));
    expect(endpointRows()[0]).toHaveTextContent('GET /orders/{id}');
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(screen.getByText('No requests captured yet.')).toBeInTheDocument());
    expect(sent.map((m) => m.type)).toContain('endpoints/clear');
    fireEvent.click(screen.getByRole('tab', { name: 'Requests' }));
    expect(sent.at(-1)).toEqual({ type: 'endpoints/hide' });
    sent.length = 0;
    act(() =>
      source.emit(harEntry({ url: 'https://api.example.com/users/2', status: 200, headers: J }), {
        text: '{}',
      }),
    );
    await waitFor(() => expect(store.getState().rows).toHaveLength(1));
    expect(sent.filter((m) => m.type === 'endpoints/show')).toEqual([]);
  });

  it('tells the grouping which rows the retention cap dropped', async () => {
    const { renderIn, source, sent, store } = setup();
    store.getState().setSettings({
      ...store.getState().settings,
      capture: { ...store.getState().settings.capture, retentionCap: 2 },
    });
    renderIn(<App />);
    for (let i = 1; i <= 3; i++) {
      act(() =>
        source.emit(harEntry({ url: `https://api.example.com/u/${i}`, status: 200, headers: J }), {
          text: '{}',
        }),
      );
      await waitFor(() => expect(store.getState().rows.length + store.getState().dropped).toBe(i));
    }
    await waitFor(() => expect(store.getState().dropped).toBe(1));
    const forgotten = sent.flatMap((m) => (m.type === 'endpoints/forget' ? m.ids : []));
    expect(forgotten).toHaveLength(1);
    expect(store.getState().rows.map((r) => r.exchange.id)).not.toContain(forgotten[0]);
  });
});
