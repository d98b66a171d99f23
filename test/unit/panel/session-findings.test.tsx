// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

const WAIT = { timeout: 10_000 };
const url = 'https://api.example.com/v1/search?q=a';

describe('session findings in the panel (#18)', () => {
  it(
    'judges live rows as they arrive and links the related row, which selects it',
    { timeout: 30_000 },
    async () => {
      const { renderIn, source, store } = setupPanel();
      renderIn(<App />);
      act(() => {
        source.emit(harEntry({ url, status: 429, headers: { 'Retry-After': '5' }, resourceType: 'fetch' }));
      });
      act(() => {
        source.emit(
          harEntry({
            url,
            status: 200,
            resourceType: 'fetch',
            headers: { 'Content-Type': 'application/json' },
          }),
        );
      });
      await waitFor(() => expect(store.getState().rows.every((r) => r.analysis)).toBe(true), WAIT);
      await waitFor(() => expect(store.getState().rows).toHaveLength(2), WAIT);
      const [first, second] = store.getState().rows;
      expect(second!.analysis!.findings.map((f) => f.rule)).toContain('session/retry-too-soon');
      act(() => store.getState().select(second!.exchange.id));
      const link = await screen.findByRole('button', { name: /the 429 that said Retry-After: 5/ }, WAIT);
      fireEvent.click(link);
      expect(store.getState().selectedId).toBe(first!.exchange.id);
    },
  );

  it('starts a new live session on Clear', { timeout: 30_000 }, async () => {
    const { source, store, analyzer } = setupPanel();
    act(() => {
      source.emit(harEntry({ url, status: 429, headers: { 'Retry-After': '5' }, resourceType: 'fetch' }));
    });
    await waitFor(() => expect(store.getState().rows[0]?.analysis).toBeDefined(), WAIT);
    analyzer.endpoints({ type: 'endpoints/clear' });
    act(() => {
      source.emit(harEntry({ url, status: 200, resourceType: 'fetch' }));
    });
    await waitFor(() => expect(store.getState().rows[1]?.analysis).toBeDefined(), WAIT);
    expect(store.getState().rows[1]!.analysis!.findings.map((f) => f.rule)).not.toContain(
      'session/retry-too-soon',
    );
  });
});
