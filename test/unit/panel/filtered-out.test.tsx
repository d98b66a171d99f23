// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { noSuchStatus } from '../../../src/surfaces/panel/FilteredOut';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

afterEach(cleanup);

type Source = ReturnType<typeof setupPanel>['source'];

const dataRows = () => screen.queryAllByRole('row').filter((r) => r.hasAttribute('data-id'));
const box = () => screen.getByRole('combobox', { name: 'Filter requests' });

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

/** A JSON API call: what API only keeps. */
function apiCall(source: Source, path: string, status = 200) {
  act(() => {
    source.emit(
      harEntry({
        url: `https://bank.example.com${path}`,
        status,
        headers: { 'Content-Type': 'application/json' },
        resourceType: 'fetch',
      }),
      { text: '{}' },
    );
  });
}

/** The note in the list's place (a status, as the status bar is). */
const note = () => screen.queryAllByRole('status').find((e) => e.classList.contains('filtered-out')) ?? null;
const buttons = () =>
  note()
    ? within(note()!)
        .queryAllByRole('button')
        .map((b) => b.textContent)
    : [];

describe('a list the filters empty says so, in the list, and which filter does it (#3)', () => {
  it('API only alone: names it, and turns it off at a click', async () => {
    const { renderIn, source, store } = setupPanel();
    renderIn(<App />);
    formPosts(source);
    await waitFor(() => expect(store.getState().rows).toHaveLength(2));
    expect(dataRows()).toHaveLength(0);
    expect(note()).toHaveTextContent('2 requests hidden by API only.');
    expect(buttons()).toEqual(['Turn off API only']);
    fireEvent.click(screen.getByRole('button', { name: 'Turn off API only' }));
    await waitFor(() => expect(dataRows()).toHaveLength(2));
    expect(note()).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'API only' })).not.toBeChecked();
  });

  it('the search alone: says it matches nothing, whatever else is on, and offers only to clear it', async () => {
    const { renderIn, source, store } = setupPanel();
    renderIn(<App />);
    formPosts(source);
    apiCall(source, '/api/me');
    await waitFor(() => expect(store.getState().rows).toHaveLength(3));
    // API only is on (the default) and hides the form posts, but no request at all has "nowhere".
    fireEvent.change(box(), { target: { value: 'nowhere' } });
    await waitFor(() => expect(note()).toHaveTextContent('None of the 3 requests matches the search.'));
    expect(note()).not.toHaveTextContent('API only');
    expect(buttons()).toEqual(['Clear the search']);
    fireEvent.click(screen.getByRole('button', { name: 'Clear the search' }));
    expect(box()).toHaveValue('');
    await waitFor(() => expect(dataRows()).toHaveLength(1));
    expect(note()).toBeNull();
  });

  it('the search and API only: the search matches requests API only hides, and either button helps', async () => {
    const { renderIn, source, store } = setupPanel();
    renderIn(<App />);
    formPosts(source);
    apiCall(source, '/api/me');
    await waitFor(() => expect(store.getState().rows).toHaveLength(3));
    fireEvent.change(box(), { target: { value: 'login' } });
    await waitFor(() =>
      expect(note()).toHaveTextContent('The search matches 1 request, hidden by API only.'),
    );
    // Turning API only off shows the match; clearing the search shows the API call.
    expect(buttons()).toEqual(['Turn off API only', 'Clear the search']);
    fireEvent.click(screen.getByRole('button', { name: 'Turn off API only' }));
    await waitFor(() => expect(dataRows()).toHaveLength(1));
    expect(dataRows()[0]).toHaveTextContent('login');
    expect(note()).toBeNull();
  });

  it('names only the toggles that hide what the search matches, and all of them when each does', async () => {
    const { renderIn, source, store } = setupPanel();
    renderIn(<App />);
    formPosts(source);
    await waitFor(() => expect(store.getState().rows).toHaveLength(2));
    act(() => store.getState().setFilter({ findingsOnly: true, query: 'bank' }));
    // Form posts are no API calls and raise no findings here: each toggle alone hides both.
    await waitFor(() =>
      expect(note()).toHaveTextContent(
        'The search matches 2 requests, all hidden by API only and Findings only.',
      ),
    );
    // With the search cleared, the toggles would still hide everything: no such button.
    expect(buttons()).toEqual(['Turn off API only and Findings only']);
    fireEvent.click(screen.getByRole('button', { name: 'Turn off API only and Findings only' }));
    await waitFor(() => expect(dataRows()).toHaveLength(2));
    expect(store.getState().filter).toMatchObject({ apiOnly: false, findingsOnly: false, query: 'bank' });
  });

  it('a status chip: no such response among what the other filters let through', async () => {
    const { renderIn, source, store } = setupPanel();
    renderIn(<App />);
    formPosts(source);
    apiCall(source, '/api/me');
    apiCall(source, '/api/accounts', 404);
    await waitFor(() => expect(store.getState().rows).toHaveLength(4));
    act(() => store.getState().toggleFamily('5xx'));
    await waitFor(() =>
      expect(note()).toHaveTextContent('None of the 2 requests with API only on is a 5xx response.'),
    );
    act(() => store.getState().toggleFamily('failed'));
    act(() => store.getState().setFilter({ apiOnly: false, query: 'bank' }));
    await waitFor(() =>
      expect(note()).toHaveTextContent(
        'None of the 4 requests matching the search is a 5xx or failed response.',
      ),
    );
    act(() => store.getState().setFilter({ query: '' }));
    await waitFor(() =>
      expect(note()).toHaveTextContent('None of the 4 requests is a 5xx or failed response.'),
    );
    expect(buttons()).toEqual(['Clear the status chips']);
    fireEvent.click(screen.getByRole('button', { name: 'Clear the status chips' }));
    await waitFor(() => expect(dataRows()).toHaveLength(4));
    expect(note()).toBeNull();
  });

  it('the Endpoints view says the same in its place, with the same button', async () => {
    const { renderIn, source, store } = setupPanel();
    renderIn(<App />);
    formPosts(source);
    await waitFor(() => expect(store.getState().rows).toHaveLength(2));
    fireEvent.click(screen.getByRole('tab', { name: 'Endpoints' }));
    await waitFor(() => expect(note()).toHaveTextContent('2 requests hidden by API only.'));
    fireEvent.click(within(note()!).getByRole('button', { name: 'Turn off API only' }));
    const region = await screen.findByRole('region', { name: 'Endpoints' });
    await waitFor(() => expect(within(region).getAllByRole('rowheader')).toHaveLength(2));
    expect(note()).toBeNull();
  });

  it('says nothing while some requests show, or when none were captured', async () => {
    const { renderIn, source, store } = setupPanel();
    renderIn(<App />);
    expect(note()).toBeNull();
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
    expect(note()).toBeNull();
  });
});

