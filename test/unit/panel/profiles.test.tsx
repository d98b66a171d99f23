// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/core/settings/schema';
import { App } from '../../../src/surfaces/panel/App';
import { harEntry } from '../../helpers/har';
import { setupPanel } from '../../helpers/panel';

const PROBLEM = { 'Content-Type': 'application/problem+json' };
const problemBody = JSON.stringify({ title: 'Not Found', status: 500 });

// Generous waits: on a loaded machine the inline engine can take more than waitFor's default second.
const WAIT = { timeout: 10_000 };

async function rowsShown(n: number) {
  await waitFor(
    () => expect(screen.getAllByRole('row').filter((r) => r.hasAttribute('data-id'))).toHaveLength(n),
    WAIT,
  );
  await waitFor(() => expect(screen.queryAllByTitle('Analysing…')).toHaveLength(0), WAIT);
}

describe('profiles in the panel', () => {
  it(
    'suggests Problem Details for a host that answers with it, and enabling it judges at once',
    { timeout: 30_000 },
    async () => {
      const { renderIn, source, settingsStore, store } = setupPanel();
      renderIn(<App />);
      // Two responses: one is not yet a suggestion (MIN_SIGHTINGS).
      act(() => {
        for (const id of [9, 10])
          source.emit(
            harEntry({
              url: `https://api.example.com/things/${id}`,
              status: 404,
              headers: PROBLEM,
              resourceType: 'fetch',
              text: problemBody,
            }),
            { text: problemBody },
          );
      });
      await rowsShown(2);
      const note = await screen.findByText(/api\.example\.com answers errors as Problem Details/);
      fireEvent.click(
        within(note.closest('[role="note"]')!).getByRole('button', {
          name: /Check api\.example\.com with Problem Details/,
        }),
      );
      await waitFor(() => expect(settingsStore.current.profiles).toEqual(['problem']));
      expect(settingsStore.current.profileScopes.problem?.urls).toEqual(['https://api.example.com/*']);
      // Re-analysed at once: the row now carries the profile's finding, and the suggestion is gone.
      await waitFor(() =>
        expect(store.getState().rows[0]?.analysis?.findings.map((f) => f.rule)).toContain(
          'problem/status-match',
        ),
      );
      fireEvent.click(screen.getAllByRole('row').find((r) => r.hasAttribute('data-id'))!);
      expect(await screen.findByText(/"status" member says 500/)).toBeInTheDocument();
      expect(screen.getByText(/Judged by Problem Details \(RFC 9457\)/)).toBeInTheDocument();
      expect(screen.queryByText(/answers errors as Problem Details/)).toBeNull();
    },
  );

  it('the Overview says why a profile did not judge an exchange', async () => {
    const settings = defaultSettings();
    settings.capture.apiOnly = false;
    const { renderIn, source } = setupPanel({ ...settings, profiles: ['problem'] });
    renderIn(<App />);
    act(() => {
      source.emit(
        harEntry({
          url: 'https://cdn.example.com/app.js',
          status: 500,
          headers: { 'Content-Type': 'text/javascript' },
          resourceType: 'script',
        }),
        { text: 'x' },
      );
    });
    await rowsShown(1);
    fireEvent.click(screen.getAllByRole('row').find((r) => r.hasAttribute('data-id'))!);
    expect(await screen.findByText(/No profile judged this exchange/)).toBeInTheDocument();
    expect(
      screen.getByText(/Not judged by Problem Details \(RFC 9457\): it is a script request, not fetch\/XHR/),
    ).toBeInTheDocument();
  });

  it('the toolbar control lists profiles with their scopes and switches one on for this host', async () => {
    const { renderIn, source, settingsStore } = setupPanel();
    renderIn(<App />);
    act(() => {
      source.emit(
        harEntry({
          url: 'http://127.0.0.1:4000/api/x',
          status: 200,
          headers: { 'Content-Type': 'application/json' },
          resourceType: 'xhr',
        }),
        { text: '{}' },
      );
    });
    await rowsShown(1);
    fireEvent.click(screen.getByRole('button', { name: 'Profiles' }));
    const dialog = screen.getByRole('dialog', { name: 'Profiles' });
    expect(within(dialog).getByRole('switch', { name: 'GraphQL over HTTP' })).not.toBeChecked();
    expect(dialog).toHaveTextContent('Applies to GraphQL requests to any host');
    const halItem = within(dialog).getByRole('switch', { name: 'HAL' }).closest('li')!;
    fireEvent.click(within(halItem).getByRole('button', { name: 'On for 127.0.0.1:4000 only' }));
    await waitFor(() => expect(settingsStore.current.profiles).toEqual(['hal']));
    expect(settingsStore.current.profileScopes.hal?.urls).toEqual(['http://127.0.0.1:4000/*']);
    expect(screen.getByRole('button', { name: 'Profiles (1 on)' })).toBeInTheDocument();
  });

  it(
    'suggests GraphQL for a GraphQL POST to /query; on for that host it judges GraphQL requests only',
    { timeout: 30_000 },
    async () => {
      const settings = { ...defaultSettings(), profiles: ['problem'] };
      const { renderIn, source, settingsStore, store } = setupPanel(settings);
      renderIn(<App />);
      const json = { 'Content-Type': 'application/json' };
      const errors = JSON.stringify({ errors: [{ message: 'must be authenticated' }] });
      act(() => {
        // gqlgen's endpoint: nothing in the URL says GraphQL; the request's body does. Twice, as
        // a suggestion needs (MIN_SIGHTINGS).
        for (let i = 0; i < 2; i++)
          source.emit(
            harEntry({
              method: 'POST',
              url: 'http://127.0.0.1:4000/query',
              status: 200,
              headers: json,
              postData: {
                mimeType: 'application/json',
                text: '{"query":"query Viewer { viewer { login } }"}',
              },
              text: errors,
            }),
            { text: errors },
          );
        // A REST call whose path says "graphql" shows nothing of GraphQL, however often.
        for (let i = 0; i < 2; i++)
          source.emit(
            harEntry({
              method: 'POST',
              url: 'https://rest.example.com/v1/connectors/graphql',
              status: 201,
              headers: json,
              postData: { mimeType: 'application/json', text: '{"endpoint":"https://x.example/gql"}' },
              text: '{}',
            }),
            { text: '{}' },
          );
      });
      await rowsShown(4);
      const note = await screen.findByText(
        '127.0.0.1:4000 serves GraphQL over HTTP: check it against that profile?',
      );
      expect(screen.queryByText(/rest\.example\.com serves GraphQL/)).toBeNull();
      // Before: problem (a REST convention) leaves the GraphQL request alone, and says why.
      const queryId = store.getState().rows.find((r) => r.exchange.url.endsWith('/query'))!.exchange.id;
      fireEvent.click(screen.getAllByRole('row').find((r) => r.getAttribute('data-id') === queryId)!);
      expect(
        await screen.findByText(/Not judged by Problem Details \(RFC 9457\): it is a GraphQL request/),
      ).toBeInTheDocument();
      fireEvent.click(
        within(note.closest('[role="note"]')!).getByRole('button', {
          name: 'Check 127.0.0.1:4000 with GraphQL over HTTP',
        }),
      );
      await waitFor(() => expect(settingsStore.current.profiles).toEqual(['problem', 'graphql']));
      // "This host" narrows the built-in's scope: still GraphQL requests only.
      expect(settingsStore.current.profileScopes.graphql).toEqual({
        requests: 'graphql',
        apiCallsOnly: true,
        urls: ['http://127.0.0.1:4000/*'],
      });
      await waitFor(() =>
        expect(store.getState().rows[0]?.analysis?.profiles).toEqual([
          expect.objectContaining({ profile: 'problem' }),
          { profile: 'graphql' },
        ]),
      );
      expect(await screen.findByText(/Judged by GraphQL over HTTP/)).toBeInTheDocument();
      expect(screen.queryByText(/serves GraphQL over HTTP: check it/)).toBeNull();
    },
  );

  it('warns when two enabled profiles with overlapping scopes contradict each other', async () => {
    const { renderIn } = setupPanel({ ...defaultSettings(), profiles: ['hal', 'envelope'] });
    renderIn(<App />);
    expect(
      await screen.findByText(/HAL and JSON envelope both apply here but contradict each other/),
    ).toBeInTheDocument();
  });
});
