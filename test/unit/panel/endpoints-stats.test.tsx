// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

afterEach(cleanup);

const J = { 'Content-Type': 'application/json' };

describe('the Endpoints view’s numbers (#16 point 8)', () => {
  it('shows calls, error rate and p50/p95 per endpoint, worst first, with findings by rule marked by severity', async () => {
    const { renderIn, source, store } = setupPanel();
    renderIn(<App />);
    act(() => {
      for (const [i, t] of [40, 50, 60, 900].entries())
        source.emit(
          { ...harEntry({ url: `https://api.example.com/users/${i}`, status: 200, headers: J }), time: t },
          {
            text: '{}',
          },
        );
      source.emit(
        { ...harEntry({ url: 'https://api.example.com/orders/1', status: 503, headers: J }), time: 80 },
        {
          text: '{}',
        },
      );
      source.emit(
        {
          ...harEntry({ method: 'POST', url: 'https://api.example.com/users', status: 201, headers: J }),
          time: 30,
        },
        { text: '{}' },
      );
    });
    await waitFor(() => expect(store.getState().rows.filter((r) => r.analysis)).toHaveLength(6));
    fireEvent.click(screen.getByRole('tab', { name: 'Endpoints' }));
    const region = await screen.findByRole('region', { name: 'Endpoints' });
    const head = within(region)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(head.slice(0, 5)).toEqual(['Endpoint', 'Calls', 'Errors', 'p50', 'p95']);
    const rows = within(region).getAllByRole('row').slice(1);
    // The 503 ranks first although the POST has a finding: server errors lead.
    expect(rows.map((r) => within(r).getByRole('button').textContent)).toEqual([
      'GET /orders/{id}',
      'POST /users',
      'GET /users/{id}',
    ]);
    const cells = (r: HTMLElement) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells(rows[0]!).slice(0, 4)).toEqual(['1', '100%', '80 ms', '80 ms']);
    expect(cells(rows[2]!).slice(0, 4)).toEqual(['4', '0%', '50 ms', '900 ms']);
    const rules = within(rows[1]!).getByRole('list', { name: /Findings by rule for POST \/users/ });
    const item = within(rules).getAllByRole('listitem')[0]!;
    expect(item).toHaveTextContent('http/created-location ×1');
    expect(item.querySelector('.sev-warning')).not.toBeNull();
  });
});
