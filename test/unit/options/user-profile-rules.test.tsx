// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryPermissions, MemoryProfileStore, MemorySettingsStore } from '../../../src/adapters/memory';
import type { ProfileDocument } from '../../../src/core/profiles/types';
import { defaultSettings } from '../../../src/core/settings/schema';
import { createOptionsStore } from '../../../src/state/options-store';
import { App } from '../../../src/surfaces/options/App';
import { OptionsProvider } from '../../../src/surfaces/options/options-context';

afterEach(cleanup);

const acme: ProfileDocument = {
  id: 'acme',
  name: 'Acme API',
  summary: 'Acme errors are JSON objects with a code.',
  source: 'https://acme.example/guide',
  scope: { urls: ['http://127.0.0.1:4000/*'] },
  mediaTypes: { error: ['application/json'] },
  body: { error: { required: ['code'] } },
  checks: ['problem/shape'],
};

function setup(on: string[]) {
  const settingsStore = new MemorySettingsStore({ ...defaultSettings(), profiles: on });
  const profileStore = new MemoryProfileStore({ profiles: [acme] });
  const store = createOptionsStore({
    settings: settingsStore,
    profiles: profileStore,
    permissions: new MemoryPermissions(false, true),
    download: () => undefined,
    debounceMs: 5,
  });
  render(
    <OptionsProvider value={store}>
      <App />
    </OptionsProvider>,
  );
  return { settingsStore, profileStore, user: userEvent.setup() };
}

const WAIT = { timeout: 10_000 };

describe("the options page's rule list and the user's own profiles", () => {
  it(
    'lists the rules a user profile generates under that profile, rated like any other',
    { timeout: 30_000 },
    async () => {
      const { settingsStore, user } = setup(['acme']);
      const group = (await screen.findByRole('heading', { name: /Acme API/, level: 3 }, WAIT)).closest(
        'section',
      )!;
      expect(group).toHaveAttribute('data-group', 'acme');
      const media = within(group).getByRole('combobox', { name: 'Severity of acme/media-type' });
      expect(
        within(group).getByRole('combobox', { name: 'Severity of acme/body-shape' }),
      ).toBeInTheDocument();
      // Its function check is the registry's, listed once, with its own family.
      expect(within(group).queryByRole('combobox', { name: 'Severity of problem/shape' })).toBeNull();
      expect(group.querySelector('[data-rule="acme/media-type"]')).toHaveTextContent('acme profile');
      await user.selectOptions(media, 'off');
      await waitFor(() => expect(settingsStore.current.rules).toEqual({ 'acme/media-type': 'off' }));
      // Switched off, the profile's rules say so.
      await user.click(screen.getByRole('switch', { name: /Acme API/ }));
      await waitFor(() => expect(settingsStore.current.profiles).toEqual([]));
      expect(group.querySelector('[data-rule="acme/media-type"]')).toHaveTextContent('acme profile (off)');
    },
  );

  it("rates the rules built-in profiles' data generates", { timeout: 30_000 }, async () => {
    const { settingsStore, user } = setup([]);
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Severity of graphql/media-type' }, WAIT),
      'error',
    );
    await waitFor(() => expect(settingsStore.current.rules).toEqual({ 'graphql/media-type': 'error' }));
  });

  it(
    'a settings file without the user profiles keeps them, switched off, and says so',
    { timeout: 30_000 },
    async () => {
      const { profileStore, settingsStore } = setup(['acme']);
      const input = (await screen.findByLabelText(/Import settings/, undefined, WAIT)) as HTMLInputElement;
      const file = new File([JSON.stringify({ version: 1, profiles: ['problem'] })], 'team.json', {
        type: 'application/json',
      });
      await userEvent.upload(input, file);
      expect(
        await screen.findByText(
          /Your profiles not in the file were kept, switched off: Acme API/,
          undefined,
          WAIT,
        ),
      ).toBeInTheDocument();
      await waitFor(() => expect(settingsStore.current.profiles).toEqual(['problem']));
      expect(profileStore.current).toEqual({ profiles: [acme] });
    },
  );
});
