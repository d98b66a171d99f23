// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/surfaces/panel/App';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';
import { MemorySessionArea } from '../../../src/adapters/memory';
import { DISMISSED_KEY, followDismissals } from '../../../src/surfaces/panel/suggestion-dismissals';

const JSON_CT = { 'Content-Type': 'application/json' };
// Generous waits: on a loaded machine the inline engine can take more than waitFor's default second.
const WAIT = { timeout: 10_000 };

function emitJson(
  source: ReturnType<typeof setupPanel>['source'],
  url: string,
  status: number,
  body: unknown,
) {
  const text = JSON.stringify(body);
  act(() => {
    source.emit(harEntry({ url, status, headers: JSON_CT, resourceType: 'fetch', text }), { text });
  });
}

describe('profile suggestions read from response bodies (signs computed where the analysis runs)', () => {
  it(
    'suggests HAL for a host whose successes carry _links, served as plain JSON, from the second one on',
    { timeout: 30_000 },
    async () => {
      const { renderIn, source, settingsStore, store } = setupPanel();
      renderIn(<App />);
      const order = (id: number) => ({
        id,
        _links: { self: { href: `/orders/${id}` }, customer: { href: '/customers/7' } },
      });
      emitJson(source, 'https://shop.example.com/orders/1', 200, order(1));
      // The sign travels with the analysis: the row knows it once analysed.
      await waitFor(() => expect(store.getState().rows[0]?.analysis?.signs).toEqual(['hal-links']), WAIT);
      // One response is not yet a suggestion (MIN_SIGHTINGS): no banner for it.
      expect(screen.queryByRole('note')).toBeNull();
      emitJson(source, 'https://shop.example.com/orders/2', 200, order(2));
      const note = await screen.findByText(/shop\.example\.com serves HAL/, undefined, WAIT);
      fireEvent.click(
        within(note.closest('[role="note"]')!).getByRole('button', {
          name: /Check shop\.example\.com with HAL/,
        }),
      );
      await waitFor(() => expect(settingsStore.current.profiles).toEqual(['hal']));
      expect(settingsStore.current.profileScopes.hal?.urls).toEqual(['https://shop.example.com/*']);
    },
  );

  it(
    'suggests the JSON envelope for a host whose errors carry "errors" or "msg" lists',
    { timeout: 30_000 },
    async () => {
      const { renderIn, source, settingsStore } = setupPanel();
      renderIn(<App />);
      emitJson(source, 'https://cloud.example.com/disks/4', 409, { errors: ['disk is blocked'] });
      emitJson(source, 'https://cloud.example.com/vms', 400, { msg: ['name is required'] });
      const note = await screen.findByText(
        /cloud\.example\.com answers errors with "errors"\/"msg" lists/,
        undefined,
        WAIT,
      );
      fireEvent.click(
        within(note.closest('[role="note"]')!).getByRole('button', {
          name: /Check cloud\.example\.com with JSON envelope/,
        }),
      );
      await waitFor(() => expect(settingsStore.current.profiles).toEqual(['envelope']));
    },
  );

  it(
    'suggests nothing for bodies that only look alike: Atlassian-style _links, GraphQL and JSON:API errors',
    { timeout: 30_000 },
    async () => {
      const { renderIn, source, store } = setupPanel();
      renderIn(<App />);
      // Each twice, as often as a real sign needs to be seen for a suggestion.
      for (const n of [1, 2]) {
        emitJson(source, `https://wiki.example.com/rest/page/${n}`, 200, {
          _links: { self: `https://wiki.example.com/p/${n}` },
        });
        emitJson(source, `https://api.example.org/things/${n}`, 422, {
          errors: [{ message: 'bad', path: ['x'] }],
        });
      }
      await waitFor(() => expect(store.getState().rows.filter((r) => r.analysis)).toHaveLength(4), WAIT);
      expect(store.getState().rows.every((r) => r.analysis?.signs === undefined)).toBe(true);
      expect(screen.queryByRole('note')).toBeNull();
    },
  );

  it(
    '"Not now" is remembered for the DevTools session: the panel opened again does not ask again',
    { timeout: 30_000 },
    async () => {
      // UI review finding 7: the dismissal lived in React state and came back on every open.
      const session = new MemorySessionArea();
      const problem = (source: ReturnType<typeof setupPanel>['source']) => {
        for (const id of [1, 2]) {
          const text = JSON.stringify({ title: 'Not Found', status: 404 });
          act(() => {
            source.emit(
              harEntry({
                url: `https://api.example.com/users/${id}`,
                status: 404,
                headers: { 'Content-Type': 'application/problem+json' },
                resourceType: 'fetch',
                text,
              }),
              { text },
            );
          });
        }
      };
      const first = setupPanel();
      followDismissals(session, first.store);
      first.renderIn(<App />);
      problem(first.source);
      const note = (
        await screen.findByText(/api\.example\.com answers errors as Problem Details/, undefined, WAIT)
      ).closest('[role="note"]')!;
      fireEvent.click(within(note as HTMLElement).getByRole('button', { name: 'Not now' }));
      expect(screen.queryByRole('note')).toBeNull();
      await waitFor(() =>
        expect(session.data.get(DISMISSED_KEY)).toEqual(['problem https://api.example.com/*']),
      );
      cleanup();

      // DevTools closed and opened again: a new panel, the same browser session.
      const second = setupPanel();
      followDismissals(session, second.store);
      second.renderIn(<App />);
      problem(second.source);
      await waitFor(() => expect(second.store.getState().rows).toHaveLength(2), WAIT);
      await waitFor(
        () => expect(second.store.getState().rows.every((r) => r.analysis !== undefined)).toBe(true),
        WAIT,
      );
      expect(second.store.getState().dismissedSuggestions).toEqual(['problem https://api.example.com/*']);
      expect(screen.queryByRole('note')).toBeNull();
    },
  );
});
