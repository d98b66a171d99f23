// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

function emitTraffic(source: ReturnType<typeof setupPanel>['source']) {
  source.emit(
    harEntry({
      url: 'https://api.example.com/users/1',
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    }),
    {
      text: '{"id":1}',
    },
  );
  source.emit(
    harEntry({
      method: 'POST',
      url: 'https://api.example.com/users',
      status: 201,
      headers: { 'Content-Type': 'application/json' },
    }),
    {
      text: '{"id":2}',
    },
  );
  source.emit(
    harEntry({
      url: 'https://api.example.com/users/9',
      status: 404,
      headers: { 'Content-Type': 'application/json' },
    }),
    {
      text: '{"message":"nope"}',
    },
  );
  source.emit(
    harEntry({ url: 'https://api.example.com/boom', status: 500, headers: { 'Content-Type': 'text/html' } }),
    {
      text: '<h1>oops</h1>',
    },
  );
  source.emit(
    harEntry({ url: 'https://down.example.com/x', status: 0, error: 'net::ERR_CONNECTION_REFUSED' }),
  );
  source.emit(
    harEntry({
      url: 'https://api.example.com/app.js',
      status: 200,
      resourceType: 'script',
      headers: { 'Content-Type': 'text/javascript' },
    }),
    {
      text: 'x',
    },
  );
}

const dataRows = () => screen.getAllByRole('row').filter((r) => r.hasAttribute('data-id'));

describe('the request list', () => {
  it('shows an empty state that says how to capture', () => {
    const { renderIn } = setupPanel();
    renderIn(<App />);
    expect(screen.getByText(/Reload the page/)).toBeInTheDocument();
  });

  it('lists API calls as grid rows with status, method and path; hides non-API by default', async () => {
    const { renderIn, source } = setupPanel();
    renderIn(<App />);
    act(() => emitTraffic(source));
    await waitFor(() => expect(dataRows()).toHaveLength(5));
    const texts = dataRows().map((r) => r.textContent);
    expect(texts[0]).toContain('200');
    expect(texts[0]).toContain('GET');
    // The Name column shows the last path segment; the full URL is its tooltip.
    expect(dataRows()[0]!.querySelector('.name')).toHaveTextContent(/^1$/);
    expect(dataRows()[0]!.querySelector('.name')).toHaveAttribute('title', 'https://api.example.com/users/1');
    expect(texts.join()).not.toContain('app.js');
    expect(screen.getByRole('grid')).toBeInTheDocument();
    fireEvent.click(screen.getByLabelText('API only'));
    await waitFor(() => expect(dataRows()).toHaveLength(6));
  });

  it('gives the Host cell its whole host as a tooltip: a long one is cut in the column', async () => {
    const { renderIn, source } = setupPanel();
    renderIn(<App />);
    const host = 'login.microsoftonline.com';
    act(() =>
      source.emit(harEntry({ method: 'POST', url: `https://${host}/common/oauth2/v2.0/token`, status: 401 })),
    );
    await waitFor(() => expect(dataRows()).toHaveLength(1));
    const cell = within(dataRows()[0]!)
      .getAllByRole('gridcell')
      .find((c) => c.textContent === host);
    expect(cell).toHaveAttribute('title', host);
  });

  it('shows findings per row once analysis arrives (worst severity and count)', async () => {
    const { renderIn, source } = setupPanel();
    renderIn(<App />);
    act(() => emitTraffic(source));
    await waitFor(() => {
      const created = dataRows().find(
        (r) => r.textContent?.includes('users') && r.textContent.includes('201'),
      )!;
      expect(within(created).getByTitle('warning')).toBeInTheDocument();
    });
  });

  it('filters by family chips with live counts, and by search', async () => {
    const { renderIn, source } = setupPanel();
    renderIn(<App />);
    act(() => emitTraffic(source));
    await waitFor(() => expect(dataRows()).toHaveLength(5));
    const chip4xx = screen.getByRole('button', { name: /4xx/ });
    expect(chip4xx).toHaveTextContent('4xx 1');
    expect(screen.getByRole('button', { name: /2xx/ })).toHaveTextContent('2xx 2');
    fireEvent.click(chip4xx);
    expect(dataRows()).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: /5xx/ }));
    expect(dataRows()).toHaveLength(2);
    fireEvent.click(chip4xx);
    fireEvent.click(screen.getByRole('button', { name: /5xx/ }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter requests' }), {
      target: { value: 'method:POST' },
    });
    expect(dataRows()).toHaveLength(1);
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter requests' }), {
      target: { value: '-status:2xx' },
    });
    expect(dataRows()).toHaveLength(3);
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter requests' }), { target: { value: '/(/' } });
    expect(screen.getByText(/Invalid regular expression/)).toBeInTheDocument();
  });

  it('reads a typed path as text and names a mistyped key under the search box', async () => {
    const { renderIn, source } = setupPanel();
    renderIn(<App />);
    act(() => emitTraffic(source));
    await waitFor(() => expect(dataRows()).toHaveLength(5));
    const box = screen.getByRole('combobox', { name: 'Filter requests' });
    // Not the regex /api.example.com/ with "flags" users: that matched every API row.
    fireEvent.change(box, { target: { value: '/api.example.com/users' } });
    expect(dataRows()).toHaveLength(3);
    for (const row of dataRows())
      expect(row.querySelector('.name')!.getAttribute('title')).toContain('/users');
    expect(box).toHaveAttribute('aria-invalid', 'false');
    fireEvent.change(box, { target: { value: '/users\\/\\d/' } });
    expect(dataRows()).toHaveLength(2);
    fireEvent.change(box, { target: { value: 'stauts:4xx' } });
    expect(screen.getByText(/Unknown filter "stauts:" \(did you mean "status:"\?\)/)).toBeInTheDocument();
    expect(box).toHaveAttribute('aria-invalid', 'true');
    // The typo filters nothing out, so the list does not go silently empty.
    expect(dataRows()).toHaveLength(5);
    fireEvent.change(box, { target: { value: '/(a)\\1/' } });
    expect(screen.getByText(/backreferences .* not supported/)).toBeInTheDocument();
  });

  it('sorts by a column and moves the selection with the arrow keys', async () => {
    const { renderIn, source, store } = setupPanel();
    renderIn(<App />);
    act(() => emitTraffic(source));
    await waitFor(() => expect(dataRows()).toHaveLength(5));
    fireEvent.click(screen.getByRole('button', { name: /^Status/ }));
    fireEvent.click(screen.getByRole('button', { name: /^Status/ }));
    expect(dataRows()[0]!.textContent).toContain('500');
    const grid = screen.getByRole('grid');
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(store.getState().selectedId).toBe(dataRows()[1]!.getAttribute('data-id'));
    expect(dataRows()[1]).toHaveAttribute('aria-selected', 'true');
  });

  it('clears on navigation unless Preserve log is on, and on Clear', async () => {
    const { renderIn, source, summary } = setupPanel();
    renderIn(<App />);
    act(() => emitTraffic(source));
    await waitFor(() => expect(dataRows()).toHaveLength(5));
    fireEvent.click(screen.getByLabelText('Preserve log'));
    act(() => source.navigate('https://example.com/next'));
    expect(dataRows()).toHaveLength(5);
    fireEvent.click(screen.getByLabelText('Preserve log'));
    act(() => source.navigate('https://example.com/again'));
    expect(screen.queryAllByRole('row').filter((r) => r.hasAttribute('data-id'))).toHaveLength(0);
    expect(summary.cleared).toEqual([7]);
    act(() => emitTraffic(source));
    await waitFor(() => expect(dataRows()).toHaveLength(5));
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.queryAllByRole('row').filter((r) => r.hasAttribute('data-id'))).toHaveLength(0);
    expect(summary.cleared).toEqual([7, 7]);
  });

  it('shows a fetch the browser blocked after the response arrived (CORS) as failed, with the server status', async () => {
    const { renderIn, source } = setupPanel();
    renderIn(<App />);
    act(() =>
      source.emit(
        harEntry({
          url: 'https://api.other.example/api/data',
          status: 200,
          error: 'net::ERR_FAILED',
          requestHeaders: { Origin: 'https://app.example' },
          headers: { 'Content-Type': 'application/json' },
        }),
      ),
    );
    const row = await waitFor(() => {
      const rows = dataRows();
      expect(rows).toHaveLength(1);
      return rows[0]!;
    });
    expect(row.getAttribute('data-family')).toBe('failed');
    expect(row.textContent).toContain('(failed)');
    expect(row.textContent).toContain('server sent 200');
    fireEvent.click(row);
    // The Overview explains it from the net error entry and names the CORS cause, as a hint
    // and as the http/cors-blocked finding.
    const hints = await screen.findByRole('region', { name: 'Hints' });
    expect(within(hints).getByText(/no Access-Control-Allow-Origin header/)).toBeInTheDocument();
    const findings = screen.getByRole('region', { name: 'Findings' });
    expect(
      (await within(findings).findAllByText(/no Access-Control-Allow-Origin header/)).length,
    ).toBeGreaterThan(0);
    expect(screen.getByText(/failed · server sent 200: the response arrived/)).toBeInTheDocument();
  });

  it('pauses recording', async () => {
    const { renderIn, source } = setupPanel();
    renderIn(<App />);
    fireEvent.click(screen.getByRole('button', { name: /Recording/ }));
    act(() => emitTraffic(source));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryAllByRole('row').filter((r) => r.hasAttribute('data-id'))).toHaveLength(0);
  });
});

