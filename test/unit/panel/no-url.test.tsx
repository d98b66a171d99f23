// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { harDocument, harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

describe('an imported entry whose request URL is empty', () => {
  it('is listed and opened as "(no URL)", not as a blank name', async () => {
    const { renderIn, importer, store } = setupPanel();
    renderIn(<App />);
    const entry = harEntry({ url: '', status: 200, headers: { 'Content-Type': 'application/json' } });
    const har = JSON.stringify(harDocument([entry]));
    await importer.importFiles([new File([har], 'empty-url.har')]);
    // Not an API call by its URL: shown once "API only" is off.
    store.getState().setFilter({ apiOnly: false });
    const row = await waitFor(() => {
      const rows = screen.getAllByRole('row').filter((r) => r.hasAttribute('data-id'));
      expect(rows).toHaveLength(1);
      return rows[0]!;
    });
    expect(within(row).getByText('(no URL)')).toBeInTheDocument();
    fireEvent.click(row);
    const detail = screen.getByRole('region', { name: 'Selected request' });
    expect(detail.querySelector('.detail-url')).toHaveTextContent('(no URL)');
  });
});

describe('the Endpoints view, with an imported entry whose request URL is empty', () => {
  it('names its endpoint "(no URL)" with no host, not "GET /", and narrows the list to it', async () => {
    const { renderIn, importer, store } = setupPanel();
    renderIn(<App />);
    const J = { 'Content-Type': 'application/json' };
    const har = JSON.stringify(
      harDocument([
        harEntry({ url: '', status: 200, headers: J }),
        harEntry({ url: 'https://api.example.com/', status: 200, headers: J }),
      ]),
    );
    await importer.importFiles([new File([har], 'empty-url.har')]);
    store.getState().setFilter({ apiOnly: false });
    await waitFor(() => expect(store.getState().rows.filter((r) => r.analysis)).toHaveLength(2));
    fireEvent.click(screen.getByRole('tab', { name: 'Endpoints' }));
    const region = await screen.findByRole('region', { name: 'Endpoints' });
    const names = within(region)
      .getAllByRole('rowheader')
      .map((h) => h.textContent);
    expect(names.sort()).toEqual(['GET (no URL) ', 'GET / api.example.com']);
    const button = within(region).getByRole('button', { name: 'GET (no URL)' });
    expect(within(button).getByText('(no URL)')).toHaveClass('muted');
    fireEvent.click(button);
    expect(screen.getByRole('combobox', { name: 'Filter requests' })).toHaveValue(
      'method:GET route:"(no URL)"',
    );
    const listed = screen.getAllByRole('row').filter((r) => r.hasAttribute('data-id'));
    expect(listed).toHaveLength(1);
    expect(within(listed[0]!).getByText('(no URL)')).toBeInTheDocument();
  });
});
