// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

afterEach(cleanup);

const WAIT = { timeout: 10_000 };
const dataRows = () => screen.queryAllByRole('row').filter((r) => r.hasAttribute('data-id'));
const box = () => screen.getByRole('combobox', { name: 'Filter requests' });
const apiOnly = () => screen.getByRole('checkbox', { name: 'API only' });
const detail = () => screen.getByRole('region', { name: 'Selected request' });

/** A page's script (which API only leaves out), then an API call. API only on, as it opens. */
async function scriptAndCall() {
  const panel = setupPanel();
  panel.renderIn(<App />);
  act(() => {
    panel.source.emit(
      harEntry({
        url: 'https://cdn.example.com/app.js',
        status: 200,
        resourceType: 'script',
        headers: { 'Content-Type': 'text/javascript' },
      }),
      { text: 'void 0' },
    );
    panel.source.emit(
      harEntry({
        url: 'https://api.example.com/v1/users',
        status: 200,
        resourceType: 'fetch',
        headers: { 'Content-Type': 'application/json' },
      }),
      { text: '[]' },
    );
  });
  await waitFor(() => expect(panel.store.getState().rows).toHaveLength(2), WAIT);
  const [script, call] = panel.store.getState().rows.map((r) => r.exchange.id);
  return { ...panel, script: script!, call: call! };
}

const listed = (id: string) => dataRows().some((r) => r.getAttribute('data-id') === id);

describe('a selected request hidden by API only says so, and its button shows it', () => {
  it('API only alone: "Turn off API only" lists the row again, selected', async () => {
    const { store, script } = await scriptAndCall();
    fireEvent.click(apiOnly());
    await waitFor(() => expect(dataRows()).toHaveLength(2));
    fireEvent.click(dataRows().find((r) => r.getAttribute('data-id') === script)!);
    fireEvent.click(apiOnly());

    expect(screen.getByText('The selected request is hidden by API only.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Clear the filter' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Turn off API only' }));
    expect(apiOnly()).not.toBeChecked();
    expect(listed(script)).toBe(true);
    expect(store.getState().selectedId).toBe(script);
    expect(detail()).toHaveTextContent('app.js');
  });

  it('API only and the search: "Show all requests" clears both', async () => {
    const { script } = await scriptAndCall();
    fireEvent.click(apiOnly());
    await waitFor(() => expect(dataRows()).toHaveLength(2));
    fireEvent.click(dataRows().find((r) => r.getAttribute('data-id') === script)!);
    fireEvent.change(box(), { target: { value: 'users' } });
    fireEvent.click(apiOnly());

    expect(
      screen.getByText('The selected request is hidden by API only and the current filter.'),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Show all requests' }));
    expect(box()).toHaveValue('');
    expect(apiOnly()).not.toBeChecked();
    expect(listed(script)).toBe(true);
    expect(detail()).toHaveTextContent('app.js');
  });

  it('the search alone: "Clear the filter", and API only stays on', async () => {
    const { call } = await scriptAndCall();
    fireEvent.click(dataRows().find((r) => r.getAttribute('data-id') === call)!);
    fireEvent.change(box(), { target: { value: 'nothing-like-it' } });
    expect(screen.getByText('The selected request is hidden by the current filter.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Clear the filter' }));
    expect(apiOnly()).toBeChecked();
    expect(listed(call)).toBe(true);
  });

  it('a "#N" link to a row API only hides: the note names it, its button lists the row, ← back still works', async () => {
    const { store, script, call } = await scriptAndCall();
    // As a session finding's link on the call would: the script, reached from the call.
    act(() => store.getState().follow(script, call));

    const note = within(detail()).getByText(/is hidden by/);
    expect(note).toHaveTextContent('#1 is hidden by API only. Turn off API only');
    fireEvent.click(within(detail()).getByRole('button', { name: 'Turn off API only' }));
    expect(listed(script)).toBe(true);
    expect(within(detail()).queryByText(/is hidden by/)).not.toBeInTheDocument();
    fireEvent.click(within(detail()).getByRole('button', { name: '← #2' }));
    expect(store.getState().selectedId).toBe(call);
  });
});
