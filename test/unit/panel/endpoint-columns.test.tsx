// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { endpointColumns } from '../../../src/surfaces/panel/endpoint-columns';
import { harEntry } from '../../helpers/har';
import { dockedAt, setupPanel } from '../../helpers/panel';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ids = (width: number) => endpointColumns(width).map((c) => c.id);

describe('the Endpoints table’s columns follow the view’s width', () => {
  it('keeps endpoint, calls, errors and findings at any width, dropping timings and families first', () => {
    expect(ids(Number.POSITIVE_INFINITY)).toEqual([
      'endpoint',
      'calls',
      'errors',
      'p50',
      'p95',
      '2xx',
      '3xx',
      '4xx',
      '5xx',
      'failed',
      'findings',
    ]);
    // Bottom-docked on a laptop: everything but the family counts.
    expect(ids(800)).toEqual(['endpoint', 'calls', 'errors', 'p50', 'p95', 'findings']);
    // Docked to the right (~555 px, or narrower).
    expect(ids(555)).toEqual(['endpoint', 'calls', 'errors', 'findings']);
    expect(ids(300)).toEqual(['endpoint', 'calls', 'errors', 'findings']);
    // The same array within a layout, so that memoised rows stay memoised while resizing.
    expect(endpointColumns(560)).toBe(endpointColumns(600));
  });

  it('gives the endpoint and findings columns a minimum that fits a right-docked view', () => {
    const px = (w: string) => Number(/(\d+)px/.exec(w)![1]);
    const cols = endpointColumns(555);
    const min = cols.reduce((sum, c) => sum + px(c.width), 0);
    expect(px(cols[0]!.width)).toBeGreaterThanOrEqual(120);
    expect(px(cols.at(-1)!.width)).toBeGreaterThanOrEqual(120);
    // 555 px less the view's padding: the minimums fit, with room left for the fr shares.
    expect(min).toBeLessThanOrEqual(555 - 16);
  });

  it('renders only those columns when DevTools is docked to the side', async () => {
    dockedAt(540);
    const { renderIn, source, store } = setupPanel();
    renderIn(<App />);
    act(() => {
      source.emit(
        harEntry({
          url: 'https://api.example.com/users/1',
          status: 404,
          headers: { 'Content-Type': 'application/json' },
        }),
        { text: '{}' },
      );
    });
    await waitFor(() => expect(store.getState().rows.filter((r) => r.analysis)).toHaveLength(1));
    fireEvent.click(screen.getByRole('tab', { name: 'Endpoints' }));
    const region = await screen.findByRole('region', { name: 'Endpoints' });
    // Measured once the table is on screen (as ResizeObserver reports in Chrome).
    await waitFor(() =>
      expect(
        within(region)
          .getAllByRole('columnheader')
          .map((h) => h.textContent),
      ).toEqual(['Endpoint', 'Calls', 'Errors', 'Findings by rule']),
    );
    const row = within(region).getAllByRole('row')[1]!;
    expect(row.style.gridTemplateColumns).toBe('minmax(140px, 2fr) 56px 56px minmax(160px, 3fr)');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent)
        .slice(0, 2),
    ).toEqual(['1', '100%']);
    expect(within(row).getByRole('rowheader')).toHaveAttribute('title', 'GET /users/{id} api.example.com');
  });
});
