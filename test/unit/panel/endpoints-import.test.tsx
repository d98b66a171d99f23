// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { harDocument, harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

const J = { 'Content-Type': 'application/json' };

describe('the Endpoints view', () => {
  it('groups requests by method and route template with family counts and findings by rule', async () => {
    const { renderIn, source } = setupPanel();
    renderIn(<App />);
    act(() => {
      source.emit(harEntry({ url: 'https://api.example.com/users/1', status: 200, headers: J }), {
        text: '{}',
      });
      source.emit(harEntry({ url: 'https://api.example.com/users/2', status: 404, headers: J }), {
        text: '{}',
      });
      source.emit(
        harEntry({ method: 'POST', url: 'https://api.example.com/users', status: 201, headers: J }),
        { text: '{}' },
      );
      source.emit(
        harEntry({ method: 'POST', url: 'https://api.example.com/users', status: 201, headers: J }),
        { text: '{}' },
      );
    });
    await waitFor(() =>
      expect(screen.getAllByRole('row').filter((r) => r.hasAttribute('data-id'))).toHaveLength(4),
    );
    await waitFor(() => expect(screen.queryAllByTitle('Analysing…')).toHaveLength(0));
    fireEvent.click(screen.getByRole('tab', { name: 'Endpoints' }));
    // Grouped in the analysis worker (inline here): the table comes with its first snapshot.
    const region = await screen.findByRole('region', { name: 'Endpoints' });
    const rows = within(region).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    // Worst first: the POSTs break http/created-location twice.
    expect(rows[0]).toHaveTextContent('POST /users');
    expect(rows[0]).toHaveTextContent('http/created-location ×2');
    expect(rows[1]).toHaveTextContent('GET /users/{id}');
    fireEvent.click(within(rows[1]!).getByRole('button', { name: /GET \/users\/\{id\}/ }));
    expect(screen.getByRole('combobox', { name: 'Filter requests' })).toHaveValue(
      'method:GET host:api.example.com route:/users/{id}',
    );
    // The list shows exactly the endpoint's calls, as many as its Calls column said.
    const listed = screen.getAllByRole('row').filter((r) => r.hasAttribute('data-id'));
    expect(listed).toHaveLength(2);
    expect(
      listed.every((r) => /\/users\/[12]$/.test(r.querySelector('.name')?.getAttribute('title') ?? '')),
    ).toBe(true);
  });

  it('keeps the user’s own search when narrowing to one endpoint', async () => {
    const { renderIn, source, store } = setupPanel();
    renderIn(<App />);
    act(() => {
      for (const [url, status] of [
        ['https://api.example.com/users/1', 200],
        ['https://api.example.com/users/2', 404],
        ['https://api.example.com/users/3', 404],
        ['https://api.example.com/orders/9', 404],
      ] as const)
        source.emit(harEntry({ url, status, headers: J }), { text: '{}' });
    });
    await waitFor(() => expect(store.getState().rows).toHaveLength(4));
    act(() => store.getState().setFilter({ query: 'status:404' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Endpoints' }));
    const region = await screen.findByRole('region', { name: 'Endpoints' });
    const row = within(region)
      .getAllByRole('row')
      .find((r) => r.textContent?.includes('/users/{id}'))!;
    expect(within(row).getAllByRole('cell')[0]).toHaveTextContent('2');
    fireEvent.click(within(row).getByRole('button', { name: /GET \/users\/\{id\}/ }));
    expect(screen.getByRole('combobox', { name: 'Filter requests' })).toHaveValue(
      'status:404 method:GET host:api.example.com route:/users/{id}',
    );
    expect(screen.getAllByRole('row').filter((r) => r.hasAttribute('data-id'))).toHaveLength(2);
  });
});

describe('HAR import', () => {
  const file = (name: string, text: string) => new File([text], name, { type: 'application/json' });

  it('imports a HAR dropped on the panel and reports unreadable entries', async () => {
    const { renderIn, store } = setupPanel();
    renderIn(<App />);
    const har = harDocument([
      harEntry({ method: 'POST', url: 'https://x.io/a', status: 201, headers: J, text: '{}' }),
      { request: {} },
    ]);
    const panel = document.querySelector('.panel')!;
    act(() => {
      fireEvent.drop(panel, {
        dataTransfer: { types: ['Files'], files: [file('drop.har', JSON.stringify(har))] },
      });
    });
    await waitFor(() => expect(store.getState().rows).toHaveLength(1));
    expect(store.getState().rows[0]!.analysis!.findings.map((f) => f.rule)).toContain(
      'http/created-location',
    );
    await waitFor(() =>
      expect(
        screen.getByText(/Imported 1 of 2 entries from drop\.har; 1 could not be read \(entry 1:/),
      ).toBeInTheDocument(),
    );
  });

  it('a HAR that breaks part way keeps the entries before the break, as the CLI does, and says where', async () => {
    const { renderIn, store } = setupPanel();
    renderIn(<App />);
    const good = JSON.stringify(
      harDocument([
        harEntry({ url: 'https://x.io/a', status: 200, headers: J, text: '{}' }),
        harEntry({ url: 'https://x.io/b', status: 404, headers: J, text: '{}' }),
      ]),
    );
    // Cut inside the third entry: a hand-edited or truncated export.
    const cut = `${good.slice(0, good.lastIndexOf(']'))}, {"request": {"url": `;
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    act(() => {
      fireEvent.change(input, { target: { files: [file('cut.har', cut)] } });
    });
    await waitFor(() => expect(store.getState().rows).toHaveLength(2));
    expect(store.getState().rows.map((r) => r.exchange.url)).toEqual(['https://x.io/a', 'https://x.io/b']);
    await waitFor(() =>
      expect(
        screen.getByText(
          /Imported 2 of 2 entries from cut\.har; the rest of the file could not be read \(line 1, column \d+: unexpected end of file inside entry 2/,
        ),
      ).toBeInTheDocument(),
    );
  });

  it('says clearly when a file is not a HAR, and keeps what was there', async () => {
    const { renderIn, store, source } = setupPanel();
    renderIn(<App />);
    act(() => source.emit(harEntry({ url: 'https://x.io/keep', status: 200, headers: J }), { text: '{}' }));
    await waitFor(() => expect(store.getState().rows).toHaveLength(1));
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    act(() => {
      fireEvent.change(input, { target: { files: [file('broken.har', '{"log": ')] } });
    });
    await waitFor(() =>
      expect(
        screen.getByText(/broken\.har: unexpected end of file .*cut short \(line 1, column 9\)/),
      ).toBeInTheDocument(),
    );
    act(() => {
      fireEvent.change(input, { target: { files: [file('other.json', '{"hello": 1}')] } });
    });
    await waitFor(() => expect(screen.getByText(/other\.json: not a HAR file/)).toBeInTheDocument());
    expect(store.getState().rows).toHaveLength(1);
  });
});
