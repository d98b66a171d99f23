// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { nameOf } from '../../../src/state/panel-selectors';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

type Source = ReturnType<typeof setupPanel>['source'];

/** A call that started at `second` past 10:00 UTC. */
function call(source: Source, path: string, second: number, status = 200, extra = {}) {
  source.emit(
    {
      ...harEntry({
        url: `https://api.example.com${path}`,
        status,
        headers: { 'Content-Type': 'application/json' },
        ...extra,
      }),
      startedDateTime: `2026-11-22T10:00:${String(second).padStart(2, '0')}.000Z`,
    },
    { text: '{}' },
  );
}

const dataRows = () => screen.getAllByRole('row').filter((r) => r.hasAttribute('data-id'));
const names = () => dataRows().map((r) => r.querySelector('.name')!.textContent);
const header = (label: RegExp) => within(screen.getAllByRole('row')[0]!).getByRole('button', { name: label });

describe('rows in the order the requests started', () => {
  it('places a request whose response came last where it started, and numbers rows in that order', async () => {
    const { renderIn, source } = setupPanel();
    renderIn(<App />);
    // Bodies arrive out of order: the 204 (started last) first, the slow first call last.
    act(() => call(source, '/third', 3, 204));
    // The first render of a file is slow on a loaded machine.
    await waitFor(() => expect(dataRows()).toHaveLength(1), { timeout: 5_000 });
    act(() => call(source, '/second', 2));
    act(() => call(source, '/first', 1));
    await waitFor(() => expect(dataRows()).toHaveLength(3));
    expect(names()).toEqual(['first', 'second', 'third']);
    expect(dataRows().map((r) => r.querySelector('[role="gridcell"]')!.textContent)).toEqual(['1', '2', '3']);
    // The Started column is local wall-clock time with milliseconds.
    const started = new Date('2026-11-22T10:00:01.000Z');
    const hh = String(started.getHours()).padStart(2, '0');
    expect(dataRows()[0]).toHaveTextContent(`${hh}:${String(started.getMinutes()).padStart(2, '0')}:01.000`);
  });

  it('cycles a column sort ascending → descending → request order', async () => {
    const { renderIn, source } = setupPanel();
    renderIn(<App />);
    act(() => {
      call(source, '/b', 1);
      call(source, '/c', 2);
      call(source, '/a', 3);
    });
    await waitFor(() => expect(dataRows()).toHaveLength(3));
    fireEvent.click(header(/^Name/));
    expect(names()).toEqual(['a', 'b', 'c']);
    fireEvent.click(header(/^Name/));
    expect(names()).toEqual(['c', 'b', 'a']);
    fireEvent.click(header(/^Name/));
    expect(names()).toEqual(['b', 'c', 'a']);
    expect(
      screen.getAllByRole('columnheader').every((h) => h.getAttribute('aria-sort') !== 'descending'),
    ).toBe(true);
  });

  it('puts the worst findings first on the Findings column’s first click', async () => {
    const { renderIn, source } = setupPanel();
    renderIn(<App />);
    act(() => {
      call(source, '/fine', 1);
      // A 500 answered with HTML: error findings.
      source.emit(
        {
          ...harEntry({
            url: 'https://api.example.com/broken',
            status: 500,
            headers: { 'Content-Type': 'text/html' },
          }),
          startedDateTime: '2026-11-22T10:00:02.000Z',
        },
        { text: '<h1>oops</h1>' },
      );
      call(source, '/also-fine', 3);
    });
    // Listed once DevTools' log is read (capture.ts holds what finishes meanwhile), then analysed.
    await waitFor(() => expect(dataRows()).toHaveLength(3));
    await waitFor(() =>
      expect(dataRows().filter((r) => within(r).queryByTitle('Analysing…'))).toHaveLength(0),
    );
    fireEvent.click(header(/^Findings/));
    expect(names()[0]).toBe('broken');
  });

  it('exports in request order whatever the list is sorted by', async () => {
    const { renderIn, source, downloads } = setupPanel();
    renderIn(<App />);
    act(() => {
      call(source, '/b', 1);
      call(source, '/a', 2);
    });
    await waitFor(() => expect(dataRows()).toHaveLength(2));
    fireEvent.click(header(/^Name/));
    expect(names()).toEqual(['a', 'b']);
    fireEvent.click(screen.getByRole('button', { name: /Export/ }));
    fireEvent.click(screen.getByRole('menuitem', { name: /HAR of/ }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const urls = (
      JSON.parse(downloads[0]!.text) as { log: { entries: { request: { url: string } }[] } }
    ).log.entries.map((e) => e.request.url);
    expect(urls).toEqual(['https://api.example.com/b', 'https://api.example.com/a']);
  });
});

describe('the Name column', () => {
  it.each([
    ['https://h.io/api/users/42?fields=name', '42?fields=name'],
    ['https://h.io/api/users/', 'users/'],
    ['https://h.io/', '/'],
    ['https://h.io', '/'],
    ['https://h.io/?q=1', '/?q=1'],
    ['not a url', 'not a url'],
  ])('%s shows as %s', (url, name) => {
    expect(nameOf(url)).toBe(name);
  });

  it('keeps the port in the Host column', async () => {
    const { renderIn, source } = setupPanel();
    renderIn(<App />);
    act(() =>
      source.emit(
        harEntry({
          url: 'http://127.0.0.1:8080/x',
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
        {
          text: '{}',
        },
      ),
    );
    await waitFor(() => expect(dataRows()).toHaveLength(1));
    expect(dataRows()[0]).toHaveTextContent('127.0.0.1:8080');
  });
});