describe('keyboard', () => {
  it('Enter opens the selected request in the detail view and moves focus there', async () => {
    const { renderIn, source } = setupPanel();
    renderIn(<App />);
    act(() => emitTraffic(source));
    await waitFor(() => expect(dataRows()).toHaveLength(5));
    const grid = screen.getByRole('grid');
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'Enter' });
    const overview = await screen.findByRole('tab', { name: 'Overview' });
    await waitFor(() => expect(overview).toHaveFocus());
    expect(screen.getByRole('region', { name: 'Selected request' })).toHaveTextContent('/users/1');
  });
});

describe('opening the panel', () => {
  it('lists requests DevTools already held, once each even if one also arrives live', async () => {
    const { MemoryNetworkSource } = await import('../../../src/adapters/memory');
    const { createPanelStore } = await import('../../../src/state/panel-store');
    const { createInlineAnalyzer } = await import('../../../src/surfaces/panel/analyzer');
    const { startCapture } = await import('../../../src/surfaces/panel/capture');
    const source = new MemoryNetworkSource();
    const earlier = harEntry({
      url: 'https://a.io/earlier',
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
    const both = harEntry({
      url: 'https://a.io/both',
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
    source.existing = [earlier, both].map((entry) => ({
      entry,
      getContent: async () => ({ text: '{}', encoding: null }),
    }));
    const store = createPanelStore();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const original = source.getExisting.bind(source);
    source.getExisting = async () => {
      await gate;
      return original();
    };
    startCapture({ source, store, analyzer: createInlineAnalyzer(), flushMs: 0 });
    source.emit(both, { text: '{}' });
    release();
    await waitFor(() => expect(store.getState().rows).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 20));
    expect(
      store
        .getState()
        .rows.map((r) => r.exchange.url)
        .sort(),
    ).toEqual(['https://a.io/both', 'https://a.io/earlier']);
  });
});
