// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeExchange } from '../../helpers/exchange';
import { renderDetail } from './render';

afterEach(cleanup);

describe('Timing tab (#16 point 8)', () => {
  it('shows the HAR phases with their numbers and the Server-Timing metrics', () => {
    const ex = makeExchange({
      headers: { 'Server-Timing': 'db;dur=53.2;desc="Database", cache;desc=hit' },
      timings: { blocked: 1.5, dns: 12, connect: 30, ssl: 18, send: 0.4, wait: 210, receive: 6 },
    });
    renderDetail(ex);
    fireEvent.click(screen.getByRole('tab', { name: 'Timing' }));
    const phases = screen.getByRole('region', { name: 'Request phases' });
    const rows = within(phases).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'Blocked (queueing)1.50 ms',
      'DNS lookup12.0 ms',
      'Connect30.0 ms',
      'TLS handshake18.0 ms',
      'Send0.40 ms',
      'Waiting (server)210.0 ms',
      'Receive6.00 ms',
    ]);
    const server = screen.getByRole('region', { name: 'Server-Timing' });
    expect(
      within(server)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['db Database53.2 ms', 'cache hit—']);
  });

  it('says when there are no phase timings and no Server-Timing header', () => {
    renderDetail(makeExchange({}), { tab: 'timing' });
    expect(screen.getByText(/gave no phase timings/)).toBeInTheDocument();
    expect(screen.getByText(/did not report its own timings/)).toBeInTheDocument();
  });
});
