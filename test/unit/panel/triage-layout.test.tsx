// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { harEntry } from '../../helpers/har';
import { dockedAt, setupPanel } from '../../helpers/panel';

type Source = ReturnType<typeof setupPanel>['source'];

function traffic(source: Source) {
  const headers = { 'Content-Type': 'application/json' };
  source.emit(harEntry({ url: 'https://api.example.com/users/1', status: 200, headers }), { text: '{}' });
  source.emit(harEntry({ url: 'https://api.example.com/users/9', status: 404, headers }), { text: '{}' });
}

const dataRows = () => screen.getAllByRole('row').filter((r) => r.hasAttribute('data-id'));
const box = () => screen.getByRole('combobox', { name: 'Filter requests' });

afterEach(() => vi.unstubAllGlobals());

describe('the detail follows the filter', () => {
  it('says the selected request is hidden instead of showing it, and comes back with it', async () => {
    const { renderIn, source } = setupPanel();
    renderIn(<App />);
    act(() => traffic(source));
    await waitFor(() => expect(dataRows()).toHaveLength(2), { timeout: 5_000 });
    fireEvent.click(dataRows()[0]!);
    expect(screen.getByRole('region', { name: 'Selected request' })).toHaveTextContent('/users/1');
    fireEvent.change(box(), { target: { value: 'status:404' } });
    expect(screen.queryByRole('region', { name: 'Selected request' })).not.toBeInTheDocument();
    expect(screen.getByText('The selected request is hidden by the current filter.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Clear the filter' }));
    expect(box()).toHaveValue('');
    expect(screen.getByRole('region', { name: 'Selected request' })).toHaveTextContent('/users/1');
    fireEvent.change(box(), { target: { value: 'status:404' } });
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.getByText(/Select a request/)).toBeInTheDocument();
  });
});

describe('keyboard shortcuts', () => {
  it('Ctrl+E pauses and resumes, Ctrl+L clears, Ctrl+F focuses the filter, ? opens the sheet', async () => {
    const user = userEvent.setup();
    const { renderIn, source, store } = setupPanel();
    renderIn(<App />);
    act(() => traffic(source));
    await waitFor(() => expect(dataRows()).toHaveLength(2), { timeout: 5_000 });
    await user.keyboard('{Control>}e{/Control}');
    expect(store.getState().recording).toBe(false);
    expect(screen.getByRole('button', { name: /Paused/ })).toBeInTheDocument();
    await user.keyboard('{Control>}e{/Control}');
    expect(store.getState().recording).toBe(true);
    await user.keyboard('{Control>}f{/Control}');
    expect(box()).toHaveFocus();
    // In the box, ? is a character, not the sheet.
    await user.keyboard('?');
    expect(box()).toHaveValue('?');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument();
    await user.clear(box());
    screen.getByRole('grid').focus();
    // `/` too: docked DevTools keeps Ctrl+F for its own search bar.
    await user.keyboard('/');
    expect(box()).toHaveFocus();
    expect(box()).toHaveValue('');
    screen.getByRole('grid').focus();
    await user.keyboard('?');
    const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(sheet).getByText('Record / pause')).toBeInTheDocument();
    // Ctrl/⌘+F is DevTools' own search bar, which the panel follows (devtools-search.ts).
    expect(
      within(sheet).getByText(/^DevTools’ search bar: what you type there filters the list/),
    ).toBeInTheDocument();
    // Modal: Tab stays on its one control, Shift+Tab too, never reaching the list behind it.
    const close = within(sheet).getByRole('button', { name: 'Close' });
    expect(close).toHaveFocus();
    await user.tab();
    expect(close).toHaveFocus();
    await user.tab({ shift: true });
    expect(close).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.keyboard('{Control>}l{/Control}');
    expect(store.getState().rows).toHaveLength(0);
  });
});

describe('any dock size', () => {
  it('stacks the detail under the list and collapses toolbar actions into menus when narrow', async () => {
    dockedAt(420);
    const { renderIn, source } = setupPanel();
    renderIn(<App />);
    act(() => traffic(source));
    await waitFor(() => expect(dataRows()).toHaveLength(2), { timeout: 5_000 });
    expect(screen.getByRole('separator', { name: 'Resize the detail view' })).toHaveAttribute(
      'aria-orientation',
      'horizontal',
    );
    // The toggles and Import sit behind "More" buttons.
    expect(screen.queryByRole('checkbox', { name: 'API only' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Import HAR/ })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'More filters and options' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'API only' }));
    expect(screen.getByRole('checkbox', { name: 'API only' })).not.toBeChecked();
    fireEvent.click(screen.getByRole('button', { name: 'More actions' }));
    expect(screen.getByRole('button', { name: /Import HAR/ })).toBeInTheDocument();
  });

  it('keeps everything in view side by side when wide', async () => {
    dockedAt(1400);
    const { renderIn } = setupPanel();
    renderIn(<App />);
    expect(screen.getByRole('separator', { name: 'Resize the detail view' })).toHaveAttribute(
      'aria-orientation',
      'vertical',
    );
    expect(screen.getByRole('checkbox', { name: 'API only' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Import HAR/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^More/ })).not.toBeInTheDocument();
  });
});
