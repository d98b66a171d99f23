// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';
import { defaultSettings } from '../../../src/core/settings/schema';

const WAIT = { timeout: 10_000 };

/** A user profile that only switches session/duplicate-request off for /v1/me. */
const ME_ENDPOINT = {
  id: 'me-endpoint',
  name: 'Me endpoint',
  summary: 'Two components read /me together on purpose',
  source: 'https://example.com/conventions',
  scope: { urls: ['https://api.example.com/v1/me'] },
  rules: { 'session/duplicate-request': 'off' as const },
};
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

  it(
    'numbers related requests as the list does, though they arrived in another order',
    { timeout: 30_000 },
    async () => {
      const { renderIn, source, store } = setupPanel();
      renderIn(<App />);
      const at = (time: string, entry: ReturnType<typeof harEntry>) => ({
        ...entry,
        startedDateTime: `2026-11-22T10:00:0${time}Z`,
      });
      const other = (path: string) =>
        harEntry({ url: `https://api.example.com/v1/${path}`, status: 200, resourceType: 'fetch' });
      act(() => {
        // Two calls that started later answer first: the 429 is the third to arrive, the list's #1.
        source.emit(at('0.500', other('a')));
        source.emit(at('0.600', other('b')));
        source.emit(
          at('0.000', harEntry({ url, status: 429, headers: { 'Retry-After': '5' }, resourceType: 'fetch' })),
        );
        source.emit(at('1.000', harEntry({ url, status: 200, resourceType: 'fetch' })));
      });
      await waitFor(() => expect(store.getState().rows).toHaveLength(4), WAIT);
      await waitFor(() => expect(store.getState().rows.every((r) => r.analysis)).toBe(true), WAIT);
      const retry = store.getState().rows[3]!;
      const finding = retry.analysis!.findings.find((f) => f.rule === 'session/retry-too-soon')!;
      // The rule counts in arrival order, from 0: the 429 is its #2.
      expect(finding.related![0]!.index).toBe(2);
      act(() => store.getState().select(retry.exchange.id));
      const link = await screen.findByRole('button', { name: /the 429 that said Retry-After: 5/ }, WAIT);
      expect(link.textContent).toMatch(/^#1 /);
      const said = link.closest('li.finding')!.querySelector('.finding-message')!.textContent!;
      expect(said).toContain('#1');
      expect(said).not.toContain('#2');
      expect(within(screen.getByRole('grid')).getAllByRole('row')[1]!.textContent).toMatch(/^1/);
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

  it(
    'lets a profile switch a session rule off inside its scope, and judges again when the profile goes off',
    { timeout: 30_000 },
    async () => {
      const settings = {
        ...defaultSettings(),
        profiles: ['me-endpoint'],
        userProfiles: [ME_ENDPOINT],
      };
      const { source, store, settingsStore, renderIn } = setupPanel(settings);
      renderIn(<App />);
      const get = (path: string) =>
        harEntry({
          url: `https://api.example.com/v1/${path}`,
          status: 200,
          resourceType: 'fetch',
          headers: { 'Content-Type': 'application/json' },
        });
      act(() => {
        for (const path of ['me', 'me', 'orders', 'orders']) source.emit(get(path));
      });
      const duplicates = () =>
        store
          .getState()
          .rows.filter((r) => r.analysis!.findings.some((f) => f.rule === 'session/duplicate-request'))
          .map((r) => new URL(r.exchange.url).pathname);
      await waitFor(() => expect(store.getState().rows).toHaveLength(4), WAIT);
      await waitFor(() => expect(store.getState().rows.every((r) => r.analysis)).toBe(true), WAIT);
      // The repeat of /me is in the profile's scope; the repeat of /orders is not.
      await waitFor(() => expect(duplicates()).toEqual(['/v1/orders']), WAIT);
      // The Overview says the profile is on and what it adjusts, where it said "No profile is on".
      act(() => store.getState().select(store.getState().rows[1]!.exchange.id));
      expect(
        await screen.findByText(
          'Inside the scope of Me endpoint (API calls to https://api.example.com/v1/me): session/duplicate-request off.',
          {},
          WAIT,
        ),
      ).toBeInTheDocument();
      expect(screen.queryByText(/No profile is on/)).toBeNull();
      // The repeat of /orders has its finding: the Overview says why the adjustment left it alone.
      act(() => store.getState().select(store.getState().rows[3]!.exchange.id));
      expect(
        await screen.findByText(
          'Outside the scope of Me endpoint (API calls to https://api.example.com/v1/me): its URL is outside the scope, so its adjustments (session/duplicate-request off) do not apply here.',
          {},
          WAIT,
        ),
      ).toBeInTheDocument();
      await act(() => settingsStore.save({ ...settings, profiles: [] }));
      await waitFor(() => expect(duplicates()).toEqual(['/v1/me', '/v1/orders']), WAIT);
    },
  );

  it('names a profile’s adjustments beside the verdicts of a profile that judges', async () => {
    const settings = {
      ...defaultSettings(),
      profiles: ['problem', 'me-endpoint'],
      userProfiles: [ME_ENDPOINT],
    };
    const { source, store, renderIn } = setupPanel(settings);
    renderIn(<App />);
    act(() =>
      source.emit(
        harEntry({
          url: 'https://api.example.com/v1/me',
          status: 200,
          resourceType: 'fetch',
          headers: { 'Content-Type': 'application/json' },
        }),
      ),
    );
    await waitFor(() => expect(store.getState().rows[0]?.analysis).toBeDefined(), WAIT);
    act(() => store.getState().select(store.getState().rows[0]!.exchange.id));
    expect(await screen.findByText(/^Judged by /, {}, WAIT)).toBeInTheDocument();
    expect(
      screen.getByText(
        'Inside the scope of Me endpoint (API calls to https://api.example.com/v1/me): session/duplicate-request off.',
      ),
    ).toBeInTheDocument();
  });
});
