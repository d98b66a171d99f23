// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { createSearchIndex, type SearchUpdate } from '../../../src/surfaces/panel/worker-search';
import { harDocument, harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';
import { makeExchange } from '../../helpers/exchange';
import { defaultSettings } from '../../../src/core/settings/schema';

type Source = ReturnType<typeof setupPanel>['source'];

/** A call whose body DevTools holds (its recorded size says there is one). */
function call(source: Source, url: string, status: number, text: string, method = 'GET') {
  const headers = { 'Content-Type': 'application/json' };
  source.emit(harEntry({ url, method, status, headers, size: text.length }), { text });
}

function traffic(source: Source) {
  call(
    source,
    'https://api.example.com/login',
    401,
    '{"error":"invalid_token","error_description":"The access token expired"}',
    'POST',
  );
  call(source, 'https://api.example.com/users/1', 200, '{"id":1,"name":"Ada"}');
  call(source, 'https://api.example.com/users/2', 404, '{"message":"User 2 not found"}');
}

const dataRows = () => screen.getAllByRole('row').filter((r) => r.hasAttribute('data-id'));
const urls = () => dataRows().map((r) => r.querySelector('.name')!.getAttribute('title'));
const box = () => screen.getByRole('combobox', { name: 'Filter requests' });

describe('the filter box', () => {
  it('searches captured response bodies with body:, and says how many matched', async () => {
    const { renderIn, source } = setupPanel();
    renderIn(<App />);
    act(() => traffic(source));
    await waitFor(() => expect(dataRows()).toHaveLength(3), { timeout: 5_000 });
    fireEvent.change(box(), { target: { value: 'body:INVALID_token' } });
    await waitFor(() => expect(urls()).toEqual(['https://api.example.com/login']));
    expect(screen.getByText(/body: 1 match in 3 captured bodies/)).toBeInTheDocument();
    // A row that arrives later and matches joins the list.
    act(() => call(source, 'https://api.example.com/me', 401, '{"error":"invalid_token"}'));
    await waitFor(() =>
      expect(urls()).toEqual(['https://api.example.com/login', 'https://api.example.com/me']),
    );
    fireEvent.change(box(), { target: { value: 'body:"not found" -status:200' } });
    await waitFor(() => expect(urls()).toEqual(['https://api.example.com/users/2']));
  });

  it('filters by a /regex/ answered in the worker: the list, the chips and a row that comes later', async () => {
    const { renderIn, source } = setupPanel();
    renderIn(<App />);
    act(() => traffic(source));
    await waitFor(() => expect(dataRows()).toHaveLength(3), { timeout: 5_000 });
    fireEvent.change(box(), { target: { value: '/users\\/\\d+$/ -status:200' } });
    await waitFor(() => expect(urls()).toEqual(['https://api.example.com/users/2']));
    expect(screen.getByRole('button', { name: /^2xx/ })).toHaveTextContent('2xx 0');
    expect(screen.getByRole('button', { name: /^4xx/ })).toHaveTextContent('4xx 1');
    act(() => call(source, 'https://api.example.com/users/3', 404, '{}'));
    await waitFor(() =>
      expect(urls()).toEqual(['https://api.example.com/users/2', 'https://api.example.com/users/3']),
    );
    // Negated: what the regex does not match.
    fireEvent.change(box(), { target: { value: '-/users/' } });
    await waitFor(() => expect(urls()).toEqual(['https://api.example.com/login']));
    fireEvent.change(box(), { target: { value: '' } });
    await waitFor(() => expect(dataRows()).toHaveLength(4));
  });

  it('counts on the chips what the rest of the filter lets through', async () => {
    const { renderIn, source } = setupPanel();
    renderIn(<App />);
    act(() => traffic(source));
    await waitFor(() => expect(dataRows()).toHaveLength(3), { timeout: 5_000 });
    const chip = (name: RegExp) => screen.getByRole('button', { name });
    expect(chip(/^4xx/)).toHaveTextContent('4xx 2');
    fireEvent.change(box(), { target: { value: 'users' } });
    expect(chip(/^4xx/)).toHaveTextContent('4xx 1');
    expect(chip(/^2xx/)).toHaveTextContent('2xx 1');
    // Choosing a family does not change the counts of the others.
    fireEvent.click(chip(/^4xx/));
    expect(chip(/^2xx/)).toHaveTextContent('2xx 1');
    expect(dataRows()).toHaveLength(1);
  });

  it('completes keys and values from the capture with the keyboard', async () => {
    const user = userEvent.setup();
    const { renderIn, source } = setupPanel();
    renderIn(<App />);
    act(() => traffic(source));
    await waitFor(() => expect(dataRows()).toHaveLength(3), { timeout: 5_000 });
    await user.click(box());
    await user.keyboard('meth');
    const list = screen.getByRole('listbox', { name: 'Suggestions' });
    expect(within(list).getAllByRole('option')[0]).toHaveTextContent('method:');
    expect(box()).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Enter}');
    expect(box()).toHaveValue('method:');
    // Values seen in the capture follow.
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['GET', 'POST']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(box()).toHaveValue('method:POST ');
    expect(urls()).toEqual(['https://api.example.com/login']);
    await user.keyboard('stat');
    await user.keyboard('{Escape}');
    expect(box()).toHaveAttribute('aria-expanded', 'false');
  });

  it('offers values of rows that arrive later, and forgets them on Clear', async () => {
    const user = userEvent.setup();
    const { renderIn, source, store } = setupPanel();
    renderIn(<App />);
    act(() => traffic(source));
    await waitFor(() => expect(dataRows()).toHaveLength(3), { timeout: 5_000 });
    const methodsOffered = async () => {
      await user.clear(box());
      await user.type(box(), 'method:');
      return within(screen.getByRole('listbox'))
        .getAllByRole('option')
        .map((o) => o.textContent);
    };
    expect(await methodsOffered()).toEqual(['GET', 'POST']);
    act(() => call(source, 'https://api.example.com/users/3', 204, '', 'DELETE'));
    await waitFor(() => expect(store.getState().rows).toHaveLength(4));
    expect(await methodsOffered()).toEqual(['DELETE', 'GET', 'POST']);
    await user.clear(box());
    act(() => store.getState().clear());
    act(() => call(source, 'https://api.example.com/users/4', 200, '{}', 'PUT'));
    await waitFor(() => expect(store.getState().rows).toHaveLength(1));
    expect(await methodsOffered()).toEqual(['PUT']);
  });

  it('opens a help popover whose examples fill the box, and still names unknown keys', async () => {
    const { renderIn } = setupPanel();
    renderIn(<App />);
    fireEvent.click(screen.getByRole('button', { name: 'Filter syntax help' }));
    const help = screen.getByRole('dialog', { name: 'Filter syntax' });
    expect(help).toHaveTextContent('status-code:');
    fireEvent.click(within(help).getByRole('button', { name: 'time:>500ms' }));
    expect(box()).toHaveValue('time:>500ms');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    fireEvent.change(box(), { target: { value: 'colour:red' } });
    expect(screen.getByText(/Unknown filter "colour:"/)).toBeInTheDocument();
  });

  it("the help's profile: example names a real profile and finds its findings; an unknown id gets a hint (review finding 9)", async () => {
    const { renderIn, source } = setupPanel({ ...defaultSettings(), profiles: ['problem'] });
    renderIn(<App />);
    act(() => {
      // A 404 that is not Problem Details, under the problem profile: a problem/* finding.
      call(source, 'https://api.example.com/users/2', 404, '{"message":"User 2 not found"}');
      call(source, 'https://api.example.com/users/1', 200, '{"id":1}');
    });
    await waitFor(() => expect(dataRows()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Filter syntax help' }));
    const help = screen.getByRole('dialog', { name: 'Filter syntax' });
    fireEvent.click(within(help).getByRole('button', { name: /^profile:/ }));
    expect(box()).toHaveValue('profile:problem');
    await waitFor(() => expect(urls()).toEqual(['https://api.example.com/users/2']));
    expect(screen.queryByText(/no profile has that id/)).not.toBeInTheDocument();
    // The RFC's name, as the old example had it: the id it stands for is named.
    fireEvent.change(box(), { target: { value: 'profile:problem-details' } });
    expect(
      screen.getByText(
        /"profile:problem-details": no profile has that id \(did you mean "profile:problem"\?\)/,
      ),
    ).toBeInTheDocument();
  });

  it('marks imported rows, and is:imported / is:live tell them apart', async () => {
    const { renderIn, source, importer } = setupPanel();
    renderIn(<App />);
    act(() => traffic(source));
    await waitFor(() => expect(dataRows()).toHaveLength(3), { timeout: 5_000 });
    const har = harDocument([
      harEntry({
        url: 'https://old.example.com/a',
        status: 500,
        headers: { 'Content-Type': 'application/json' },
      }),
    ]);
    await act(() => importer.importFiles([new File([JSON.stringify(har)], 'old.har')]));
    await waitFor(() => expect(dataRows()).toHaveLength(4));
    const importedRow = dataRows().find((r) => r.dataset.imported === 'true')!;
    expect(within(importedRow).getByTitle(/Imported from a HAR file/)).toHaveTextContent('HAR');
    fireEvent.change(box(), { target: { value: 'is:imported' } });
    expect(urls()).toEqual(['https://old.example.com/a']);
    fireEvent.change(box(), { target: { value: 'is:live' } });
    expect(dataRows()).toHaveLength(3);
    expect(dataRows().some((r) => r.dataset.imported)).toBe(false);
  });
});

describe('the search index (in the worker)', () => {
  const regex = (source: string, negate = false) => ({ kind: 'regex' as const, source, flags: '', negate });
  const body = (text: string, negate = false) => ({ kind: 'body' as const, text, negate });

  it('searches in slices, reports progress, and a newer search stops the older', () => {
    const updates: SearchUpdate[] = [];
    const queue: (() => void)[] = [];
    const index = createSearchIndex(
      (u) => updates.push(u),
      0,
      (next) => queue.push(next),
    );
    for (let i = 0; i < 300; i++)
      index.record({ ...makeExchange({ body: i % 100 === 0 ? 'needle here' : 'hay' }), id: `r${i}` });
    index.search(1, [body('needle')]);
    // A zero-ms slice stops after the first 64 rows: the rest waits for the next turn.
    expect(updates.at(-1)).toMatchObject({ searchId: 1, done: false, total: 300, bodies: 300 });
    index.search(2, [body('hay')]);
    while (queue.length > 0) queue.shift()!();
    expect(updates.filter((u) => u.searchId === 1 && u.done)).toHaveLength(0);
    const found = updates.filter((u) => u.searchId === 2).flatMap((u) => u.matches);
    expect(found).toHaveLength(297);
    index.forget(['r1']);
    index.search(3, [body('hay')]);
    while (queue.length > 0) queue.shift()!();
    expect(updates.filter((u) => u.searchId === 3).flatMap((u) => u.matches)).toHaveLength(296);
    expect(updates.at(-1)).toMatchObject({ searchId: 3, done: true, total: 299, bodies: 299 });
  });

  it('matches URL regexes (negated too) on rows with and without a body, and tests rows that come later', () => {
    const updates: SearchUpdate[] = [];
    const queue: (() => void)[] = [];
    const index = createSearchIndex(
      (u) => updates.push(u),
      25,
      (next) => queue.push(next),
    );
    const row = (id: string, url: string, text?: string) =>
      index.record({ ...makeExchange({ url, ...(text === undefined ? {} : { body: text }) }), id });
    row('a', 'https://api.example.com/users/1', '{"ok":true}');
    row('b', 'https://api.example.com/users/2');
    row('c', 'https://api.example.com/orders/3', '{"ok":false}');
    index.search(1, [regex('users/\\d+$')]);
    expect(updates.flatMap((u) => u.matches)).toEqual(['a', 'b']);
    index.search(2, [regex('users', true), body('false')]);
    expect(updates.filter((u) => u.searchId === 2).flatMap((u) => u.matches)).toEqual(['c']);
    // A pathological pattern over a long run of a's answers at once (RE2: no backtracking).
    row('d', `https://api.example.com/${'a'.repeat(5_000)}!`);
    index.search(3, [regex('(a+)+$')]);
    expect(updates.filter((u) => u.searchId === 3).flatMap((u) => u.matches)).toEqual([]);
    index.search(4, [regex('(a+)+!$')]);
    row('e', `https://api.example.com/${'a'.repeat(10)}!`);
    while (queue.length > 0) queue.shift()!();
    expect(updates.filter((u) => u.searchId === 4).flatMap((u) => u.matches)).toEqual(['d', 'e']);
    index.search(5, null);
    row('f', `https://api.example.com/aa!`);
    while (queue.length > 0) queue.shift()!();
    expect(updates.filter((u) => u.searchId === 5)).toEqual([]);
  });
});
