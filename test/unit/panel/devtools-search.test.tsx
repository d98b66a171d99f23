// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MemoryDevtoolsSearch } from '../../../src/adapters/memory';
import { App } from '../../../src/surfaces/panel/App';
import { followDevtoolsSearch } from '../../../src/surfaces/panel/devtools-search';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

const headers = { 'Content-Type': 'application/json' };
const dataRows = () => screen.getAllByRole('row').filter((r) => r.hasAttribute('data-id'));
/** The Name cell's tooltip holds the whole URL. */
const urls = () => dataRows().map((r) => r.querySelector('.name')?.getAttribute('title'));
const box = () => screen.getByRole('combobox', { name: 'Filter requests' });
const selectedUrl = () => screen.getByRole('region', { name: 'Selected request' }).textContent ?? '';

/** The panel with four calls, and DevTools' search bar (Ctrl/⌘+F over the panel) as a fake. */
async function panelWithSearch() {
  const panel = setupPanel();
  const search = new MemoryDevtoolsSearch();
  const stop = followDevtoolsSearch(search, panel.store);
  panel.renderIn(<App />);
  act(() => {
    for (const [path, status] of [
      ['/users/1', 200],
      ['/orders/7', 404],
      ['/users/2', 200],
      ['/orders/8', 500],
    ] as const)
      panel.source.emit(harEntry({ url: `https://api.example.com${path}`, status, headers }), { text: '{}' });
  });
  await waitFor(() => expect(dataRows()).toHaveLength(4), { timeout: 5_000 });
  return { ...panel, search, stop };
}

describe('DevTools’ search bar drives the filter box (#16)', () => {
  it('typing there fills the filter box and narrows the list, leaving the keyboard in DevTools’ bar', async () => {
    const { search } = await panelWithSearch();
    act(() => search.emit('performSearch', 'ord'));
    act(() => search.emit('performSearch', 'orders'));
    expect(box()).toHaveValue('orders');
    expect(box()).not.toHaveFocus();
    expect(urls()).toEqual(['https://api.example.com/orders/7', 'https://api.example.com/orders/8']);
  });

  it('Escape there gives back the filter the user had before the search began', async () => {
    const { search } = await panelWithSearch();
    fireEvent.change(box(), { target: { value: 'status:200' } });
    expect(dataRows()).toHaveLength(2);
    act(() => search.emit('performSearch', 'ord'));
    act(() => search.emit('performSearch', 'orders/8'));
    expect(dataRows()).toHaveLength(1);
    act(() => search.emit('cancelSearch'));
    expect(box()).toHaveValue('status:200');
    expect(dataRows()).toHaveLength(2);
    // A second search starts from the filter as it is now.
    fireEvent.change(box(), { target: { value: '' } });
    act(() => search.emit('performSearch', 'users/2'));
    act(() => search.emit('cancelSearch'));
    expect(box()).toHaveValue('');
    expect(dataRows()).toHaveLength(4);
  });

  it('Enter and Shift+Enter there step the selection through the matching rows, wrapping', async () => {
    const { search } = await panelWithSearch();
    act(() => search.emit('performSearch', 'orders'));
    act(() => search.emit('nextSearchResult'));
    expect(selectedUrl()).toContain('/orders/7');
    act(() => search.emit('nextSearchResult'));
    expect(selectedUrl()).toContain('/orders/8');
    act(() => search.emit('nextSearchResult'));
    expect(selectedUrl()).toContain('/orders/7');
    act(() => search.emit('previousSearchResult'));
    expect(selectedUrl()).toContain('/orders/8');
  });

  it('previous with nothing selected starts at the last match; an empty list selects nothing', async () => {
    const { search, store } = await panelWithSearch();
    act(() => search.emit('performSearch', 'users'));
    act(() => search.emit('previousSearchResult'));
    expect(selectedUrl()).toContain('/users/2');
    act(() => search.emit('performSearch', 'nothing-matches-this'));
    act(() => search.emit('nextSearchResult'));
    expect(store.getState().selectedId).not.toBeNull(); // unchanged: nothing to step to
    expect(screen.queryAllByRole('row').filter((r) => r.hasAttribute('data-id'))).toHaveLength(0);
  });

  it('from the Codes view, the search brings the requests back with the box filled', async () => {
    const { search, store } = await panelWithSearch();
    act(() => store.getState().setView('codes'));
    act(() => search.emit('performSearch', 'orders'));
    expect(store.getState().view).toBe('requests');
    expect(box()).toHaveValue('orders');
  });

  it('stops following when unsubscribed', async () => {
    const { search, stop } = await panelWithSearch();
    stop();
    expect(search.listenerCount).toBe(0);
    act(() => search.emit('performSearch', 'orders'));
    expect(box()).toHaveValue('');
  });
});
