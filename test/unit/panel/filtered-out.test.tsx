// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

afterEach(cleanup);

type Source = ReturnType<typeof setupPanel>['source'];

const dataRows = () => screen.queryAllByRole('row').filter((r) => r.hasAttribute('data-id'));
const box = () => screen.getByRole('combobox', { name: 'Filter requests' });
const hiddenNote = () => screen.queryByText(/hidden by/);

/** Two HTML form posts and their HTML answers: what API only (on by default) leaves out. */
function formPosts(source: Source) {
  act(() => {
    for (const path of ['/login', '/search'])
      source.emit(
        harEntry({
          method: 'POST',
          url: `https://bank.example.com${path}`,
          status: 200,
          headers: { 'Content-Type': 'text/html' },
          resourceType: 'document',
          postData: { mimeType: 'application/x-www-form-urlencoded', text: 'q=1' },
        }),
        { text: '<html></html>' },
      );
  });
}

describe('a list the filters empty says so, in the list (#3)', () => {
  it('names API only and shows every request at a click', async () => {
    const { renderIn, source, store } = setupPanel();
    renderIn(<App />);
    formPosts(source);
    await waitFor(() => expect(store.getState().rows).toHaveLength(2));
    expect(dataRows()).toHaveLength(0);
    expect(hiddenNote()).toHaveTextContent('2 requests hidden by API only.');
    // One filter: one button, and no per-filter ones.
    expect(screen.queryByRole('button', { name: 'Turn off API only' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show all requests' }));
    await waitFor(() => expect(dataRows()).toHaveLength(2));
    expect(hiddenNote()).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'API only' })).not.toBeChecked();
  });

  it('names every filter on, and clears one at a time or all at once', async () => {
    const { renderIn, source, store } = setupPanel();
    renderIn(<App />);
    formPosts(source);
    await waitFor(() => expect(store.getState().rows).toHaveLength(2));
    fireEvent.change(box(), { target: { value: 'login' } });
    act(() => store.getState().setFilter({ findingsOnly: true }));
    expect(hiddenNote()).toHaveTextContent('2 requests hidden by API only, Findings only and the search.');
    fireEvent.click(screen.getByRole('button', { name: 'Clear the search' }));
    expect(box()).toHaveValue('');
    expect(hiddenNote()).toHaveTextContent('2 requests hidden by API only and Findings only.');
    fireEvent.click(screen.getByRole('button', { name: 'Show all requests' }));
    // Form posts raise no findings here: both show once both toggles are off.
    await waitFor(() => expect(dataRows()).toHaveLength(2));
    expect(store.getState().filter).toMatchObject({ apiOnly: false, findingsOnly: false, query: '' });
  });

  it('says nothing while some requests show, or when none were captured', async () => {
    const { renderIn, source, store } = setupPanel();
    renderIn(<App />);
    expect(hiddenNote()).toBeNull();
    formPosts(source);
    act(() => {
      source.emit(
        harEntry({
          url: 'https://bank.example.com/api/me',
          status: 200,
          headers: { 'Content-Type': 'application/json' },
          resourceType: 'fetch',
        }),
        { text: '{}' },
      );
    });
    await waitFor(() => expect(store.getState().rows).toHaveLength(3));
    await waitFor(() => expect(dataRows()).toHaveLength(1));
    expect(hiddenNote()).toBeNull();
  });
});
