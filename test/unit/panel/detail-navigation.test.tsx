// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

afterEach(cleanup);

// Each test waits for the session analysis (a worker round trip): slow on a loaded machine.
const WAIT = { timeout: 10_000 };
const url = 'https://api.example.com/v1/search?q=a';
const dataRows = () => screen.queryAllByRole('row').filter((r) => r.hasAttribute('data-id'));
const detail = () => screen.getByRole('region', { name: 'Selected request' });
const box = () => screen.getByRole('combobox', { name: 'Filter requests' });

/** A 429 with Retry-After: 5, retried at once (#2 links #1: session/retry-too-soon). */
async function retriedTooSoon() {
  const panel = setupPanel();
  panel.renderIn(<App />);
  act(() => {
    panel.source.emit(harEntry({ url, status: 429, headers: { 'Retry-After': '5' }, resourceType: 'fetch' }));
  });
  act(() => {
    panel.source.emit(
      harEntry({ url, status: 200, resourceType: 'fetch', headers: { 'Content-Type': 'application/json' } }),
    );
  });
  // Listed once DevTools' log is read (capture.ts holds what finishes meanwhile), then analysed:
  // with no rows yet, "every row analysed" would hold at once.
  await waitFor(() => expect(panel.store.getState().rows).toHaveLength(2), WAIT);
  await waitFor(() => expect(panel.store.getState().rows.every((r) => r.analysis)).toBe(true), WAIT);
  const [first, second] = panel.store.getState().rows.map((r) => r.exchange.id);
  return { ...panel, first: first!, second: second! };
}

describe("a finding's #N link always shows the request it names (review finding 3)", () => {
  it(
    'to a row the filter hides: its detail, a note that it is hidden, and ← back to the finding',
    { timeout: 30_000 },
    async () => {
      const { store, first, second } = await retriedTooSoon();
      fireEvent.change(box(), { target: { value: 'rule:session/retry-too-soon' } });
      await waitFor(() => expect(dataRows()).toHaveLength(1));
      fireEvent.click(dataRows()[0]!);
      fireEvent.click(
        await screen.findByRole('button', { name: /#1 the 429 that said Retry-After: 5/ }, WAIT),
      );

      // #1 is shown, though the list hides it, with the note and the way back.
      expect(store.getState().selectedId).toBe(first);
      expect(
        screen.queryByText('The selected request is hidden by the current filter.'),
      ).not.toBeInTheDocument();
      expect(within(detail()).getByText('429')).toBeInTheDocument();
      expect(within(detail()).getByText(/is hidden by the current filter/)).toHaveTextContent(
        '#1 is hidden by the current filter. Clear the filter',
      );
      fireEvent.click(within(detail()).getByRole('button', { name: '← #2' }));
      expect(store.getState().selectedId).toBe(second);
      expect(within(detail()).getByRole('button', { name: /#1 the 429/ })).toBeInTheDocument();
      expect(within(detail()).queryByText(/is hidden by the current filter/)).not.toBeInTheDocument();

      // Clear the filter from the note: #1 is then in the list, selected.
      fireEvent.click(within(detail()).getByRole('button', { name: /#1 the 429/ }));
      fireEvent.click(within(detail()).getByRole('button', { name: 'Clear the filter' }));
      await waitFor(() => expect(dataRows()).toHaveLength(2));
      expect(dataRows()[0]).toHaveAttribute('aria-selected', 'true');
      expect(within(detail()).queryByText(/is hidden by the current filter/)).not.toBeInTheDocument();
    },
  );

  it(
    'a selection made in the list is not shown while the filter hides it, as before',
    { timeout: 30_000 },
    async () => {
      const { store, first } = await retriedTooSoon();
      fireEvent.click(dataRows()[0]!);
      expect(store.getState().selectedId).toBe(first);
      fireEvent.change(box(), { target: { value: 'rule:session/retry-too-soon' } });
      expect(screen.getByText('The selected request is hidden by the current filter.')).toBeInTheDocument();
    },
  );
});

describe('a newly selected request opens at the top of its detail (review finding 4)', () => {
  it(
    'resets the scroll of every tab panel the previous request left scrolled',
    { timeout: 30_000 },
    async () => {
      const { second } = await retriedTooSoon();
      fireEvent.click(dataRows()[1]!);
      const overview = detail().querySelector<HTMLElement>('.detail-panel.panel-overview')!;
      overview.scrollTop = 524;
      fireEvent.click(await screen.findByRole('button', { name: /#1 the 429/ }, WAIT));
      expect(detail().querySelector<HTMLElement>('.detail-panel.panel-overview')!.scrollTop).toBe(0);
      detail().querySelector<HTMLElement>('.detail-panel.panel-overview')!.scrollTop = 300;
      fireEvent.click(dataRows().find((r) => r.dataset.id === second)!);
      expect(detail().querySelector<HTMLElement>('.detail-panel.panel-overview')!.scrollTop).toBe(0);
    },
  );
});

describe('Esc is the panel’s, never passed on to DevTools (review finding 5)', () => {
  /** Whether a keydown reached the document (where DevTools' extension API forwards keys from). */
  function reachesDocument(target: Element, key: string): { forwarded: boolean; prevented: boolean } {
    let forwarded = false;
    const spy = (e: KeyboardEvent) => {
      if (e.key === key) forwarded = true;
    };
    document.addEventListener('keydown', spy);
    const notPrevented = fireEvent.keyDown(target, { key });
    document.removeEventListener('keydown', spy);
    return { forwarded, prevented: !notPrevented };
  }

  it('in the list: deselects, and the key goes no further', { timeout: 30_000 }, async () => {
    const { store } = await retriedTooSoon();
    fireEvent.click(dataRows()[0]!);
    const grid = screen.getByRole('grid');
    grid.focus();
    expect(reachesDocument(grid, 'Escape')).toEqual({ forwarded: false, prevented: true });
    expect(store.getState().selectedId).toBeNull();
  });

  it(
    'in the detail: back to the selected row in the list, still selected, and the key goes no further',
    { timeout: 30_000 },
    async () => {
      const { store, first } = await retriedTooSoon();
      fireEvent.click(dataRows()[0]!);
      const tab = within(detail()).getByRole('tab', { name: 'Overview' });
      tab.focus();
      expect(reachesDocument(tab, 'Escape')).toEqual({ forwarded: false, prevented: true });
      expect(screen.getByRole('grid')).toHaveFocus();
      expect(store.getState().selectedId).toBe(first);
      // Esc again, now in the list, deselects: the sheet's "Esc".
      fireEvent.keyDown(screen.getByRole('grid'), { key: 'Escape' });
      expect(store.getState().selectedId).toBeNull();
    },
  );
});