describe("the status chips' empty state reads as one sentence in every combination (review finding 11)", () => {
  const T = ['API only'];
  const TT = ['API only', 'Findings only'];
  it.each([
    [['2xx'], 4, false, [], 'None of the 4 requests is a 2xx response.'],
    [['2xx'], 1, false, [], 'The one request is not a 2xx response.'],
    [['5xx', 'failed'], 4, false, [], 'None of the 4 requests is a 5xx or failed response.'],
    [['1xx', '3xx', '5xx'], 2, false, [], 'None of the 2 requests is a 1xx, 3xx or 5xx response.'],
    [['2xx'], 3, true, [], 'None of the 3 requests matching the search is a 2xx response.'],
    [['2xx'], 1, true, [], 'The one request matching the search is not a 2xx response.'],
    [['5xx'], 2, false, T, 'None of the 2 requests with API only on is a 5xx response.'],
    [['5xx'], 1, false, T, 'The one request with API only on is not a 5xx response.'],
    [['5xx'], 2, false, TT, 'None of the 2 requests with API only and Findings only on is a 5xx response.'],
    // The review's case: status:5xx in the search, API only on, the 2xx chip clicked.
    [['2xx'], 1, true, T, 'The one request matching the search with API only on is not a 2xx response.'],
    [
      ['4xx', '5xx'],
      7,
      true,
      TT,
      'None of the 7 requests matching the search with API only and Findings only on is a 4xx or 5xx response.',
    ],
  ] as const)('%j of %i, search %s, toggles %j', (families, count, search, toggles, text) => {
    expect(noSuchStatus({ families, count, search, toggles })).toBe(text);
  });
});
