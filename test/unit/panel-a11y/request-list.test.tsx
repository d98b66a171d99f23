// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { makeExchange } from '../../helpers/exchange';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

const dataRows = () => screen.getAllByRole('row').filter((r) => r.hasAttribute('data-id'));
const selectedRow = () => dataRows().find((r) => r.getAttribute('aria-selected') === 'true');

function traffic(source: ReturnType<typeof setupPanel>['source']) {
  for (const [path, status] of [
    ['/a', 200],
    ['/b', 404],
    ['/c', 200],
    ['/d', 500],
  ] as const)
    source.emit(
      harEntry({
        url: `https://api.example.com${path}`,
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
      { text: '{}' },
    );
}

/** The Name column: the last path segment (the full URL is its tooltip). */
const nameCell = (row: HTMLElement) => row.querySelector('[role="gridcell"].name')?.textContent;

describe('request list keyboard and screen-reader support', () => {
  it('points aria-activedescendant at the selected row as the arrows move', async () => {
    const user = userEvent.setup();
    const { renderIn, source } = setupPanel();
    renderIn(<App />);
    act(() => traffic(source));
    await waitFor(() => expect(dataRows()).toHaveLength(4));
    const grid = screen.getByRole('grid', { name: 'Requests' });
    expect(grid).not.toHaveAttribute('aria-activedescendant');

    grid.focus();
    await user.keyboard('{ArrowDown}');
    let row = selectedRow()!;
    expect(nameCell(row)).toBe('a');
    expect(row.id).not.toBe('');
    expect(grid).toHaveAttribute('aria-activedescendant', row.id);

    await user.keyboard('{ArrowDown}{ArrowDown}');
    row = selectedRow()!;
    expect(nameCell(row)).toBe('c');
    expect(grid).toHaveAttribute('aria-activedescendant', row.id);
    expect(document.getElementById(grid.getAttribute('aria-activedescendant')!)).toBe(row);
    expect(document.activeElement).toBe(grid);

    // Every row has its own id.
    expect(new Set(dataRows().map((r) => r.id)).size).toBe(4);

    await user.keyboard('{Escape}');
    expect(grid).not.toHaveAttribute('aria-activedescendant');
  });

  it('makes ids safe to reference from exchange ids with spaces and punctuation', () => {
    const { renderIn, store } = setupPanel();
    const odd = [
      {
        ...makeExchange({ url: 'https://x.test/1', headers: { 'Content-Type': 'application/json' } }),
        id: 'import 1:"a b"',
      },
      {
        ...makeExchange({ url: 'https://x.test/2', headers: { 'Content-Type': 'application/json' } }),
        id: 'import 1:_a b_',
      },
    ];
    act(() => store.getState().addRows(odd.map((exchange) => ({ exchange }))));
    renderIn(<App />);
    act(() => store.getState().select('import 1:"a b"'));
    const grid = screen.getByRole('grid', { name: 'Requests' });
    const id = grid.getAttribute('aria-activedescendant')!;
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(document.getElementById(id)).toBe(selectedRow());
    expect(new Set(dataRows().map((r) => r.id)).size).toBe(2);
  });

  it('moves to the first visible row on ArrowDown when the selected row is filtered out', async () => {
    const user = userEvent.setup();
    const { renderIn, source, store } = setupPanel();
    renderIn(<App />);
    act(() => traffic(source));
    await waitFor(() => expect(dataRows()).toHaveLength(4));
    await user.click(dataRows().find((r) => r.textContent?.includes('/d'))!);
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter requests' }), {
      target: { value: 'status:404' },
    });
    await waitFor(() => expect(dataRows()).toHaveLength(1));
    const grid = screen.getByRole('grid', { name: 'Requests' });
    expect(grid).not.toHaveAttribute('aria-activedescendant');
    grid.focus();
    await user.keyboard('{ArrowDown}');
    expect(nameCell(selectedRow()!)).toBe('b');
    expect(store.getState().selectedId).toBe(dataRows()[0]!.dataset.id);
    expect(grid).toHaveAttribute('aria-activedescendant', dataRows()[0]!.id);
  });
});
